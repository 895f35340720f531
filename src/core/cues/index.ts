import type { Side } from '../types.js';
import { ABOUT_THE_DOCUMENT, HEADING_CUES, METADATA_STATEMENT, NEUTRAL_HEADINGS, type NeutralHeading } from './headings.js';
import { LEAD_IN_CUES, LEAD_IN_ITEM } from './lead-ins.js';
import { STRATEGIC_CUES, STRATEGIC_HEADER_CUES } from './strategic.js';
import { TACTICAL_CUES, TACTICAL_HEADER_CUES, TASK_CHECKBOX } from './tactical.js';
import type { Cue } from './types.js';

export type { Cue, StructureCue } from './types.js';
export type { NeutralHeading };
export { ABOUT_THE_DOCUMENT, HEADING_CUES, LEAD_IN_CUES, LEAD_IN_ITEM, METADATA_STATEMENT, NEUTRAL_HEADINGS, STRATEGIC_CUES, STRATEGIC_HEADER_CUES, TACTICAL_CUES, TACTICAL_HEADER_CUES, TASK_CHECKBOX };

export interface UserCues {
  strategic?: readonly string[];
  tactical?: readonly string[];
}

const USER_CUE_WEIGHT = 2;

function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A user's literal term as a cue: matched case-insensitively on word boundaries, never as a pattern. */
export function literalCue(side: Side, term: string): Cue {
  const edge = (c: string) => (/\w/.test(c) ? '\\b' : '');
  const trimmed = term.trim();
  return {
    id: `user:${trimmed.toLowerCase()}`,
    side,
    weight: USER_CUE_WEIGHT,
    reason: `a ${side} term from your configuration`,
    pattern: new RegExp(`${edge(trimmed[0] ?? '')}${escapeRegExp(trimmed)}${edge(trimmed[trimmed.length - 1] ?? '')}`, 'i'),
  };
}

/** Built-in cues (body and heading) plus the user's literal terms. */
export function allCues(user: UserCues = {}): Cue[] {
  const extra = (side: Side) => (user[side] ?? []).filter((term) => term.trim()).map((term) => literalCue(side, term));
  return [...STRATEGIC_CUES, ...TACTICAL_CUES, ...STRATEGIC_HEADER_CUES, ...TACTICAL_HEADER_CUES, ...HEADING_CUES, ...extra('strategic'), ...extra('tactical')];
}
