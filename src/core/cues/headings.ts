import type { Cue } from './types.js';

const HEADING: Cue['kinds'] = ['heading'];
const strategic = (id: string, weight: number, reason: string, pattern: RegExp): Cue => ({ id, side: 'strategic', weight, reason, pattern, kinds: HEADING });
const tactical = (id: string, weight: number, reason: string, pattern: RegExp): Cue => ({ id, side: 'tactical', weight, reason, pattern, kinds: HEADING });

/**
 * What a heading promises about its body. A heading is one statement: it
 * tips a body with little evidence of its own, and it never makes a mix alone.
 */
export const HEADING_CUES: readonly Cue[] = [
  strategic('heading:problem', 3, 'the heading frames the problem or opportunity', /\b(?:problems?|opportunit(?:y|ies)|pain points?|why now|why|background|context|motivation)\b/i),
  strategic('heading:goals', 3, 'the heading names goals or success measures', /\b(?:goals?|objectives?|success|metrics|KPIs?|OKRs?|outcomes?|impact|north star)\b/i),
  strategic('heading:audience', 3, 'the heading names the target users or market', /\b(?:target|audience|personas?|segments?|customers|market|who (?:is|it's) for|users|primary user|use cases)\b/i),
  strategic('heading:vision', 3, 'the heading names vision, strategy or positioning', /\b(?:vision|mission|strategy|positioning|value proposition|value|differentiat\w{1,8}|competit\w{1,8}|alternatives|business|pricing|go[- ]to[- ]market|launch|summary|solution|principles|benefits|limitations|current solutions)\b/i),
  tactical('heading:stories', 3, 'the heading names stories, items or criteria', /\b(?:user stor(?:y|ies)|stor(?:y|ies)|acceptance|criteria|definition of (?:done|ready)|tasks?|to-?dos?|checklist|test (?:cases?|plan|steps)|scenarios?|bugs?|tickets?|epics?)\b/i),
  tactical('heading:behaviour', 2, 'the heading names screen or flow behaviour', /\b(?:behaviou?r|user (?:flow|journey)|flows?|screens?|pages?|ui|forms?|fields|validation|notifications?|dashboard|ability to|functional requirements|feature \d{1,3}|requirements? \d{1,3})\b/i),
  tactical('heading:priority', 3, 'the heading is a priority bucket of items (P0, Must have)', /^\W{0,4}(?:P[0-3]\b|(?:must|should|could|won't|won’t) have\b)/i),
  tactical('heading:rules', 2, 'the heading names inputs, rules or calculations', /\b(?:inputs?|outputs?|rules?|calculations?|test layers|tests?|QA)\b/i),
  strategic('heading:horizon', 3, 'the heading names a roadmap horizon', /^\W{0,4}(?:Q[1-4]|H[12]|now|next|later|20\d\d)\b\W{0,4}(?:20\d\d)?\W{0,4}$/i),
  tactical('heading:item-title', 3, 'the heading is a backlog item title ("Add ...", "Allow ...")', /^\W{0,4}(?:\d{1,3}[.)]? {1,3})?(?:add|allow|enable|implement|create|fix|support|update|remove|let|integrate|edit|delete|view|show)\b/i),
];

/** Headings of bodies that the rubric calls neutral whatever words they hold: metadata, engineering notes, references. */
export interface NeutralHeading {
  id: string;
  reason: string;
  pattern: RegExp;
}

export const NEUTRAL_HEADINGS: readonly NeutralHeading[] = [
  { id: 'heading:reference', reason: 'references, glossary or metadata', pattern: /\b(?:product requirements document|PRD|product brief|one-pager|request for comments|glossary|references?|links?|appendix|table of contents|contents|changelog|change log|revision|history|version|metadata|document (?:info|control)|contributors?|license|credits|faq)\b/i },
  { id: 'heading:engineering', reason: 'architecture or implementation notes for engineers', pattern: /\b(?:architecture|technical|tech stack|implementation|infrastructure|infra|data model|schema|database|tables|deployment|devops|dependencies|performance|security considerations|storage|backend|frontend|design|technology)\b/i },
  { id: 'heading:scope', reason: 'scope lists, open questions and risks', pattern: /\b(?:out of scope|in scope|non-goals?|not doing|open questions|assumptions|future|later|ideas|phase \d{1,2}|timeline)\b/i },
];

/** Statements about the document itself ("This document outlines ..."): neutral. */
export const ABOUT_THE_DOCUMENT = /^\W{0,4}(?:this|the) (?:document|doc|roadmap|road map|page|section|PRD|spec)\b/i;

/** Statements that are document metadata ("Status: draft", "Owner: Kim"): neutral whatever other words they hold. */
export const METADATA_STATEMENT = /^\W{0,4}(?:author|authors|owner|status|date|last updated|updated|version|reviewers?|approvers?|contact|created|email|founder)\b[^:]{0,20}:/i;
