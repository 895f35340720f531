import { sectionRange } from './helpers.js';
import type { SectionAnalysis, Statement } from '../types.js';
import type { Rule } from './types.js';

export type VisionElement = 'target' | 'need' | 'category' | 'benefit' | 'alternative' | 'differentiator';

interface VisionCompleteOptions extends Record<string, unknown> {
  elements: string[];
  minWords: number;
}

const ELEMENT_NAMES: Record<VisionElement, string> = {
  target: 'target customer',
  need: 'need',
  category: 'product category',
  benefit: 'key benefit',
  alternative: 'alternative',
  differentiator: 'differentiator',
};

/**
 * Signs of each element of Geoffrey Moore's elevator pitch ("For <target>
 * who <need>, <product> is a <category> that <benefit>. Unlike
 * <alternative>, <product> <differentiator>."), in the body or in a
 * sub-heading. Generous on purpose: the rule reports an element only when no
 * sign of it is anywhere.
 */
type Sign = RegExp | ((text: string) => boolean);

const CONTRAST = /\b(?:unlike|compared to|compared with|instead of|rather than)\s/gi;

/** "Unlike <alternative>, <product> <differentiator>": a main clause after the contrast. */
function contrastClause(text: string): boolean {
  CONTRAST.lastIndex = 0;
  for (let match = CONTRAST.exec(text); match; match = CONTRAST.exec(text)) {
    const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 160);
    const stop = rest.search(/[,.\n]/);
    if (stop > 0 && rest[stop] === ',' && /^,\s?[\p{L}\d]{1,40}\s\S/u.test(rest.slice(stop))) return true;
  }
  return false;
}

function signed(sign: Sign, text: string): boolean {
  return typeof sign === 'function' ? sign(text) : sign.test(text);
}

const ELEMENT_SIGNS: Record<VisionElement, { body: Sign[]; heading: RegExp }> = {
  target: {
    body: [
      /(?:^|[.!?\n])[ \t*_>-]{0,8}for[ \t]+(?!example\b|instance\b|now\b|years?\b|\d)\S/i,
      /\btarget(?:ed)?\s(?:customers?|users?|audience|market|segments?)\b/i,
      /\b(?:built|designed|made)\sfor\b/i,
      /\bour\s(?:customers|users)\b/i,
      /\bfor\s(?!example\b|instance\b|now\b|years\b|months\b|days\b|decades\b|\d)(?:[\p{L}-]{1,20}\s){0,3}[\p{L}-]{2,20}s\b/iu,
      /\b(?:customers?|users?|teams|technicians?|clinics?|developers?|patients?|students?|teachers?|parents?|businesses|companies|merchants?|sellers?|buyers?|shoppers?|people|families|professionals|engineers?|designers?|managers?|owners?|members?|players?|tenants?|farmers?|drivers?|freelancers?)\b/i,
    ],
    heading: /\b(?:target|customers?|audience|personas?|users?|who)\b/i,
  },
  need: {
    body: [/\b(?:who|needs?|wants?|problems?|cannot|no time|hard to)\b/i, /\b(?:struggl|pain|frustrat|wait|spend|los[ei]|drown)\w{0,12}\b/i, /\bcan['’]t\b/i, /\btoo\s(?:long|much|slow)\b/i],
    heading: /\b(?:needs?|problems?|pains?|jobs?)\b/i,
  },
  category: {
    body: [/\b(?:is|as)\s(?:a|an|the)\s/i, /\b(?:tool|app|application|platform|service|software|system|solution|assistant|marketplace|editor|library|framework|api|sdk|device|kit)\b/i],
    heading: /\b(?:category|product|what it is)\b/i,
  },
  benefit: {
    body: [
      /\bthat\s(?!is\b|are\b)\w/i,
      /\b(?:helps?|lets?|enables?|saves?|cuts?|reduces?|halves|benefits?)\b/i,
      /\bso\s(?:that|they|you|we)\b/i,
      /\bgets?\s\w{1,20}\s(?:to|paid|done)\b/i,
      /\bwithin\s(?:a|an|one|\d)/i,
      /\b(?:removes?|eliminates?|avoids?|simplif\w{0,6}|faster|fewer|without|already done|painless\w{0,2})\b/i,
    ],
    heading: /\b(?:benefits?|value|outcomes?|promise)\b/i,
  },
  alternative: {
    body: [/\b(?:unlike|instead of|rather than|alternatives?|competitors?|versus)\b/i, /\bcompared\s(?:to|with)\b/i, /\bvs\.?\s/i],
    heading: /\b(?:alternatives?|competitors?|competition|today|positioning|why we win|why us)\b/i,
  },
  differentiator: {
    body: [
      contrastClause,
      /\bour\s(?:product|app|platform|tool|service|solution|game)\b/i,
      /\b(?:differentiat\w{0,8}|only|unique\w{0,4})\b/i,
    ],
    heading: /\b(?:differentiat\w{0,8}|unique\w{0,4}|why us|why we win|difference|positioning)\b/i,
  },
};

const VISION_WORD = /\bvision\b/i;
/** After "vision" a heading may only end, join ("and", "&", ",") or say "statement": "MVP Vision Constraints" is about constraints. */
const AFTER_VISION = /^(?:statements?|and|&|[,:;/|—–-]|\(|for\b|of\b)/i;

function isVisionHeading(heading: string): boolean {
  const match = VISION_WORD.exec(heading);
  if (!match) return false;
  const before = heading.slice(0, match.index);
  if ((before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)) return false;
  const after = heading.slice(match.index + match[0].length).trim();
  return after === '' || AFTER_VISION.test(after);
}

function isElementHeading(heading: string): boolean {
  return VISION_ELEMENTS.some((element) => ELEMENT_SIGNS[element].heading.test(heading));
}
/** "For <target> who <need>, <product> is a <category> ...": checked step by step, no long backtracking pattern. */
function isElevatorPitch(text: string): boolean {
  const opening = /^[^\p{L}]{0,6}for\s/iu.exec(text);
  if (!opening) return false;
  const who = /\b(?:who|that)\b/i.exec(text.slice(opening[0].length, opening[0].length + 100));
  if (!who) return false;
  return /\b(?:is|are)\s(?:a|an|the)\b/i.test(text.slice(opening[0].length + who.index, opening[0].length + who.index + 300));
}

export const VISION_ELEMENTS: readonly VisionElement[] = ['target', 'need', 'category', 'benefit', 'alternative', 'differentiator'];

/** The elements of a vision statement with no sign in its text or sub-headings. */
export function missingElements(body: string, headings: readonly string[], wanted: readonly VisionElement[]): VisionElement[] {
  return wanted.filter((element) => !ELEMENT_SIGNS[element].body.some((sign) => signed(sign, body)) && !headings.some((heading) => ELEMENT_SIGNS[element].heading.test(heading)));
}

/** The pitch and the sentences after it in its paragraph ("... Unlike X, our product ..."). */
function pitchBody(analysis: SectionAnalysis, pitch: Statement): string {
  return analysis.statements
    .map((judgement) => judgement.statement)
    .filter((statement) => statement.block === pitch.block && statement.startOffset >= pitch.startOffset)
    .map((statement) => statement.text)
    .join('\n');
}

/** A vision section's text and the headings of its sub-sections. */
function visionBody(sections: readonly SectionAnalysis[], at: number): { body: string; headings: string[] } {
  const home = sections[at].section;
  const parts = [sections[at].statements.map((judgement) => judgement.statement.text).join('\n')];
  const headings: string[] = [];
  let s = at + 1;
  for (; s < sections.length && sections[s].section.depth > home.depth; s++) {
    if (!isElementHeading(sections[s].section.heading)) continue;
    headings.push(sections[s].section.heading);
    parts.push(sections[s].statements.map((judgement) => judgement.statement.text).join('\n'));
  }
  // "## Vision" followed by "## Target customers", "## Why we win": the statement continues in sibling sections named for its elements.
  for (; s < sections.length && sections[s].section.depth === home.depth && isElementHeading(sections[s].section.heading); s++) {
    headings.push(sections[s].section.heading);
    parts.push(sections[s].statements.map((judgement) => judgement.statement.text).join('\n'));
  }
  return { body: parts.join('\n'), headings };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** A vision statement names target customer, need, category, benefit, alternative and differentiator. */
export const visionComplete: Rule<VisionCompleteOptions> = {
  id: 'vision-complete',
  description: 'A vision statement names its target customer, need, product category, key benefit, alternative and differentiator.',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: { elements: [...VISION_ELEMENTS], minWords: 8 },
  optionDocs: {
    elements: 'The elements to require (target, need, category, benefit, alternative, differentiator).',
    minWords: 'Skip vision sections shorter than this many words (a link or a placeholder is not a statement).',
  },
  check(context) {
    const wanted = VISION_ELEMENTS.filter((element) => context.options.elements.includes(element));
    const visionAncestors = nearestVisionAncestors(context.sections);
    context.sections.forEach((analysis, at) => {
      const { section } = analysis;
      const byHeading = section.headingLine !== null && isVisionHeading(section.heading);
      if (byHeading ? hasVisionSubsection(context.sections, at) : visionAncestors[at] !== undefined) return;
      const pitch = byHeading ? undefined : analysis.statements.find((judgement) => isElevatorPitch(judgement.statement.text));
      if (!byHeading && !pitch) return;
      const { body, headings } = byHeading ? visionBody(context.sections, at) : { body: pitchBody(analysis, pitch!.statement), headings: [] };
      if (wordCount(body) < context.options.minWords && headings.length === 0) return;
      const missing = missingElements(body, headings, wanted);
      if (missing.length === 0) return;
      const names = missing.map((element) => ELEMENT_NAMES[element]);
      context.report({
        message:
          `${byHeading ? `The vision statement under "${section.heading}"` : 'This elevator pitch'} names no ${names.join(', no ')}: ` +
          'a vision that leaves out who it serves, what they need, what it is, what it does for them, or why it beats the alternative cannot guide decisions.',
        range: byHeading ? sectionRange(context, section) : context.index.range(pitch!.statement.startOffset, context.index.lineEnd(pitch!.statement.line)),
      });
    });
  },
};

/** "Mission, vision and values" with a "Vision" sub-section: the sub-section is the statement. */
function hasVisionSubsection(sections: readonly SectionAnalysis[], at: number): boolean {
  for (let s = at + 1; s < sections.length && sections[s].section.depth > sections[at].section.depth; s++) {
    if (isVisionHeading(sections[s].section.heading)) return true;
  }
  return false;
}

/**
 * The sub-sections of a vision section are judged with it, not alone: for
 * every section, the nearest enclosing section with a vision heading. One pass
 * with a stack of enclosing headings (a backwards walk per section was
 * quadratic on documents with thousands of sibling headings).
 */
function nearestVisionAncestors(sections: readonly SectionAnalysis[]): (number | undefined)[] {
  const stack: { depth: number; vision: number | undefined }[] = [];
  return sections.map(({ section }, at) => {
    if (section.headingLine === null) return undefined;
    while (stack.length && stack[stack.length - 1].depth >= section.depth) stack.pop();
    const enclosing = stack[stack.length - 1]?.vision;
    stack.push({ depth: section.depth, vision: isVisionHeading(section.heading) ? at : enclosing });
    return enclosing;
  });
}
