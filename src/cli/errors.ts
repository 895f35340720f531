/** A problem with how pmpo-lint was called or with its input: one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The one-line text of any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What the CLI prints for a thrown value: each of its lines (a config file's problems are one line each) after the program name. */
export function errorReport(error: unknown): string {
  return messageOf(error)
    .split('\n')
    .map((line) => `pmpo-lint: ${line}\n`)
    .join('');
}

/** A file system error without node's call and path: "ENOENT: no such file or directory, open '/x'" -> "no such file or directory (ENOENT)". */
export function systemReason(error: unknown): string {
  const message = messageOf(error);
  const code = /^[A-Z][A-Z0-9_]+: /.exec(message);
  if (!code) return message;
  const rest = message.slice(code[0].length);
  const call = rest.search(/, [a-z]+ '/);
  return `${call === -1 ? rest : rest.slice(0, call)} (${code[0].slice(0, -2)})`;
}
