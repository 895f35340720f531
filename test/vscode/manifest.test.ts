// The manifest keeps its contracts: commands, settings, bundled files, the
// problem matcher against the CLI's real stylish output, a web bundle without
// Node APIs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { RULE_IDS } from '../../src/core/rules/index';
import { COMMANDS, CONFIG_SETTINGS, EDITOR_SETTINGS } from '../../src/vscode/constants';
import { DEFAULT_EDITOR_OPTIONS, readSettingsConfig } from '../../src/vscode/settings';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const contributes = manifest.contributes;

describe('commands', () => {
  it('contributes every command under the "PM/PO Lint" category', () => {
    const contributed = contributes.commands.map((command: { command: string; category: string }) => command.command);
    expect(contributed.sort()).toEqual(Object.values(COMMANDS).sort());
    for (const command of contributes.commands) expect(command.category).toBe('PM/PO Lint');
    const titles = Object.fromEntries(contributes.commands.map((command: { command: string; title: string }) => [command.command, command.title]));
    expect(titles['pmpoLint.analyseDocument']).toBe('Analyse current document');
    expect(titles['pmpoLint.explainFinding']).toBe('Explain finding at cursor');
  });

  it('activates on Markdown only (commands activate implicitly)', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown']);
  });
});

describe('settings', () => {
  const properties = contributes.configuration.properties as Record<string, { default: unknown }>;

  it('has one setting per editor option and per config key', () => {
    expect(Object.keys(properties).sort()).toEqual([...EDITOR_SETTINGS, ...CONFIG_SETTINGS].map((key) => `pmpoLint.${key}`).sort());
    for (const key of EDITOR_SETTINGS) expect(properties[`pmpoLint.${key}`].default).toEqual(DEFAULT_EDITOR_OPTIONS[key]);
  });

  it('has defaults that are valid config and change nothing', () => {
    const { config, problems } = readSettingsConfig((key) => properties[`pmpoLint.${key}`]?.default);
    expect(problems).toEqual([]);
    expect(config).toEqual({ kind: 'auto', maxFileSizeKB: 2048 });
  });
});

describe('bundled files', () => {
  it('has a docs page for every rule (the diagnostics link to it)', () => {
    for (const id of RULE_IDS) expect(existsSync(`${root}docs/rules/${id}.md`), id).toBe(true);
  });

  it('points at files that exist: schema, walkthrough media, icon', () => {
    for (const validation of contributes.jsonValidation) expect(existsSync(`${root}${validation.url}`)).toBe(true);
    for (const step of contributes.walkthroughs[0].steps) expect(existsSync(`${root}${step.media.markdown}`), step.id).toBe(true);
    expect(existsSync(`${root}${manifest.icon}`)).toBe(true);
    expect(manifest.browser).toBe('./dist/web/extension.js');
    expect(manifest.capabilities).toEqual({ untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });
});

/** What VS Code does with a multi-line problem matcher whose last pattern loops. */
function matchProblems(output: string, patterns: { regexp: string }[]) {
  const [fileRe, problemRe] = patterns.map((pattern) => new RegExp(pattern.regexp));
  const problems: { file: string; line: number; column: number; severity: string; message: string; code?: string }[] = [];
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const problem = file === undefined ? null : problemRe.exec(line);
    if (problem) {
      problems.push({ file: file!, line: Number(problem[1]), column: Number(problem[2]), severity: problem[3], message: problem[4], code: problem[5] });
      continue;
    }
    file = fileRe.exec(line)?.[1];
  }
  return problems;
}

describe('problem matcher $pmpo-lint', () => {
  it('reads every message of the CLI stylish output, as the JSON output states it', async () => {
    const capture = async (argv: string[]) => {
      let stdout = '';
      await run(argv, { cwd: root, stdout: { write: (text) => (stdout += String(text)) }, stderr: { write: () => undefined } });
      return stdout;
    };
    const stylish = await capture(['examples']);
    const json = JSON.parse(await capture(['examples', '--format', 'json'])) as { filePath: string; messages: { line: number; column: number; level: string; message: string; ruleId: string }[] }[];
    const expected = json.flatMap((result) => result.messages.map((message) => ({ file: result.filePath, line: message.line, column: message.column, severity: message.level, message: message.message, code: message.ruleId })));
    expect(expected.length).toBeGreaterThan(0);
    const [matcher] = contributes.problemMatchers;
    expect(matcher.name).toBe('pmpo-lint');
    expect(matchProblems(stylish, matcher.pattern)).toEqual(expected);
  });
});

describe('web bundle', () => {
  it('uses no Node built-ins and no DOM (the web extension host is a Worker)', () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
    const bundle = readFileSync(`${root}dist/web/extension.js`, 'utf8');
    const requires = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect([...new Set(requires)]).toEqual(['vscode']);
    expect(bundle).not.toMatch(/document\.createElement|\bwindow\.document\b/);
  });
});
