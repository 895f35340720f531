import type { Cue, StructureCue } from './types.js';

const LEAD: Cue['kinds'] = ['sentence', 'bullet'];
const lead = (id: string, side: Cue['side'], reason: string, pattern: RegExp): Cue => ({ id, side, weight: 1, reason, pattern, kinds: LEAD });

/**
 * What a lead-in line ("Each record must include:", "Better evidence would
 * include:") says about the list right under it. Read only on statements that
 * end with a colon and have a list below; a lead-in that leans one way lends
 * its side to the bare items under it (see judgeStatements in classify.ts).
 */
export const LEAD_IN_CUES: readonly Cue[] = [
  lead('lead-in:fields', 'tactical', 'the items are fields, columns or properties of a record or screen', /\b(?:fields?|columns?|attributes|properties|parameters|contains?|must (?:include|contain|indicate|store|show|display|have)|logged with|records?|captures?|inputs?|outputs?)\b/i),
  lead('lead-in:screens', 'tactical', 'the items are screens, steps or tasks of a build', /\b(?:screens?|pages?|steps?|tasks?|to-?dos?|prototype|mock-?ups?|wireframes?|flow|checklist|deliverables?)\b/i),
  lead('lead-in:goals', 'strategic', 'the items are outcomes, benefits or signals of success (a bare "Goal:" may be a sprint goal)', /\b(?:outcomes?|success|evidence|signals?|indicators?|benefits?|we (?:want|aim|hope) to|will help|helps?|motivations?|aspirations?)\b/i),
  lead('lead-in:questions', 'strategic', 'the items are open product questions to validate', /\b(?:(?:should|must|needs? to|to) (?:answer|learn|validate|test|find out)|hypothes[ie]s|assumptions? to (?:test|validate)|questions? (?:to answer|that (?:still )?need))\b/i),
];

/** A bare list item that takes its side from the lead-in line above it. */
export const LEAD_IN_ITEM: Readonly<Record<Cue['side'], StructureCue>> = {
  strategic: { id: 'lead-in-item', side: 'strategic', weight: 2, reason: 'an item of a list whose lead-in names goals, signals or product questions' },
  tactical: { id: 'lead-in-item', side: 'tactical', weight: 2, reason: 'an item of a list whose lead-in names fields, screens, steps or tasks' },
};
