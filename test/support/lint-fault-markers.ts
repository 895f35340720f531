// Test only: markers that make the faulty lint worker (faulty-lint-worker.ts) misbehave on a text.
export const FAULTS = {
  hang: '<!-- fault: hang -->',
  exit: '<!-- fault: exit 3 -->',
  throw: '<!-- fault: throw -->',
  exitWhenIdle: '<!-- fault: exit 5 once idle -->',
  outOfMemory: '<!-- fault: out of memory -->',
} as const;
