import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from './helpers.js';

const backlog = (story: string) => `# Courier app backlog

- As a courier, I want to ${story}, so that the sender is told at once.
  - Given a parcel out for delivery, when I tap Delivered, then the sender gets a message.
`;

function storyUniqueMessages(stdout: string) {
  const files = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
  return files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'story-unique').map((message) => ({ file: file.filePath.split('/').pop(), line: message.line, message: message.message })));
}

describe('checks across documents', () => {
  it('reports a story that two files of one run both hold, naming the other file', async () => {
    const root = makeTree({ 'a-backlog.md': backlog('mark a parcel as delivered'), 'team/b-backlog.md': backlog('mark a parcel as delivered') });
    const { code, stdout } = await runCli(['--format', 'json', '.'], root);
    expect(code).toBe(0);
    const found = storyUniqueMessages(stdout);
    expect(found.map(({ file, line }) => [file, line])).toEqual([['a-backlog.md', 3], ['b-backlog.md', 3]]);
    expect(found[0].message).toContain('team/b-backlog.md');
  });

  it('reports nothing across files when their stories differ, or for a single file', async () => {
    const root = makeTree({ 'a-backlog.md': backlog('mark a parcel as delivered'), 'b-backlog.md': backlog('print a shipping label') });
    expect(storyUniqueMessages((await runCli(['--format', 'json', '.'], root)).stdout)).toEqual([]);
    expect(storyUniqueMessages((await runCli(['--format', 'json', 'a-backlog.md'], root)).stdout)).toEqual([]);
  });
});
