// Text edits the editor writes, computed on the document text (offsets), so
// they can be tested without an editor.
import type { ProductKind } from '../core/config.js';
import { applyEdits, safeFixes } from '../core/fixes.js';
import { parseYaml, readFrontMatter } from '../core/front-matter.js';
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

const PMPO_LINE = /^pmpo[ \t]*:[ \t]*(?:#.*)?$/;
const PMPO_FLOW_START = /^pmpo[ \t]*:[ \t]*\{/;
const KIND_LINE = /^([ \t]+)kind[ \t]*:[ \t]*/;

interface Line {
  start: number;
  /** The line without its line break. */
  text: string;
}

/**
 * Writes `pmpo: {kind}` into the front matter: creates the front matter when
 * there is none, adds or updates the `pmpo.kind` key otherwise, as a small text
 * edit that keeps every other line (comments, quoting, order) as it was. The
 * edit is offered only when the YAML after it parses to the same values with
 * the new kind; never when the front matter is not valid YAML.
 */
export function setKindEdit(text: string, kind: ProductKind): SetKindResult {
  const eol = eolOf(text);
  const frontMatter = readFrontMatter(text);
  if (!frontMatter) {
    const at = text.startsWith('\uFEFF') ? 1 : 0;
    return { edit: { range: [at, at], text: `---${eol}pmpo:${eol}  kind: ${kind}${eol}---${eol}` } };
  }
  const yaml = text.slice(frontMatter.yamlStart, frontMatter.yamlEnd);
  const before = parseYaml(yaml);
  if ('error' in before) return { error: `The front matter is not valid YAML (${before.error}); fix it, then set the kind again.` };
  const data = before.value ?? {};
  if (!isMapping(data)) return { error: 'The front matter is not a YAML mapping; the kind cannot be added to it.' };
  if (data.pmpo !== undefined && data.pmpo !== null && !isMapping(data.pmpo)) {
    return { error: 'The front matter key "pmpo" is not a mapping; make it one ("pmpo:" with "kind:" indented under it), then set the kind again.' };
  }
  const edit = kindTextEdit(linesOf(yaml), yaml.length, kind, eol);
  const expected = { ...data, pmpo: { ...(data.pmpo as Record<string, unknown> | null), kind } };
  if (!edit || !parsesTo(applyEdits(yaml, [edit]).text, expected)) {
    return { error: 'The kind cannot be set in this front matter without rewriting it; add "kind:" under "pmpo:" by hand.' };
  }
  return { edit: { range: [edit.range[0] + frontMatter.yamlStart, edit.range[1] + frontMatter.yamlStart], text: edit.text } };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function linesOf(yaml: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < yaml.length; ) {
    const newline = yaml.indexOf('\n', start);
    const end = newline === -1 ? yaml.length : newline;
    lines.push({ start, text: yaml.slice(start, end).replace(/\r$/, '') });
    start = end + 1;
  }
  return lines;
}

/** The edit on the YAML text (offsets within it); undefined when no simple edit fits. */
function kindTextEdit(lines: Line[], yamlLength: number, kind: ProductKind, eol: string): TextEdit | undefined {
  const isFlow = (line: Line) => PMPO_FLOW_START.test(line.text) && line.text.includes('}');
  const index = lines.findIndex((line) => PMPO_LINE.test(line.text) || isFlow(line));
  if (index === -1) return { range: [yamlLength, yamlLength], text: `pmpo:${eol}  kind: ${kind}${eol}` };
  const pmpo = lines[index];
  if (isFlow(pmpo)) return flowKindEdit(pmpo, kind);
  const children = childLines(lines.slice(index + 1));
  const indent = children.length ? /^[ \t]*/.exec(children[0].text)![0] : '  ';
  const kindLine = children.find((line) => line.text.startsWith(indent) && KIND_LINE.exec(line.text)?.[1] === indent);
  if (!kindLine) {
    const at = index + 1 < lines.length ? lines[index + 1].start : yamlLength;
    return { range: [at, at], text: `${indent}kind: ${kind}${eol}` };
  }
  return replaceValue(kindLine, KIND_LINE.exec(kindLine.text)![0].length, kind);
}

/** The lines of a block mapping's body: indented ones, with blank and comment lines between them. */
function childLines(rest: Line[]): Line[] {
  const end = rest.findIndex((line) => line.text.trim() !== '' && !line.text.trimStart().startsWith('#') && !/^[ \t]/.test(line.text));
  return (end === -1 ? rest : rest.slice(0, end)).filter((line) => line.text.trim() !== '' && !line.text.trimStart().startsWith('#'));
}

/** Replaces a plain value (up to a trailing comment) that starts at `from` in the line. */
function replaceValue(line: Line, from: number, kind: ProductKind): TextEdit {
  const rest = line.text.slice(from);
  const comment = rest.search(/[ \t]#/);
  const value = (comment === -1 ? rest : rest.slice(0, comment)).trimEnd();
  return { range: [line.start + from, line.start + from + value.length], text: kind };
}

/** `pmpo: {kind: x, ...}` on one line: replace the kind, or add it first. */
function flowKindEdit(line: Line, kind: ProductKind): TextEdit {
  const kindKey = /([{,][ \t]*)kind[ \t]*:[ \t]*/.exec(line.text);
  if (kindKey) {
    const from = kindKey.index + kindKey[0].length;
    const value = /^[^,}#]*/.exec(line.text.slice(from))![0].trimEnd();
    return { range: [line.start + from, line.start + from + value.length], text: kind };
  }
  const brace = line.text.indexOf('{') + 1;
  const empty = /^[ \t]*\}/.test(line.text.slice(brace));
  return { range: [line.start + brace, line.start + brace], text: empty ? `kind: ${kind}` : `kind: ${kind}, ` };
}

/** The edited YAML parses, and to exactly the expected values (nothing else moved). */
function parsesTo(yaml: string, expected: unknown): boolean {
  const after = parseYaml(yaml);
  return !('error' in after) && deepEqual(after.value, expected);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
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
