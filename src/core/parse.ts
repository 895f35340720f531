import type { Root } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

// What unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).parse(text) does,
// in the same order, without the processor: the bundles then carry no Markdown serialiser (remark-gfm
// registers one) and no unified/vfile.
const FRONT_MATTER = ['yaml', 'toml'] as const;
let options: Options | undefined;

/** Markdown text -> mdast, with GFM (tables, task lists) and front matter. */
export function parseMarkdown(text: string): Root {
  options ??= { extensions: [gfm(), frontmatter([...FRONT_MATTER])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown([...FRONT_MATTER])] };
  return fromMarkdown(text, options);
}
