// Text edits the editor writes, computed on the document text (offsets), so
// they can be tested without an editor.
import { isMap, parseDocument } from 'yaml';
import type { ProductKind } from '../core/config.js';
import { applyEdits, safeFixes } from '../core/fixes.js';
import { readFrontMatter } from '../core/front-matter.js';
import { lineStarts } from '../core/text.js';
import type { Finding, TextEdit } from '../core/types.js';

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Offset just past the front matter, or 0. */
export function frontMatterEnd(text: string): number {
  return readFrontMatter(text)?.endOffset ?? 0;
}

/**
 * `<!-- pmpo-lint-disable-next-line rule -->` on its own line above the
 * finding's first line (keeping its indentation). Undefined when that line is
 * inside the front matter, where a comment would break the YAML.
 */
export function disableLineEdit(text: string, finding: Finding): TextEdit | undefined {
  const starts = lineStarts(text);
  const lineStart = starts[finding.range.start.line - 1];
  if (lineStart === undefined || lineStart < frontMatterEnd(text)) return undefined;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const indent = /^[ \t]*/.exec(line)![0];
  return { range: [lineStart, lineStart], text: `${indent}<!-- pmpo-lint-disable-next-line ${finding.ruleId} -->${eolOf(text)}` };
}

/** `<!-- pmpo-lint-disable-file rule -->` after any front matter, never above it. */
export function disableFileEdit(text: string, ruleId: string): TextEdit {
  const offset = frontMatterEnd(text);
  const eol = eolOf(text);
  const needsBreak = offset > 0 && offset === text.length && !text.endsWith('\n');
  return { range: [offset, offset], text: `${needsBreak ? eol : ''}<!-- pmpo-lint-disable-file ${ruleId} -->${eol}` };
}

export type SetKindResult = { edit: TextEdit } | { error: string };

/**
 * Writes `pmpo: {kind}` into the front matter: creates the front matter when
 * there is none, adds or updates the `pmpo.kind` key otherwise. Refuses (never
 * rewrites) front matter that is not valid YAML.
 */
export function setKindEdit(text: string, kind: ProductKind): SetKindResult {
  const eol = eolOf(text);
  const frontMatter = readFrontMatter(text);
  if (!frontMatter) return { edit: { range: [0, 0], text: `---${eol}pmpo:${eol}  kind: ${kind}${eol}---${eol}` } };
  const open = /^---[ \t]*\r?\n/.exec(text)![0].length;
  const closeStart = text.lastIndexOf('\n', frontMatter.endOffset - 2) + 1;
  const yamlText = text.slice(open, closeStart);
  const document = parseDocument(yamlText);
  if (document.errors.length) return { error: `The front matter is not valid YAML (${document.errors[0].message.split('\n')[0]}); fix it, then set the kind again.` };
  if (document.contents !== null && !isMap(document.contents)) return { error: 'The front matter is not a YAML mapping; the kind cannot be added to it.' };
  const pmpo = document.get('pmpo');
  if (pmpo !== undefined && pmpo !== null && !isMap(pmpo)) {
    return { error: 'The front matter key "pmpo" is not a mapping; make it one ("pmpo:" with "kind:" indented under it), then set the kind again.' };
  }
  document.setIn(['pmpo', 'kind'], kind);
  const rendered = document.toString({ lineWidth: 0 }).replace(/\r?\n/g, eol);
  return { edit: { range: [open, closeStart], text: rendered } };
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied in total. */
  applied: number;
}

/**
 * Applies every safe fix (never suggestions) as `--fix` does: apply the
 * non-overlapping ones, re-lint, repeat while something changes.
 */
export async function fixAllText(text: string, lintText: (text: string) => Promise<readonly Finding[]>, maxPasses = 10): Promise<FixAllResult> {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = safeFixes(await lintText(current));
    if (edits.length === 0) break;
    const result = applyEdits(current, edits);
    if (result.applied.length === 0 || result.text === current) break;
    applied += result.applied.length;
    current = result.text;
  }
  return { text: current, applied };
}

/** The smallest single replacement that turns `before` into `after` (keeps the cursor and folding elsewhere intact). */
export function minimalReplacement(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { range: [start, endBefore], text: after.slice(start, endAfter) };
}
