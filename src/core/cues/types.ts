import type { Side, StatementKind } from '../types.js';

/**
 * One piece of knowledge: a pattern that, found in a statement, is evidence for
 * one side. Patterns are built-in and checked for catastrophic backtracking
 * (test/regex-safety.test.ts); user cues are literal terms, never patterns.
 */
export interface Cue {
  id: string;
  side: Side;
  /** 1 = a passing word, 2 = a clear sign, 3 = structure that decides on its own (a story, a scenario). */
  weight: number;
  reason: string;
  pattern: RegExp;
  /** Only statements of these kinds can carry the cue (default: all but headings). */
  kinds?: readonly StatementKind[];
  /** Only a table's header row can carry the cue (its columns say what the rows are). */
  headerRow?: boolean;
}

/** A cue read from a statement's structure rather than its words. */
export interface StructureCue {
  id: string;
  side: Side;
  weight: number;
  reason: string;
}
