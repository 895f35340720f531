/**
 * Per-section facts that survive re-lints. The chunk cache hands out a new
 * copy of every section below an edit on each keystroke (its positions moved);
 * each copy is tagged with the cached analysis it came from and how far it
 * moved. A fact computed once for that origin is then only moved too, instead
 * of being read again from the section's statements.
 */
import type { SectionAnalysis } from './types.js';

interface Origin {
  /** Stands for the section's text and analysis: the same key means the same content. */
  key: object;
  lineDelta: number;
  offsetDelta: number;
}

const ORIGINS = new WeakMap<SectionAnalysis, Origin>();

/** Tags `placed` as `origin` moved by the given deltas (composing with origin's own tag). */
export function tagOrigin(placed: SectionAnalysis, origin: object, lineDelta: number, offsetDelta: number): void {
  ORIGINS.set(placed, { key: origin, lineDelta, offsetDelta });
}

export function originOf(analysis: SectionAnalysis): Origin | undefined {
  return ORIGINS.get(analysis);
}

interface Memo<T> {
  value: T;
  offsetDelta: number;
  lineDelta: number;
}

/** A cache of one fact per section origin (and optional variant, such as option values). */
export class SectionMemo<T> {
  private readonly memos = new WeakMap<object, Map<string, Memo<T>>>();

  /**
   * The fact for `analysis`: computed when its origin was never seen, else the
   * stored fact moved by `move(value, lineShift, offsetShift)` (which must
   * also point it at this analysis' objects).
   */
  get(analysis: SectionAnalysis, variant: string, compute: () => T, move: (value: T, lineShift: number, offsetShift: number) => T): T {
    const origin = ORIGINS.get(analysis);
    if (!origin) return compute();
    let byVariant = this.memos.get(origin.key);
    if (!byVariant) {
      byVariant = new Map();
      this.memos.set(origin.key, byVariant);
    }
    const memo = byVariant.get(variant);
    if (!memo) {
      const value = compute();
      byVariant.set(variant, { value, lineDelta: origin.lineDelta, offsetDelta: origin.offsetDelta });
      return value;
    }
    return move(memo.value, origin.lineDelta - memo.lineDelta, origin.offsetDelta - memo.offsetDelta);
  }
}
