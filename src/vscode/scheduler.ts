// Debouncing and stale-result dropping, with the timers injectable for tests.

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One pending call per key; scheduling again restarts the wait. */
export class Debouncer {
  private readonly pending = new Map<string, unknown>();
  constructor(private readonly timers: Timers = realTimers) {}

  schedule(key: string, delayMs: number, callback: () => void): void {
    this.cancel(key);
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(key);
      callback();
    }, delayMs);
    this.pending.set(key, handle);
  }

  cancel(key: string): void {
    const handle = this.pending.get(key);
    if (handle === undefined) return;
    this.timers.clearTimeout(handle);
    this.pending.delete(key);
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}

/**
 * A counter per document: every lint takes the next number, and a result is
 * published only if no newer lint started meanwhile (or the document closed).
 */
export class Generations {
  private readonly current = new Map<string, number>();

  next(key: string): number {
    const generation = (this.current.get(key) ?? 0) + 1;
    this.current.set(key, generation);
    return generation;
  }

  isCurrent(key: string, generation: number): boolean {
    return this.current.get(key) === generation;
  }

  /** Invalidates every in-flight lint of the document. */
  forget(key: string): void {
    this.current.set(key, (this.current.get(key) ?? 0) + 1);
  }
}
