// The "PM/PO Lint" output channel, filtered by pmpoLint.trace.
import type { TraceLevel } from './settings.js';

export type LogLevel = 'error' | 'messages' | 'verbose';

export class Logger {
  constructor(
    private readonly appendLine: (line: string) => void,
    public level: TraceLevel = 'off',
  ) {}

  /** Errors (invalid config, crashes caught) are always written. */
  error(message: string): void {
    this.write('error', message);
  }

  info(message: string): void {
    if (this.level !== 'off') this.write('info', message);
  }

  verbose(message: string): void {
    if (this.level === 'verbose') this.write('trace', message);
  }

  private write(tag: string, message: string): void {
    this.appendLine(`[${new Date().toISOString().slice(11, 23)}] [${tag}] ${message}`);
  }
}
