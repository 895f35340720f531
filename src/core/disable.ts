import type { LineIndex } from './text.js';
import type { Block, Finding, Range } from './types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Named rules; empty means every rule. */
  rules: string[];
  line: number;
  range: Range;
  /** Rules (or '*') this directive actually suppressed a finding for. */
  used: Set<string>;
}

const DIRECTIVE = /<!--\s*pmpo-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^<>]*)-->/g;

/** Finds `<!-- pmpo-lint-... -->` comments outside code blocks. */
export function readDirectives(index: LineIndex, codeBlocks: readonly Block[]): Directive[] {
  const directives: Directive[] = [];
  const text = index.text;
  DIRECTIVE.lastIndex = 0;
  for (let match = DIRECTIVE.exec(text); match; match = DIRECTIVE.exec(text)) {
    const offset = match.index;
    if (codeBlocks.some((block) => offset >= block.startOffset && offset < block.endOffset)) continue;
    const range = index.range(offset, offset + match[0].length);
    directives.push({
      kind: match[1] as DirectiveKind,
      rules: match[2].split(/[\s,]+/).filter(Boolean),
      line: range.start.line,
      range,
      used: new Set(),
    });
  }
  return directives;
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** The directive that silences a finding of `ruleId` on `line`, if any (and marks it used). */
function suppressor(directives: readonly Directive[], ruleId: string, line: number, nextContentLine: (line: number) => number): Directive | undefined {
  let active: Directive | undefined;
  for (const directive of directives) {
    if (!names(directive, ruleId)) continue;
    switch (directive.kind) {
      case 'disable-file':
        return directive;
      case 'disable-line':
        if (directive.line === line) return directive;
        break;
      case 'disable-next-line':
        if (nextContentLine(directive.range.end.line) === line) return directive;
        break;
      case 'disable':
        if (directive.line <= line) active = directive;
        break;
      case 'enable':
        if (directive.line <= line) active = undefined;
        break;
    }
  }
  return active;
}

/** The first non-blank line after `line` (what a disable-next-line comment covers). */
function nextContentLineIn(index: LineIndex): (line: number) => number {
  return (line) => {
    let next = line + 1;
    while (next < index.lineCount && index.lineText(next).trim() === '') next++;
    return next;
  };
}

/** Whether a finding of `ruleId` starting on `line` is silenced; the directive that silences it is marked used. */
export function isSuppressed(directives: readonly Directive[], ruleId: string, line: number, index: LineIndex): boolean {
  const directive = directives.length === 0 ? undefined : suppressor(directives, ruleId, line, nextContentLineIn(index));
  directive?.used.add(directive.rules.length === 0 ? '*' : ruleId);
  return directive !== undefined;
}

/** Drops findings covered by a directive; records which directives were used. */
export function applyDirectives(findings: Finding[], directives: readonly Directive[], index: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  return findings.filter((finding) => !isSuppressed(directives, finding.ruleId, finding.range.start.line, index));
}
