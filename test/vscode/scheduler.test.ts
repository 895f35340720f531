import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debouncer, Generations } from '../../src/vscode/scheduler';

describe('Debouncer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after the last keystroke of a burst', () => {
    const debouncer = new Debouncer();
    const run = vi.fn();
    for (let i = 0; i < 5; i++) {
      debouncer.schedule('doc', 300, run);
      vi.advanceTimersByTime(100);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(299);
    expect(run).toHaveBeenCalledTimes(1);
    expect(debouncer.has('doc')).toBe(false);
  });

  it('keeps documents independent and cancels on close', () => {
    const debouncer = new Debouncer();
    const a = vi.fn();
    const b = vi.fn();
    debouncer.schedule('a', 300, a);
    debouncer.schedule('b', 300, b);
    debouncer.cancel('b');
    vi.advanceTimersByTime(300);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).not.toHaveBeenCalled();
  });
});

describe('Generations (stale-result drop)', () => {
  it('publishes only the newest of overlapping lints', async () => {
    const generations = new Generations();
    const published: string[] = [];
    const lintLater = async (text: string, delayMs: number) => {
      const generation = generations.next('doc');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (generations.isCurrent('doc', generation)) published.push(text);
    };
    // The slow lint of the older text finishes last; its result must not win.
    await Promise.all([lintLater('old text', 30), lintLater('new text', 5)]);
    expect(published).toEqual(['new text']);
  });

  it('drops in-flight results of a closed document', async () => {
    const generations = new Generations();
    const generation = generations.next('doc');
    generations.forget('doc');
    expect(generations.isCurrent('doc', generation)).toBe(false);
    expect(generations.isCurrent('doc', generations.next('doc'))).toBe(true);
  });
});
