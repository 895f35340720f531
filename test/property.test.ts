import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/core/fixes.js';
import { classify, lint } from '../src/core/index.js';
import type { Finding, TextEdit } from '../src/core/types.js';
import { productDocument, quotedLookAlikes, type GeneratedDoc } from './generators.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);

function editsOf(finding: Finding): { edit: TextEdit; kind: 'fix' | 'suggestion' }[] {
  return [...(finding.fix ? [{ edit: finding.fix, kind: 'fix' as const }] : []), ...(finding.suggestions ?? []).map((suggestion) => ({ edit: suggestion.fix, kind: 'suggestion' as const }))];
}

/** Findings of a rule with the same message, line numbers aside (they shift when a line goes). */
function sameFindings(findings: readonly Finding[], like: Finding): number {
  const key = (finding: Finding) => `${finding.ruleId}\u0000${finding.message.replace(/\d+/g, '#')}`;
  return findings.filter((finding) => key(finding) === key(like)).length;
}

const splitsSurrogateOrCrlf = (text: string, offset: number) =>
  offset > 0 && offset < text.length && ((text[offset - 1] === '\r' && text[offset] === '\n') || (/[\uD800-\uDBFF]/.test(text[offset - 1]) && /[\uDC00-\uDFFF]/.test(text[offset])));

describe('random product documents', { timeout: Math.max(20_000, RUNS * 200) }, () => {
  it('never make lint or classify throw, and findings point inside the text', () => {
    fc.assert(
      fc.property(productDocument, ({ text, fileName }: GeneratedDoc) => {
        const result = lint(text, { fileName });
        classify(text, { fileName });
        for (const finding of result.findings) {
          expect(finding.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(finding.range.end.offset).toBeLessThanOrEqual(text.length);
          expect(finding.range.start.offset).toBeLessThanOrEqual(finding.range.end.offset);
          expect(finding.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('give the same findings with LF and with CRLF line endings', () => {
    const lines = (text: string, fileName: string | undefined) => lint(text, { fileName }).findings.map((finding) => `${finding.range.start.line}:${finding.range.start.column}:${finding.ruleId}`);
    fc.assert(
      fc.property(productDocument, ({ text, fileName }: GeneratedDoc) => {
        const lf = text.replace(/\r\n/g, '\n');
        expect(lines(lf.replace(/\n/g, '\r\n'), fileName)).toEqual(lines(lf, fileName));
      }),
      { numRuns: RUNS },
    );
  });

  it('every fix and suggestion changes only its own range and never splits a character or a CRLF', () => {
    fc.assert(
      fc.property(productDocument, ({ text, fileName }: GeneratedDoc) => {
        for (const finding of lint(text, { fileName }).findings) {
          for (const { edit } of editsOf(finding)) {
            const [start, end] = edit.range;
            expect(0 <= start && start <= end && end <= text.length).toBe(true);
            expect(splitsSurrogateOrCrlf(text, start) || splitsSurrogateOrCrlf(text, end)).toBe(false);
            const result = applyEdits(text, [edit]);
            expect(result.skipped).toEqual([]);
            expect(result.text.slice(0, start)).toBe(text.slice(0, start));
            expect(result.text.slice(start + edit.text.length)).toBe(text.slice(end));
            expect(result.text.slice(start, start + edit.text.length)).toBe(edit.text);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('applying a fix removes its finding, and removes only whitespace and the disable comment itself', () => {
    fc.assert(
      fc.property(productDocument, ({ text, fileName }: GeneratedDoc) => {
        const before = lint(text, { fileName }).findings;
        for (const finding of before.filter((item) => item.fix)) {
          const fixed = applyEdits(text, [finding.fix!]).text;
          const removed = text.slice(finding.fix!.range[0], finding.fix!.range[1]);
          // A whole comment (with blanks it would leave dangling), or one rule name of it with a separator.
          if (finding.ruleId === 'unused-disable') expect(removed).toMatch(/^[ \t]*<!--[^]*-->[ \t]*(?:\r?\n)?$|^[ \t,]*[^\s,<>]+[ \t,]*$/);
          // The generator quotes disable comments in inline code and attribute values too: text, never touched.
          expect(quotedLookAlikes(fixed)).toEqual(quotedLookAlikes(text));
          const after = lint(fixed, { fileName }).findings;
          expect(sameFindings(after, finding)).toBeLessThan(sameFindings(before, finding));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('split suggestions only insert a heading (moving no text) and leave no mixed section behind', () => {
    fc.assert(
      fc.property(productDocument, ({ text, fileName }: GeneratedDoc) => {
        const before = lint(text, { fileName }).findings.filter((finding) => finding.ruleId === 'mixed-section');
        for (const finding of before.filter((item) => item.suggestions)) {
          for (const suggestion of finding.suggestions!) {
            expect(suggestion.fix.range[0]).toBe(suggestion.fix.range[1]);
            expect(suggestion.fix.text).toMatch(/^(?:\r?\n)?#{2,6} [^\r\n]+(?:\r?\n){2}$/);
            const after = lint(applyEdits(text, [suggestion.fix]).text, { fileName }).findings.filter((item) => item.ruleId === 'mixed-section');
            expect(after.length).toBeLessThan(before.length);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the generators yield fixes or suggestions in a good share of documents', () => {
    const samples = fc.sample(productDocument, { numRuns: 300, seed: 42 });
    const withEdits = samples.filter(({ text, fileName }) => lint(text, { fileName }).findings.some((finding) => editsOf(finding).length > 0));
    const withFix = samples.filter(({ text, fileName }) => lint(text, { fileName }).findings.some((finding) => finding.fix));
    const withSuggestion = samples.filter(({ text, fileName }) => lint(text, { fileName }).findings.some((finding) => finding.suggestions?.length));
    console.info(`fix or suggestion: ${withEdits.length}/300; fix: ${withFix.length}; suggestion: ${withSuggestion.length}`);
    expect(withEdits.length / samples.length).toBeGreaterThanOrEqual(0.3);
    expect(withFix.length / samples.length).toBeGreaterThanOrEqual(0.15);
    expect(withSuggestion.length / samples.length).toBeGreaterThanOrEqual(0.1);
  });
});
