import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('vscode', () => import('./vscode-mock'));

import { ConfigFileResolver } from '../../src/vscode/config-files';
import { analyseWorkspace, crossDocumentChecks } from '../../src/vscode/workspace-analysis';
import { testState, Uri } from './vscode-mock';

const prd = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8');

function context(settings: Record<string, unknown> = {}) {
  const log: string[] = [];
  return {
    log,
    value: {
      settingsConfig: () => settings,
      resolver: new ConfigFileResolver(),
      openText: (uri: Uri) => (uri.path === '/ws/docs/open-prd.md' ? '# Notes\n\nNothing here.\n' : undefined),
      log: (message: string) => log.push(message),
    },
  };
}

const progress = { report: vi.fn() };
const token = (cancelAfter = Infinity) => {
  let checks = 0;
  return { get isCancellationRequested() {
    return ++checks > cancelAfter;
  }, onCancellationRequested: () => ({ dispose() {} }) };
};

beforeEach(() => {
  testState.workspaceFolder = { uri: Uri.file('/ws'), name: 'ws', index: 0 };
  testState.filesExclude = ['**/excluded/**'];
  testState.files = {
    '/ws/docs/calendar-prd.md': prd,
    '/ws/docs/open-prd.md': prd,
    '/ws/README.md': '# Readme\n\nHow to build.\n',
    '/ws/excluded/old-prd.md': prd,
    '/ws/drafts/draft-prd.md': prd,
    '/ws/.gitignore': 'drafts/\n',
    '/ws/team/.pmpo-lint.json': '{"ignores": ["archive/**"]}',
    '/ws/team/archive/old-roadmap.md': prd,
    '/ws/team/roadmap.md': prd,
    '/ws/CHANGELOG.md': prd,
  };
});

const builtInChecks = [...crossDocumentChecks];

afterEach(() => {
  crossDocumentChecks.splice(0, crossDocumentChecks.length, ...builtInChecks);
});

describe('analyseWorkspace', () => {
  it('lints product documents, honouring files.exclude, .gitignore, config ignores and settings ignores', async () => {
    const { value, log } = context({ ignores: ['CHANGELOG.md'] });
    const outcome = await analyseWorkspace(value as never, progress as never, token() as never);
    expect(outcome.documents.map((document) => document.name)).toEqual(['docs/calendar-prd.md', 'docs/open-prd.md', 'team/roadmap.md']);
    expect(outcome.scanned).toBe(4);
    expect(outcome.cancelled).toBe(false);
    // calendar-prd.md and team/roadmap.md hold the same story: the built-in cross-document check reports it in both.
    expect(outcome.documents[0].result.findings.map((finding) => finding.ruleId)).toEqual(['mixed-section', 'story-unique']);
    expect(outcome.documents[2].result.findings.map((finding) => finding.ruleId)).toContain('story-unique');
    expect(log).toEqual(expect.arrayContaining(['workspace analysis: ignored drafts/draft-prd.md', 'workspace analysis: ignored team/archive/old-roadmap.md', 'workspace analysis: ignored CHANGELOG.md']));
  });

  it('matches the ignores of a config file above the workspace folder from that file\'s folder, as the CLI does', async () => {
    testState.workspaceFolder = { uri: Uri.file('/home/ws'), name: 'ws', index: 0 };
    testState.files = {
      '/home/.pmpo-lint.json': '{"ignores": ["ws/archive/**"]}',
      '/home/ws/archive/old-prd.md': prd,
      '/home/ws/calendar-prd.md': prd,
    };
    const { value, log } = context();
    const outcome = await analyseWorkspace(value as never, progress as never, token() as never);
    expect(outcome.documents.map((document) => document.name)).toEqual(['calendar-prd.md']);
    expect(log).toContain('workspace analysis: ignored archive/old-prd.md');
  });

  it('uses the unsaved text of open documents', async () => {
    const outcome = await analyseWorkspace(context().value as never, progress as never, token() as never);
    const open = outcome.documents.find((document) => document.name === 'docs/open-prd.md')!;
    expect(open.text).toBe('# Notes\n\nNothing here.\n');
    expect(open.result.findings).toEqual([]);
  });

  it('stops when cancelled and says so', async () => {
    const outcome = await analyseWorkspace(context().value as never, progress as never, token(3) as never);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.scanned).toBeLessThan(4);
  });

  it('runs cross-document checks and adds their findings by document name', async () => {
    const seen: string[][] = [];
    crossDocumentChecks.length = 0;
    crossDocumentChecks.push((documents) => {
      seen.push(documents.map((document) => document.name));
      const calendar = documents.find((document) => document.name === 'docs/calendar-prd.md')!;
      const extra = { ...calendar.result.findings[0], ruleId: 'story-unique', message: 'also in team/roadmap.md' };
      return new Map([['docs/calendar-prd.md', [extra]]]);
    });
    const outcome = await analyseWorkspace(context().value as never, progress as never, token() as never);
    expect(seen).toEqual([outcome.documents.map((document) => document.name)]);
    const calendar = outcome.documents.find((document) => document.name === 'docs/calendar-prd.md')!;
    expect(calendar.result.findings.map((finding) => finding.ruleId)).toEqual(['mixed-section', 'story-unique']);
    expect(outcome.documents.find((document) => document.name === 'team/roadmap.md')!.result.findings.map((finding) => finding.ruleId)).not.toContain('story-unique');
  });
});
