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
