/**
 * A cheap line scanner that cuts a document where the parser would see a
 * top-level ATX heading, so each chunk can be parsed and cached on its own.
 * A missing cut is always safe (the parser still finds the heading inside the
 * chunk); a wrong cut is not, so the scanner only cuts where it is sure.
 */
export interface Chunk {
  text: string;
  /** 1-based line of the chunk's first line in the document. */
  startLine: number;
  startOffset: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const HTML_START = /^ {0,3}</;

export function splitChunks(text: string): Chunk[] {
  const cuts: { offset: number; line: number }[] = [{ offset: 0, line: 1 }];
  let fence: string | undefined;
  let inHtml = false;
  let line = 1;
  let offset = 0;
  const frontMatter = /^---[ \t]*\r?\n/.test(text);
  let inFrontMatter = frontMatter;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(offset, end);
    if (inFrontMatter) {
      if (line > 1 && /^(?:---|\.\.\.)[ \t]*\r?$/.test(content)) inFrontMatter = false;
    } else if (fence) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\r?$`).test(content)) fence = undefined;
    } else if (inHtml) {
      if (content.trim() === '') inHtml = false;
    } else {
      const open = FENCE_OPEN.exec(content);
      if (open && !(open[1][0] === '`' && content.slice(open[0].length).includes('`'))) fence = open[1];
      else if (HTML_START.test(content)) inHtml = true;
      else if (ATX_HEADING.test(content) && line > 1) cuts.push({ offset, line });
    }
    if (newline === -1) break;
    offset = newline + 1;
    line++;
  }
  return cuts.map((cut, i) => ({
    text: text.slice(cut.offset, cuts[i + 1]?.offset ?? text.length),
    startLine: cut.line,
    startOffset: cut.offset,
  }));
}
