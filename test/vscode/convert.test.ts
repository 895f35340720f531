import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('vscode', () => import('./vscode-mock'));

import { lint } from '../../src/core/index';
import type { Finding } from '../../src/core/types';
import { capFindings, ruleIdOf, toDiagnostic, toRange, toSeverity } from '../../src/vscode/convert';
import { DiagnosticSeverity, DiagnosticTag, Uri } from './vscode-mock';

const text = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8');
const documentUri = Uri.file('/ws/docs/mixed-prd.md');
const extensionUri = Uri.file('/ext');

function mixedFinding(): Finding {
  const finding = lint(text, { fileName: 'mixed-prd.md' }).findings.find((item) => item.ruleId === 'mixed-section');
  if (!finding) throw new Error('fixture no longer yields a mixed-section finding');
  return finding;
}

describe('toDiagnostic', () => {
  it('converts 1-based lines and columns to 0-based positions', () => {
    const finding = mixedFinding();
    // "## Why now" is line 6 of the fixture; the finding covers the heading line.
    expect(finding.range.start.line).toBe(6);
    const diagnostic = toDiagnostic(finding, documentUri as never, extensionUri as never);
    expect(diagnostic.range.start.line).toBe(5);
    expect(diagnostic.range.start.character).toBe(0);
    expect(diagnostic.range.end.line).toBe(5);
    expect(diagnostic.range.end.character).toBe('## Why now'.length);
  });

  it('carries source, rule id, message and the bundled docs page as code target', () => {
    const finding = mixedFinding();
    const diagnostic = toDiagnostic(finding, documentUri as never, extensionUri as never);
    expect(diagnostic.source).toBe('pmpo-lint');
    expect(diagnostic.message).toBe(finding.message);
    const code = diagnostic.code as { value: string; target: Uri };
    expect(code.value).toBe('mixed-section');
    expect(code.target.toString()).toBe('file:///ext/docs/rules/mixed-section.md');
    expect(ruleIdOf(diagnostic)).toBe('mixed-section');
  });

  it('points relatedInformation at the evidence of both sides', () => {
    const finding = mixedFinding();
    const diagnostic = toDiagnostic(finding, documentUri as never, extensionUri as never);
    const related = diagnostic.relatedInformation!;
    expect(related).toHaveLength(finding.related.length);
    expect(related.map((item) => item.message.split(':')[0]).sort()).toEqual(['strategic', 'tactical']);
    for (const [i, item] of related.entries()) {
      expect(item.location.uri).toBe(documentUri);
      expect(item.location.range.start.line).toBe(finding.related[i].range.start.line - 1);
      expect(item.location.range.start.character).toBe(finding.related[i].range.start.column - 1);
    }
  });

  it('maps severities, info to Information', () => {
    expect(toSeverity('error')).toBe(DiagnosticSeverity.Error);
    expect(toSeverity('warning')).toBe(DiagnosticSeverity.Warning);
    expect(toSeverity('info')).toBe(DiagnosticSeverity.Information);
    const config = { rules: { 'mixed-section': 'info' as const } };
    const finding = lint(text, { fileName: 'mixed-prd.md', config }).findings[0];
    expect(toDiagnostic(finding, documentUri as never, extensionUri as never).severity).toBe(DiagnosticSeverity.Information);
  });

  it('marks unused disable comments as unnecessary code', () => {
    const withComment = text.replace('## Scope', '<!-- pmpo-lint-disable-next-line mixed-section -->\n## Scope');
    const finding = lint(withComment, { fileName: 'mixed-prd.md' }).findings.find((item) => item.ruleId === 'unused-disable')!;
    const diagnostic = toDiagnostic(finding, documentUri as never, extensionUri as never);
    expect(diagnostic.tags).toEqual([DiagnosticTag.Unnecessary]);
    expect(diagnostic.severity).toBe(DiagnosticSeverity.Information);
  });

  it('toRange keeps UTF-16 columns', () => {
    const range = toRange({ start: { line: 2, column: 3, offset: 0 }, end: { line: 4, column: 1, offset: 0 } });
    expect([range.start.line, range.start.character, range.end.line, range.end.character]).toEqual([1, 2, 3, 0]);
  });
});

describe('capFindings', () => {
  it('keeps the first N findings and counts the rest', () => {
    const finding = mixedFinding();
    const many = Array.from({ length: 5 }, () => finding);
    expect(capFindings(many, 3)).toEqual({ findings: many.slice(0, 3), dropped: 2 });
    expect(capFindings(many, 200).dropped).toBe(0);
  });
});
