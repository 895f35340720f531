import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { mergeConfigs, parseConfigText, resolveRules, validateConfigValue } from '../src/core/config.js';
import { readFrontMatter } from '../src/core/front-matter.js';
import { lint } from '../src/core/index.js';
import { buildSchema } from '../scripts/gen-schema.js';

function problems(text: string) {
  return parseConfigText(text).problems;
}

describe('parseConfigText', () => {
  it('accepts a full, valid JSONC file with comments and trailing commas', () => {
    const text = `{
      // the kind of every file here
      "$schema": "./schemas/pmpo-lint.schema.json",
      "kind": "roadmap",
      "rules": { "mixed-section": "error", "doc-kind-fit": ["info", {"backlogEssayStatements": 4}], "unused-disable": "off" },
      "cues": { "strategic": ["north star metric"], "tactical": ["definition of ready"] },
      "documentKinds": { "roadmap": ["**/*plan*.md"] },
      "ignores": ["CHANGELOG.md"],
      "maxFileSizeKB": 512,
    }`;
    const parsed = parseConfigText(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.config.kind).toBe('roadmap');
    expect(parsed.config.rules?.['doc-kind-fit']).toEqual(['info', { backlogEssayStatements: 4 }]);
    expect(parsed.config.cues?.tactical).toEqual(['definition of ready']);
  });

  it('reports a syntax error with its line and column', () => {
    const result = parseConfigText('{\n  "kind": "prd"\n  "rules": {}\n}');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: 3, column: 3 });
    expect(result.problems[0].message).toMatch(/^syntax error: comma expected/);
    expect(result.config).toEqual({});
  });

  it('reports a file that is not an object', () => {
    expect(problems('[1, 2]')[0].message).toMatch(/must be a JSON object/);
    expect(problems('')[0].message).toMatch(/must be a JSON object|syntax error/);
  });

  it('names unknown keys and unknown rules, at their position', () => {
    expect(problems('{"kinds": "prd"}')).toEqual([{ message: 'unknown key "kinds"', line: 1, column: 2 }]);
    expect(problems('{\n "rules": {\n   "mixed-sections": "warning"\n }\n}')).toEqual([{ message: 'unknown rule "mixed-sections"', line: 3, column: 4 }]);
    expect(problems('{"cues": {"strategy": []}}')[0].message).toBe('unknown key "cues.strategy"');
    expect(problems('{"documentKinds": {"essay": []}}')[0].message).toBe('unknown key "documentKinds.essay"');
  });

  it('rejects bad severities and bad rule settings', () => {
    expect(problems('{"rules": {"mixed-section": "warn"}}')[0].message).toBe('rule "mixed-section": severity must be one of error, warning, info, off');
    expect(problems('{"rules": {"mixed-section": 2}}')[0].message).toMatch(/severity must be one of/);
    expect(problems('{"rules": {"mixed-section": []}}')[0].message).toMatch(/severity must be one of/);
    expect(problems('{"rules": {"mixed-section": ["error", {}, 3]}}')[0].message).toMatch(/expected \[severity\] or \[severity, \{options\}\]/);
    expect(problems('{"rules": {"doc-kind-fit": ["error", 3]}}')[0].message).toBe('rule "doc-kind-fit": options must be an object');
  });

  it('rejects unknown options and options of the wrong type', () => {
    expect(problems('{"rules": {"doc-kind-fit": ["error", {"essay": 3}]}}')[0].message).toBe('rule "doc-kind-fit": unknown option "essay"');
    expect(problems('{"rules": {"doc-kind-fit": ["error", {"backlogEssayStatements": "3"}]}}')[0].message).toBe(
      'rule "doc-kind-fit": option "backlogEssayStatements" must be a number',
    );
    expect(problems('{"rules": {"doc-kind-fit": ["error", {"backlogEssayStatements": null}]}}')).toHaveLength(1);
  });

  it('rejects bad values for the top-level keys', () => {
    expect(problems('{"kind": "essay"}')[0].message).toMatch(/"kind" must be one of auto, prd, roadmap, backlog, vision/);
    expect(problems('{"maxFileSizeKB": 0}')[0].message).toMatch(/positive number/);
    expect(problems('{"maxFileSizeKB": "big"}')[0].message).toMatch(/positive number/);
    expect(problems('{"ignores": "dist"}')[0].message).toMatch(/array of glob strings/);
    expect(problems('{"cues": {"strategic": [1]}}')[0].message).toMatch(/literal terms/);
  });

  it('validates already-parsed values the same way', () => {
    expect(validateConfigValue({ rules: { 'no-such-rule': 'off' } })).toEqual(['unknown rule "no-such-rule"']);
    expect(validateConfigValue({ kind: 'vision' })).toEqual([]);
  });
});

describe('mergeConfigs', () => {
  it('lets later layers win for scalars and severities, and merges rule options key by key', () => {
    const merged = mergeConfigs(
      { kind: 'prd', maxFileSizeKB: 100, rules: { 'doc-kind-fit': ['warning', { backlogEssayStatements: 5 }] } },
      undefined,
      { kind: 'roadmap', rules: { 'doc-kind-fit': 'error', 'mixed-section': 'off' } },
    );
    expect(merged.kind).toBe('roadmap');
    expect(merged.maxFileSizeKB).toBe(100);
    expect(merged.rules?.['doc-kind-fit']).toEqual(['error', { backlogEssayStatements: 5 }]);
    expect(resolveRules(merged).get('mixed-section')?.severity).toBe('off');
    expect(resolveRules(merged).get('doc-kind-fit')).toEqual({ severity: 'error', options: { backlogEssayStatements: 5 } });
  });

  it('adds up lists: cues, ignores and kind globs', () => {
    const merged = mergeConfigs(
      { cues: { strategic: ['a'] }, ignores: ['x'], documentKinds: { roadmap: ['*plan*'] } },
      { cues: { strategic: ['b'], tactical: ['c'] }, ignores: ['y'], documentKinds: { roadmap: ['*road*'], vision: ['*why*'] } },
    );
    expect(merged.cues).toEqual({ strategic: ['a', 'b'], tactical: ['c'] });
    expect(merged.ignores).toEqual(['x', 'y']);
    expect(merged.documentKinds).toEqual({ roadmap: ['*plan*', '*road*'], vision: ['*why*'] });
  });

  it('resolves defaults for rules the config does not name', () => {
    const resolved = resolveRules({});
    expect(resolved.get('unused-disable')?.severity).toBe('info');
    expect(resolved.get('doc-kind-fit')?.options).toEqual({ backlogEssayStatements: 3 });
  });
});

describe('front matter pmpo layer', () => {
  const tacticalRoadmap = ['# Plan', '', '## Sprint items', '', '- [ ] PAY-1: add the retry button (3 pts)', '- [ ] PAY-2: POST /payments/retry returns the attempt (5 pts)', ''].join('\n');

  it('beats the configuration for the kind and the rules', () => {
    const configured = lint(tacticalRoadmap, { config: { kind: 'roadmap' } });
    expect(configured.kind).toBe('roadmap');
    expect(configured.findings.map((finding) => finding.ruleId)).toEqual(['doc-kind-fit']);

    const asBacklog = lint(`---\npmpo:\n  kind: backlog\n---\n${tacticalRoadmap}`, { config: { kind: 'roadmap' } });
    expect(asBacklog.kind).toBe('backlog');
    expect(asBacklog.kindSource).toBe('front-matter');
    expect(asBacklog.findings).toEqual([]);

    const ruleOff = lint(`---\npmpo:\n  rules:\n    doc-kind-fit: 'off'\n---\n${tacticalRoadmap}`, { config: { kind: 'roadmap', rules: { 'doc-kind-fit': 'error' } } });
    expect(ruleOff.findings).toEqual([]);

    const severity = lint(`---\npmpo:\n  rules:\n    doc-kind-fit: info\n---\n${tacticalRoadmap}`, { config: { kind: 'roadmap', rules: { 'doc-kind-fit': 'error' } } });
    expect(severity.findings.map((finding) => finding.severity)).toEqual(['info']);
  });
});

describe('JSON schema and parseConfigText agree', () => {
  const ajv = new Ajv({ allErrors: true, strictTuples: false });
  ajv.addKeyword('markdownDescription');
  const validate = ajv.compile(buildSchema());

  const valid = [
    '{}',
    '{"$schema": "x", "kind": "auto"}',
    '{"rules": {"mixed-section": "error", "unused-disable": ["off"]}}',
    '{"rules": {"doc-kind-fit": ["warning", {"backlogEssayStatements": 2}]}}',
    '{"cues": {"strategic": ["north star metric"]}, "documentKinds": {"backlog": ["**/*stories*.md"]}, "ignores": [], "maxFileSizeKB": 1}',
  ];
  const invalid = [
    '{"kinds": "prd"}',
    '{"kind": "essay"}',
    '{"rules": {"no-such-rule": "error"}}',
    '{"rules": {"mixed-section": "warn"}}',
    '{"rules": {"mixed-section": []}}',
    '{"rules": {"mixed-section": ["error", {}, {}]}}',
    '{"rules": {"doc-kind-fit": ["error", {"backlogEssayStatements": "3"}]}}',
    '{"rules": {"doc-kind-fit": ["error", {"unknownOption": 3}]}}',
    '{"cues": {"strategic": "market"}}',
    '{"cues": {"strategy": []}}',
    '{"documentKinds": {"roadmap": [1]}}',
    '{"maxFileSizeKB": 0}',
    '{"ignores": [true]}',
  ];

  it.each(valid)('both accept %s', (text) => {
    expect(parseConfigText(text).problems).toEqual([]);
    expect(validate(JSON.parse(text))).toBe(true);
  });

  it.each(invalid)('both reject %s', (text) => {
    expect(parseConfigText(text).problems.length).toBeGreaterThan(0);
    expect(validate(JSON.parse(text))).toBe(false);
  });
});

describe('docs/configuration.md', () => {
  const page = readFileSync(join(__dirname, '..', 'docs', 'configuration.md'), 'utf8');

  it('its example configuration file is valid', () => {
    const [, example] = /```jsonc\n([^]*?)\n```/.exec(page)!;
    expect(parseConfigText(example).problems).toEqual([]);
  });

  it('its front matter example is valid', () => {
    const [, yaml] = /```markdown\n(---\n[^]*?\n---)\n```/.exec(page)!;
    expect(readFrontMatter(`${yaml}\n`)?.problems).toBeUndefined();
    expect(readFrontMatter(`${yaml}\n`)?.pmpo).toEqual({ kind: 'roadmap', rules: { 'doc-kind-fit': 'off', 'mixed-section': 'error' } });
  });

  it('documents every top-level key', () => {
    for (const key of Object.keys((buildSchema().properties as Record<string, unknown>) ?? {})) expect(page).toContain(`| \`${key}\` |`);
  });
});
