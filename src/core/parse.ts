import type { Root } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

const FRONT_MATTER: ('yaml' | 'toml')[] = ['yaml', 'toml'];

/**
 * GFM and front matter syntax for remark-parse, registered on the processor's data exactly as
 * remark-gfm and remark-frontmatter do, minus their to-markdown half: the bundles then carry no
 * Markdown serialiser (test/parse.test.ts checks the trees equal the plain remark pipeline's).
 */
function gfmAndFrontMatterSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm(), frontmatter(FRONT_MATTER));
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown(), frontmatterFromMarkdown(FRONT_MATTER));
}

let processor: Processor<Root> | undefined;

/** Markdown text -> mdast, with GFM (tables, task lists) and front matter. */
export function parseMarkdown(text: string): Root {
  processor ??= unified().use(remarkParse).use(gfmAndFrontMatterSyntax).freeze();
  return processor.parse(text);
}
