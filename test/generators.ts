// Structured Markdown generators for property tests: product-document-shaped
// text (headings, paragraphs, lists, stories, scenarios, tables, code,
// disable comments, front matter) in LF or CRLF, plus some raw noise.
import fc from 'fast-check';

const STRATEGIC = [
  'Mid-market teams churn at 8% a quarter because setup takes weeks.',
  'Winning this segment is worth $3M in ARR next year.',
  'Our competitors already offer this, which hurts our positioning.',
  'The goal is to lift retention by two points by Q3.',
  'This bet opens the enterprise market for us.',
  'Success metric: net revenue retention above 110%.',
  'Pricing stays per seat; the business case assumes 20% upsell.',
  'Theme for H2 2027: become the default tool for finance teams.',
];

const TACTICAL = [
  'As an admin, I want to import users from a CSV so that onboarding is quick.',
  'As a shopper, I want to save my card so that I can pay in one step.',
  'Estimate: 5 points.',
  'Move PAY-212 into sprint 14.',
  'The Save button shows the error text "Name is required" when the field is empty.',
  'POST /invoices returns the new invoice id.',
  'Definition of done: reviewed, tested and deployed behind a flag.',
];

const NEUTRAL = [
  'Owner: Sam Lee.',
  'Status: draft.',
  'See the design notes for details.',
  'The service stores data in the existing events table.',
  'We will support SSO and SCIM.',
  'Last updated on 4 May.',
  'Ünïcode text with émoji 🚀 and a tab\there.',
];

/** Stories, well-formed and not (no benefit, two goals, a note inside, no role), for the story rules' fixes. */
const STORIES = [
  'As an admin, I want to import users from a CSV so that onboarding is quick.',
  'As a shopper, I want to save my card so that I can pay in one step.',
  "As a driver, I want to see tomorrow's route.",
  'As an admin, I want to export and delete users so that the list stays clean.',
  'As a nurse, I want to print the schedule (A4 only) so that the ward has a copy.',
  'I want to reorder last week\'s basket so that shopping takes two taps.',
];

const SCENARIO_LINES = [
  ['Given a signed-in user', 'When they open the billing page', 'Then the current plan is shown'],
  ['Given an empty cart', 'When the shopper presses Pay', 'Then the button is disabled', 'And a hint explains why'],
  ['given a parcel at the depot', 'when the driver scans it', 'then the status is "Out for delivery"'],
  ['Given a draft timesheet', 'Then it is locked', 'When the clerk submits it'],
  ['And the student is enrolled', 'When they open the course', 'Then the syllabus loads fast'],
];

const RULE_NAMES = ['mixed-section', 'doc-kind-fit', 'unused-disable', 'no-such-rule', 'story-format'];
const DIRECTIVES = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'];
export const FILE_NAMES = ['q3-roadmap.md', 'mobile-backlog.md', 'product-vision.md', 'checkout-prd.md', 'notes.md', undefined];

const sentence = fc.oneof(fc.constantFrom(...STRATEGIC), fc.constantFrom(...TACTICAL), fc.constantFrom(...NEUTRAL));
const headingText = fc.oneof(
  fc.constantFrom('Goals', 'Why now', 'Stories', 'Acceptance criteria', 'Scope', 'Market', 'Sprint 12', 'Notes', 'Vision'),
  fc.string({ maxLength: 20 }).map((text) => text.replace(/[\r\n]/g, ' ')),
);

export const atxHeading = fc.tuple(fc.integer({ min: 1, max: 6 }), headingText).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`);
export const setextHeading = fc.tuple(fc.constantFrom('=', '-'), headingText.filter((text) => text.trim().length > 0 && !/^[-=#>*+\d\s]/.test(text))).map(([mark, text]) => `${text}\n${mark.repeat(Math.max(3, text.length))}`);
const heading = fc.oneof({ weight: 4, arbitrary: atxHeading }, { weight: 1, arbitrary: setextHeading });

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(' '));
const strategicParagraph = fc.array(fc.constantFrom(...STRATEGIC), { minLength: 2, maxLength: 3 }).map((s) => s.join(' '));
const bulletList = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n'));
const taskList = fc.array(fc.tuple(fc.boolean(), fc.constantFrom(...TACTICAL, ...NEUTRAL)), { minLength: 1, maxLength: 3 }).map((items) => items.map(([done, item]) => `- [${done ? 'x' : ' '}] ${item}`).join('\n'));
const stories = fc.array(fc.constantFrom(...STORIES), { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n'));
const scenario = fc.tuple(fc.constantFrom(...SCENARIO_LINES), fc.constantFrom('plain', 'list', 'bold', 'gherkin')).map(([lines, style]) => {
  if (style === 'list') return lines.map((line) => `- ${line}`).join('\n');
  if (style === 'bold') return lines.map((line) => line.replace(/^(\w+)/, '**$1**')).join('\n');
  if (style === 'gherkin') return ['```gherkin', 'Scenario: example', ...lines.map((line) => `  ${line}`), '```'].join('\n');
  return lines.join('\n');
});
const table = fc.array(fc.tuple(sentence, fc.constantFrom('P0', '3 pts', 'Q3', '')), { minLength: 1, maxLength: 3 }).map((rows) =>
  ['| Item | Note |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a.replace(/\|/g, '/')} | ${b} |`)].join('\n'),
);
const codeFence = fc.tuple(fc.constantFrom('```', '~~~'), fc.array(fc.oneof(sentence, atxHeading), { maxLength: 3 })).map(([fence, lines]) => [fence, ...lines, fence].join('\n'));
const blockquote = fc.array(fc.oneof(sentence, atxHeading), { minLength: 1, maxLength: 3 }).map((lines) => lines.map((line) => `> ${line}`).join('\n'));
const listWithHeading = fc.tuple(atxHeading, sentence).map(([head, text]) => `- ${head}\n  ${text}`);
export const disableComment = fc.tuple(fc.constantFrom(...DIRECTIVES), fc.subarray(RULE_NAMES, { maxLength: 2 })).map(([kind, rules]) => `<!-- pmpo-lint-${kind}${rules.length ? ' ' + rules.join(', ') : ''} -->`);
const noise = fc.string({ maxLength: 40, unit: 'grapheme' });
/** A disable comment after text on its line, and one only shown in inline code (not a comment at all). */
const trailingDisableComment = fc.tuple(sentence, disableComment).map(([text, comment]) => `${text} ${comment}`);
const quotedDisableComment = disableComment.map((comment) => `Write \`${comment}\` to silence a rule.`);
/** An attribute value of an HTML block that looks like a disable comment (also not a comment). */
const attributeDisableComment = disableComment.map((comment) => `<div title="${comment}">Note</div>`);

/** The look-alike comments a generated text quotes (in inline code or an attribute value): fixes must leave them whole. */
export function quotedLookAlikes(text: string): string[] {
  return [...text.matchAll(/`<!--[^`]*-->`|"<!--[^"]*-->"/g)].map((match) => match[0]);
}

export const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 2, arbitrary: strategicParagraph },
  { weight: 3, arbitrary: bulletList },
  { weight: 1, arbitrary: taskList },
  { weight: 3, arbitrary: stories },
  { weight: 2, arbitrary: scenario },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: codeFence },
  { weight: 1, arbitrary: blockquote },
  { weight: 1, arbitrary: listWithHeading },
  { weight: 2, arbitrary: disableComment },
  { weight: 1, arbitrary: trailingDisableComment },
  { weight: 1, arbitrary: quotedDisableComment },
  { weight: 1, arbitrary: attributeDisableComment },
  { weight: 1, arbitrary: noise },
);

/** A section whose strategy and delivery detail are two contiguous runs: the case the split suggestion handles. */
const contiguousMixedSection = fc.tuple(heading, strategicParagraph, stories, scenario).map(([head, strategy, items, steps]) => [head, strategy, items, steps].join('\n\n'));
const section = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(heading, fc.array(block, { maxLength: 5 })).map(([head, blocks]) => [head, ...blocks].join('\n\n')) },
  { weight: 1, arbitrary: contiguousMixedSection },
  { weight: 1, arbitrary: fc.tuple(disableComment, heading, fc.array(block, { maxLength: 3 })).map(([comment, head, blocks]) => [comment, head, ...blocks].join('\n\n')) },
);

const frontMatter = fc.oneof(
  fc.constant(''),
  fc.constantFrom('roadmap', 'backlog', 'vision', 'prd', 'bogus').map((kind) => `---\npmpo:\n  kind: ${kind}\n---\n`),
  fc.constant('---\npmpo:\n  rules:\n    mixed-section: off\n---\n'),
  fc.constant('---\ntitle: [unclosed\n---\n'),
  fc.constant('---\npmpo: 3\n---\n'),
);

export interface GeneratedDoc {
  text: string;
  fileName: string | undefined;
}

export const productDocument: fc.Arbitrary<GeneratedDoc> = fc
  .record({
    front: frontMatter,
    preamble: fc.array(block, { maxLength: 2 }),
    sections: fc.array(section, { maxLength: 6 }),
    crlf: fc.boolean(),
    trailingNewline: fc.boolean(),
    fileName: fc.constantFrom(...FILE_NAMES),
  })
  .map(({ front, preamble, sections, crlf, trailingNewline, fileName }) => {
    const body = [...preamble, ...sections].join('\n\n') + (trailingNewline ? '\n' : '');
    const text = front + body;
    return { text: crlf ? text.replace(/\r?\n/g, '\r\n') : text, fileName };
  });
