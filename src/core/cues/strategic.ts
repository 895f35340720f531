import type { Cue } from './types.js';

const cue = (id: string, weight: number, reason: string, pattern: RegExp): Cue => ({ id, side: 'strategic', weight, reason, pattern, kinds: BODY });
const BODY: Cue['kinds'] = ['sentence', 'bullet', 'row', 'scenario'];

/**
 * The product manager's vocabulary: market, business case, goals, positioning,
 * horizons. Weight 2 is a clear sign on its own; weight 1 words only count
 * when two of them meet in one statement (a statement needs 2 to count).
 */
export const STRATEGIC_CUES: readonly Cue[] = [
  cue('vision', 2, 'vision, mission or long-term direction', /\b(?:(?<!computer |machine )vision(?![- ](?:models?|APIs?|language|pipelines?|transformers?|pro)\b)|mission|north[- ]star|long[- ]term|ambition|in (?:three|five|ten|3|5|10) years)\b/i),
  cue('market', 2, 'market or segment framing', /\b(?:market(?:s|place)?|market share|segments?|TAM|SAM|SOM|mid-market|enterprises?|SMBs?|industry|verticals?)\b/i),
  cue('revenue', 2, 'revenue, pricing or business case', /\b(?:revenue|ARR|MRR|pricing|price points?|moneti[sz]\w{0,10}|business (?:case|model|value)|ROI|(?<!non-)profit\w{0,6}|margins?|upsell|subscriptions? tiers?|paying (?:customers|teams|users)|sales)\b/i),
  cue('competition', 2, 'competitors and positioning', /\b(?:competitors?|competitive|competition|differentiat\w{1,8}|positioning|alternatives on the market|incumbents?)\b/i),
  cue('kpi', 2, 'product goals, KPIs and success metrics', /\b(?:KPIs?|OKRs?|key results?|success (?:metrics?|criteria|measures?)|north star metric|NPS|retention|churn|conversion|activation rate|adoption|engagement|DAU|MAU|WAU|LTV|CAC)\b/i),
  cue('outcome', 1, 'a business outcome to move', /\b(?:increase|reduce|improve|grow|decrease|drive|boost|lower)\b/i),
  cue('target-figure', 1, 'a target figure', /\b\d{1,3}(?:\.\d{1,2})?\s?%|\b\d{1,4}(?:[.,]\d{1,3})?\s?[kKmM]\b|\b(?:by|within) (?:the end of )?(?:Q[1-4]|20\d\d|H[12])\b|[≥≤]\s?\d/),
  cue('customers', 1, 'customers, users and their problem', /\b(?:customers?|buyers?|personas?|audience|segments?|clients?|stakeholders?|adopters?)\b/i),
  cue('problem', 1, 'the problem or opportunity', /\b(?:problems?|pain(?: points?)?|struggle\w{0,3}|frustrat\w{1,6}|challenges?|opportunit(?:y|ies)|needs?|today|currently|manual(?:ly)?|costly|expensive|time-consuming)\b/i),
  cue('growth', 2, 'growth and business outcomes', /\b(?:growth|acquisition|strateg(?:y|ies|ic)|business (?:goals?|outcomes?|objectives?)|competitive advantage|value proposition|time[- ]to[- ]value)\b/i),
  cue('horizon', 1, 'roadmap horizons and themes', /\b(?:Q[1-4](?: ?20\d\d)?|H[12] ?20\d\d|next (?:year|quarter|half)|this (?:year|quarter)|now\s?\/\s?next\s?\/\s?later|(?:roadmap|strategic|product|investment|key) themes?|^\W{0,4}themes?\b|initiatives?|bets?|horizons?|roadmap)\b/i),
  cue('go-to-market', 2, 'go-to-market and launch', /\b(?:go[- ]to[- ]market|GTM|launch(?:es|ing)?|messaging|partnerships?|partners|distribution channels?|marketing|early adopters?|beta customers)\b/i),
  cue('money', 2, 'money figures', /[$€£]\s?\d[\d.,]{0,12}\s?(?:[kKmMbB]|million|billion)?\b/),
  cue('target-users', 2, 'target users, personas or segments named as such', /\b(?:primary|secondary|target|main|core|indirect) (?:users?|personas?|audiences?|customers?|segments?|beneficiar(?:y|ies)|buyers?)\b|^\W{0,4}(?:primary|secondary|tertiary)(?: ?\/ ?\w{1,12})?(?: users?| personas?| audiences?)? ?:/i),
  cue('metric', 1, 'a named product metric', /\b(?:(?:override|error|conversion|success|completion|adoption|return|dispute|appeal|churn|click-through|bounce|retention|resolution|win|drop-off|reply|failure|usage|renewal) rate|CSAT|median|baseline|leading indicator|lagging indicator|time[- ]to[- ](?:value|resolution|service|market|first \w{1,12})|(?:per|a) (?:user|agent|customer|team|seat) per (?:day|week|month))\b/i),
  cue('status-quo', 2, 'how things are done today (the problem framed)', /\b(?:today|currently|at present),? (?:\w{1,20} ){0,4}(?:must|have to|has to|need to|needs to|spends?|rel(?:y|ies) on|struggles?)\b|\bstruggl\w{1,3} to\b/i),
  cue('scope-horizon', 1, 'what a later release or phase holds (scope over time)', /\b(?:non-goals?|not in (?:v1|the first)|(?:first|next|later|future) (?:release|version|phase)s?|phase (?:2|3|two|three)|post-(?:launch|MVP)|within ~?\d{1,2}(?:[–-]\d{1,2})? (?:weeks|months|quarters|years))\b/i),
  cue('value-claim', 1, 'a value claim against the status quo ("faster than", "without manual ...")', /\b(?:faster|cheaper|easier|simpler|safer|more (?:reliabl|consistent|accurat)\w{0,4}) than\b|\bwithout (?:manual|having to|spending)\b/i),
  cue('cost', 1, 'cost named as a business concern', /\b(?:costs?|cost-effective|savings?|budget|spend)\b/i),
  cue('usage-signal', 1, 'a usage signal of success ("users returning", "share of users")', /\b(?:(?:percentage|share|proportion|number) of (?:users|customers|visitors|members|teams)|(?:users|customers|visitors) (?:returning|coming back)|\d{1,3} times (?:a|per|in a) (?:day|week|month))\b/i),
  cue('goal', 1, 'a goal or objective', /\b(?:goals?|objectives?|we want)\b/i),
  cue('validate-idea', 2, 'validating the idea, demand or market (product discovery)', /\b(?:validat(?:e|es|ing|ion of) (?:the |our |this |that |an? )?(?:idea|hypothes[ie]s|assumptions?|demand|market|concept|problem|need|business|value proposition)|(?:market|idea|customer|problem|demand) validation|product[- ]market fit|PMF)\b/i),
  cue('persona-card', 2, 'a persona card field (mindset, motivations, frustrations)', /^\W{0,4}(?:mindset|motivations?|frustrations?|pain points?|needs|behaviou?rs|demographics?|jobs[- ]to[- ]be[- ]done|background)\W{0,4}:/i),
  cue('principle', 2, 'a principle of the product in its market (vendor-neutral, no lock-in, ecosystem)', /\b(?:aspires? to|we strive|vendor[- ]neutral|(?:vendor )?lock-in|level playing field|ecosystem|open standards?|community-driven|interoperab\w{2,6})\b/i),
  cue('quarter-sequence', 2, 'several quarters or halves laid out in one statement (a roadmap in brief)', /\b(?:Q[1-4]|H[12])\b[^\n]{1,200}?\b(?:Q[1-4]|H[12])\b/),
  cue('stated-goal', 2, 'the product\'s goal or purpose stated as such', /\b(?:the|our|main|primary|core|ultimate|product) (?:goal|aim|purpose|objective) (?:is|here is|of (?:the|this) (?:product|app|platform|tool))\b|^\W{0,4}(?:purpose|tagline|elevator pitch|value prop(?:osition)?|positioning)\b/i),
  cue('scope-position', 2, 'what the product deliberately is and is not (positioning by scope)', /\b(?:intentionally (?:narrow|small|focused|simple)|(?:is|it's) not (?:a|an) (?:general|full|complete|replacement)|not (?:meant|intended|trying) to replace|feature parity|value prop)\b/i),
  cue('rationale', 2, 'the "Why?" of an initiative', /^\W{0,4}why\??\W{0,4}$/i),
  cue('aim', 2, 'a product aim or bet', /\b(?:our aim|we aim|we believe|we bet|success (?:looks|means)|why now|so that (?:we|our) (?:can )?(?:win|grow|compete))\b/i),
];

/** Table columns that make the rows a market or metrics argument. */
export const STRATEGIC_HEADER_CUES: readonly Cue[] = [
  {
    id: 'metric-columns',
    side: 'strategic',
    weight: 3,
    reason: 'a table of metrics, targets or competitors',
    pattern: /\b(?:KPI|metric|baseline|target|goal|competitor|market|price|pricing|revenue|segment|objective|key result)s?\b/i,
    kinds: ['row'],
    headerRow: true,
  },
];
