import type { Cue, StructureCue } from './types.js';

const BODY: Cue['kinds'] = ['sentence', 'bullet', 'row', 'scenario'];
const cue = (id: string, weight: number, reason: string, pattern: RegExp, kinds: Cue['kinds'] = BODY): Cue => ({ id, side: 'tactical', weight, reason, pattern, kinds });

/**
 * The product owner's vocabulary: stories, criteria, estimates, sprint items
 * and behaviour at screen, field or endpoint level. Weight 3 is structure that
 * decides on its own; weight 1 words need company in the same statement.
 */
export const TACTICAL_CUES: readonly Cue[] = [
  // Anchored at the statement's start (after an id or a label such as "US-3:" or a table cell):
  // one start position keeps the scan linear, and a story opens its statement.
  cue('user-story', 3, 'a user story template ("As a ..., I want ...")', /^\W{0,6}(?:[\w #-]{1,24}[:|] {0,2}\W{0,4}){0,2}As an? [^,.;()|]{1,60}?,? (?:\([^()]{1,40}\),? )?I (?:want|need|can|would like|should be able)\b/i),
  cue('job-story', 3, 'a job story template ("When ..., I want to ..., so I can ...")', /^\W{0,4}When [^,]{1,80}, I want to\b/i),
  cue('scenario', 3, 'a Given/When/Then scenario', /\b(?:Given|When|Then)\b/i, ['scenario']),
  cue('acceptance-criteria', 2, 'acceptance criteria or definition of done', /\b(?:acceptance criteria|AC:|definition of (?:done|ready)|DoD|DoR|test cases?|test steps?|expected result)\b/i),
  cue('estimate', 2, 'an estimate or story points', /\b(?:\d{1,3}(?:\.\d)? ?(?:story points?|SP|pts?|points)\b|estimates?:|t-shirt size)/i),
  cue('sprint', 2, 'a sprint or iteration item', /\b(?:sprint \d{1,3}|iteration \d{1,3}|stand-?up|refinement|backlog items?|subtasks?)\b/i),
  cue('requirement', 2, 'a requirement on the system\'s behaviour ("the system shall ...")', /\b(?:shall|must (?:allow|display|show|support|validate|send|store|prevent|not)|should (?:display|show|allow)|can (?:click|tap|select|enter|view|edit|delete|upload|download|filter|sort|search|see)|the system (?:will|must|should) \w{2,20})\b/i),
  cue('user-ability', 1, 'what a role can do to an item ("admins can archive ...")', /\b(?:agent|admin|user|owner|reviewer|member)s? (?:can|may) (?:accept|reject|approve|override|create|add|remove|export|invite|configure|cancel|reorder|rename|archive|assign)\b/i),
  cue('ability', 1, 'an ability the product must give ("should be able to")', /\b(?:(?:must|should) be able to|is able to|are able to)\b/i),
  cue('requirement-id', 2, 'a requirement, story or ticket id', /\b(?:[A-Z][A-Z0-9]{1,9}-\d{1,6}|(?:FR|NFR|REQ|US|AC)[-_ ]?\d{1,4})\b/),
  cue('priority', 1, 'a priority on a single item', /\b(?:P[0-3]|MoSCoW|must[- ]have|should[- ]have|could[- ]have|won't[- ]have|priority: ?\w{1,10})\b/i),
  cue('ui-element', 1, 'screen or field-level behaviour', /\b(?:button|modal|dialog|dropdown|checkbox|toggle|text ?field|input|form|field|tooltip|toast|banner|tab|screen|page|menu|icon|link|placeholder|spinner|sidebar|navbar|badge|toolbar|carousel|thumbnail|avatar|progress bar|slider|picker|search bar|lock ?screen|notification|pop-?up|widget)s?\b/i),
  cue('ui-action', 1, 'what the user does on screen', /\b(?:clicks?|clicking|taps?|tapping|selects?|enters?|types?|submits?|navigates?|scrolls?|drags?|swipes?|uploads?|logs? in|signs? in|redirect(?:s|ed)?|displays?|shows?|hides?|is shown|are shown|opens?)\b/i),
  cue('validation', 2, 'validation or error text (not validating an idea or a market)', /\b(?:(?<!(?:market|idea|customer|problem|product|demand) )validation|validat(?:es?|ing)(?! (?:the |our |this |that |an? )?(?:idea|hypothes[ie]s|assumptions?|demand|market|concept|problem|need|business|value|product)\b)|error (?:message|text|state)|required field|invalid|empty state|inline error|character limit|max(?:imum)? (?:length|\d{1,5} characters))\b/i),
  cue('endpoint', 1, 'an API endpoint or field', /\b(?:GET|POST|PUT|PATCH|DELETE) \/[\w/{}:.-]{1,80}|\bendpoints?\b|\bstatus code \d{3}\b|\b[45]\d\d (?:error|response)\b/),
  cue('modal', 1, 'a rule on behaviour ("must", "cannot", "only ... can")', /\b(?:must|cannot|can't|may not|is not allowed|only (?:the )?[\w-]{2,20} can)\b/i),
  cue('navigation', 2, 'a path through the screens ("Settings → Billing")', /\S ?(?:→|->) ?[A-Z]|\bgoes to \*{0,2}[A-Z]/),
  cue('field-name', 1, 'a field or value name in code style (snake_case)', /\b[a-z][a-z0-9]{1,20}_[a-z0-9_]{2,30}\b/),
  cue('mockup', 3, 'a screen mockup drawn in a code block', /[┌╔][─═]{2}/),
  cue('task-verb', 1, 'a work item opening with a task verb ("Implement ...", "Add ...")', /^\W{0,4}(?:Implement|Add|Fix|Update|Refactor|Integrate|Ingest|Migrate|Wire up|Set up|Configure|Deploy|Expose|Polish|Rename|Remove|Replace|Write tests|Build (?:the |a |an )?\w{1,20} (?:UI|page|screen|flow|form|endpoint|API|component|skeleton))\b/),
  cue('done-check', 1, 'a definition-of-done check (tests, review, merge, deploy)', /\b(?:unit tests?|integration tests?|end-to-end tests?|code review|peer[- ]review\w{0,3}|pull requests?|merged into|staging (?:branch|environment)|user acceptance tests?|regression tests?)\b/i),
  cue('user-step', 2, 'a step of a user flow ("The user selects ...")', /^\W{0,4}(?:the )?(?:user|participant|agent|admin|customer|visitor|member|founder|buyer|seller|shopper|player|student|guest|host)s? (?:clicks?|taps?|selects?|enters?|types?|submits?|logs? in|signs? (?:in|up)|opens?|chooses?|picks?|uploads?|pastes?|scans?|drags?|swipes?|confirms?|sees?|saves?|prints?|downloads?|shares?|edits?|deletes?|creates?|receives?|views?|searches|filters?|requests?|completes?|starts?|adds?|removes?|is (?:shown|taken|redirected))\b/i),
  cue('system-response', 2, 'what the product does in response, step by step ("The app shows ...")', /^\W{0,4}(?:the )?(?:app|system|agent|bot|tool|platform|server|API|service|page|screen|assistant) (?:shows|displays|sends|returns|proposes|generates|saves|notifies|redirects|rejects|creates|prompts|asks|highlights|plays|pre-?fills|auto-?fills|greys out|disables|enables)\b/i),
  cue('task', 2, 'a task for the team', /^\W{0,4}(?:TODO|FIXME|Task)\b|\b(?:assignee|assigned to|owner: ?@)\b/i),
];

/** Table columns that make the rows backlog items: estimates, priorities, owners, states. */
export const TACTICAL_HEADER_CUES: readonly Cue[] = [
  {
    id: 'item-columns',
    side: 'tactical',
    weight: 3,
    reason: 'a table of backlog items (estimate, priority or status columns)',
    pattern: /\b(?:story|stories|points|estimate|effort|priority|acceptance|sprint|assignee|owner|status|ticket|issue|ID|requirement|test case|expected)\b/i,
    kinds: ['row'],
    headerRow: true,
  },
];

/** A task-list item (`- [ ]`, `- [x]`): a checklist for the team. */
export const TASK_CHECKBOX: StructureCue = { id: 'task-checkbox', side: 'tactical', weight: 2, reason: 'a task checklist item' };
