import { describe, expect, it } from 'vitest';
import { evalRules } from '../../scripts/eval-rules.js';

describe('labelled story / criteria / vision fixtures', () => {
  it('every rule stays at or above its precision and recall thresholds on both halves', async () => {
    const result = await evalRules({});
    const failures = (result.json as { failures: string[] }).failures;
    expect(failures).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('reports tune and holdout for all nine rules', async () => {
    const { scores } = (await evalRules({ json: true })).json as { scores: { rule: string; split: string; cases: number }[] };
    expect(new Set(scores.map((s) => s.rule)).size).toBe(9);
    for (const s of scores) expect(s.cases, `${s.rule} ${s.split}`).toBeGreaterThanOrEqual(20);
  });
});
