import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** Markdown text -> mdast, with GFM (tables, task lists) and front matter. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
