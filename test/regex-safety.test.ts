import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check, type Diagnostics } from 'recheck';
import { describe, expect, it } from 'vitest';
import { literalCue } from '../src/core/cues/index.js';
import { termMatcher } from '../src/core/rules/criteria-testable.js';
import { findRegexLiterals } from './regex-literals.js';

const ROOT = join(__dirname, '..');
const CHECK_TIMEOUT_MS = 10_000;

function walk(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, suffix);
    return entry.name.endsWith(suffix) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every RegExp reachable from a module's exports (arrays, objects such as cues, nested). */
function collectRegExps(value: unknown, out: RegExp[], seen = new Set<unknown>()): RegExp[] {
  if (value instanceof RegExp) out.push(value);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const item of Object.values(value)) collectRegExps(item, out, seen);
  }
  return out;
}

interface Candidate {
  source: string;
  flags: string;
  where: string;
}

/**
 * Regexes built at run time cannot be read from the source. Each
 * `new RegExp(` in src must be listed here with why it is safe and sample
 * instances, which are checked like the literals.
 */
const DYNAMIC_REGEXPS: Record<string, { count: number; why: string; samples: RegExp[] }> = {
  'src/core/chunk-cache.ts': {
    count: 1,
    why: 'closing code fence of an open chunk: a fixed template around one fence character and its length',
    samples: [/^ {0,3}`{3,}[ \t]*$/, /^ {0,3}~{4,}[ \t]*$/],
  },
  'src/core/chunks.ts': {
    count: 1,
    why: 'closing code fence: a fixed template around one fence character and its length',
    samples: [/^ {0,3}`{3,}[ \t]*\r?$/, /^ {0,3}~{5,}[ \t]*\r?$/],
  },
  'src/core/cues/index.ts': {
    count: 1,
    why: 'user cue terms are escaped literals between optional \\b anchors: no quantifier survives escaping',
    samples: [literalCue('strategic', 'north star metric').pattern, literalCue('tactical', 'a+ (b*)? [c]{2,}').pattern, literalCue('tactical', '...').pattern],
  },
  'src/core/rules/criteria-testable.ts': {
    count: 1,
    why: 'vague terms (built-in and user) are escaped literals in one alternation between fixed look-arounds',
    samples: [termMatcher([], []).pattern, termMatcher(['snappy', 'a+ (b*)? [c]{2,}', '...'], ['never']).pattern],
  },
};

/**
 * Regexes recheck may answer `unknown` for (it could not finish), each with why
 * it is safe anyway. Keyed by `/source/flags`. Vulnerable regexes are never allowed.
 */
const UNKNOWN_ALLOWED: Record<string, string> = {};

async function builtInRegExps(): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const file of walk(join(ROOT, 'src/core/cues'), '.ts')) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const regex of collectRegExps(module, [])) candidates.push({ source: regex.source, flags: regex.flags, where: `${relative(ROOT, file)} (export)` });
  }
  for (const file of walk(join(ROOT, 'src'), '.ts')) {
    for (const literal of findRegexLiterals(readFileSync(file, 'utf8'))) {
      candidates.push({ source: literal.source, flags: literal.flags, where: `${relative(ROOT, file)}:${literal.line}` });
    }
  }
  for (const [file, { samples }] of Object.entries(DYNAMIC_REGEXPS)) {
    for (const regex of samples) candidates.push({ source: regex.source, flags: regex.flags, where: `${file} (run-time sample)` });
  }
  return candidates;
}

/** A timeout says nothing about the regex, only about a busy machine: try once more with more time. */
async function checkPatiently(candidate: Candidate): Promise<Diagnostics> {
  const first = await check(candidate.source, candidate.flags, { timeout: CHECK_TIMEOUT_MS });
  if (first.status !== 'unknown' || first.error.kind !== 'timeout') return first;
  return check(candidate.source, candidate.flags, { timeout: CHECK_TIMEOUT_MS * 6 });
}

function unique(candidates: Candidate[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = `/${candidate.source}/${candidate.flags.replace(/[gy]/g, '')}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, where: `${seen.where}, ${candidate.where}` } : candidate);
  }
  return [...byKey.values()];
}

describe('regex safety', () => {
  it('finds regex literals in TypeScript, skipping strings, comments and division', () => {
    const code = [
      'const a = /x+y/gi; // not /a comment/',
      'const b = "/not a regex/" + `/${"t"}/ ${s.replace(/\\d+/g, "")}`;',
      'const c = 4 / 2 / 1;',
      'return /[/]z/.test(q);',
    ].join('\n');
    expect(findRegexLiterals(code).map((literal) => `/${literal.source}/${literal.flags}@${literal.line}`)).toEqual(['/x+y/gi@1', '/\\d+/g@2', '/[/]z/@4']);
  });

  it('lists every run-time RegExp construction in src with its justification', () => {
    const counts: Record<string, number> = {};
    for (const file of walk(join(ROOT, 'src'), '.ts')) {
      const count = readFileSync(file, 'utf8').split('new RegExp(').length - 1;
      if (count > 0) counts[relative(ROOT, file)] = count;
    }
    // Entries may be registered before their file lands from another branch.
    const present = Object.entries(DYNAMIC_REGEXPS).filter(([file]) => existsSync(join(ROOT, file)));
    const listed = Object.fromEntries(present.map(([file, entry]) => [file, entry.count]));
    expect(counts).toEqual(listed);
  });

  it('every built-in regex is safe from catastrophic backtracking (recheck)', { timeout: 600_000 }, async () => {
    const candidates = unique(await builtInRegExps());
    expect(candidates.length).toBeGreaterThan(30);
    const results: { candidate: Candidate; result: Diagnostics }[] = [];
    for (const candidate of candidates) results.push({ candidate, result: await checkPatiently(candidate) });
    const allowed = (candidate: Candidate, result: Diagnostics) => result.status === 'unknown' && `/${candidate.source}/${candidate.flags}` in UNKNOWN_ALLOWED;
    const notSafe = results
      .filter(({ candidate, result }) => result.status !== 'safe' && !allowed(candidate, result))
      .map(({ candidate, result }) => `${candidate.where} /${candidate.source}/${candidate.flags}: ${result.status}${'complexity' in result && result.complexity ? ` (${result.complexity.summary})` : ''}`);
    console.info(`recheck: ${results.length} regexes checked, ${results.length - notSafe.length} safe`);
    expect(notSafe).toEqual([]);
    const checked = new Set(results.map(({ candidate }) => `/${candidate.source}/${candidate.flags}`));
    expect(Object.keys(UNKNOWN_ALLOWED).filter((key) => !checked.has(key)), 'stale UNKNOWN_ALLOWED entries').toEqual([]);
  });
});
