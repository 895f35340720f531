import type { Cue } from './types.js';

const cue = (id: string, weight: number, reason: string, pattern: RegExp, kinds?: Cue['kinds']): Cue => ({ id, side: 'tactical', weight, reason, pattern, kinds });

/** The product owner's vocabulary: stories, criteria, estimates, sprint items, screen-level behaviour. */
export const TACTICAL_CUES: readonly Cue[] = [
  cue('user-story', 3, 'a user story template ("As a ..., I want ...")', /\bAs an? [^\s,.;]+(?: [^\s,.;]+){0,7},? I (?:want|need|can|would like|should be able)\b/i),
  cue('job-story', 3, 'a job story template ("When ..., I want to ..., so I can ...")', /^\W*When [^,]{1,80}, I want to\b/i),
  cue('scenario', 3, 'a Given/When/Then scenario', /\b(?:Given|When|Then)\b/i, ['scenario']),
  cue('acceptance-criteria', 2, 'acceptance criteria or definition of done', /\b(?:acceptance criteria|AC:|definition of (?:done|ready)|DoD|DoR)\b/i),
  cue('estimate', 2, 'an estimate or story points', /\b(?:\d+(?:\.\d+)? ?(?:story points?|SP|pts?|points)\b|estimates?:|t-shirt size)/i),
  cue('sprint', 2, 'a sprint or iteration item', /\b(?:sprint|iteration|stand-?up|refinement|backlog item|ticket)\b/i),
  cue('ui-element', 1, 'screen or field-level behaviour', /\b(?:button|modal|dropdown|checkbox|text ?field|input field|tooltip|toast|click(?:s|ing)?|tap(?:s|ping)?|validation|error (?:message|text)|placeholder)\b/i),
  cue('endpoint', 2, 'an API endpoint or field', /\b(?:GET|POST|PUT|PATCH|DELETE) \/\S+|\bendpoint\b/),
  cue('item-id', 1, 'a ticket or story id', /\b[A-Z][A-Z0-9]{1,9}-\d{1,6}\b/),
];
