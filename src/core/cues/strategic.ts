import type { Cue } from './types.js';

const cue = (id: string, weight: number, reason: string, pattern: RegExp): Cue => ({ id, side: 'strategic', weight, reason, pattern });

/** The product manager's vocabulary: market, business case, goals, positioning, horizons. */
export const STRATEGIC_CUES: readonly Cue[] = [
  cue('vision', 2, 'vision, mission or long-term direction', /\b(?:vision|mission|north[- ]star|long[- ]term)\b/i),
  cue('market', 2, 'market or segment framing', /\b(?:market(?:s|place)?|segments?|TAM|SAM|SOM|mid-market|enterprise customers|SMBs?)\b/i),
  cue('revenue', 2, 'revenue, pricing or business case', /\b(?:revenue|ARR|MRR|pricing|moneti[sz]\w*|business case|ROI|profit\w*|margins?|upsell)\b/i),
  cue('competition', 2, 'competitors and positioning', /\b(?:competitors?|competitive|competition|differentiat\w+|positioning|unlike \w+)\b/i),
  cue('kpi', 2, 'product goals, KPIs and success metrics', /\b(?:KPIs?|OKRs?|key results?|success metrics?|north star metric|NPS|retention|churn|conversion rate|adoption|engagement)\b/i),
  cue('growth', 1, 'growth and business outcomes', /\b(?:growth|grow|customers?|acquisition|outcomes?|opportunit(?:y|ies)|strateg\w+|business)\b/i),
  cue('horizon', 2, 'roadmap horizons and themes', /\b(?:Q[1-4](?: ?20\d\d)?|H[12] ?20\d\d|quarters?|next year|this year|now\s*\/\s*next\s*\/\s*later|themes?|initiatives?|bets?)\b/i),
  cue('go-to-market', 2, 'go-to-market and launch', /\b(?:go[- ]to[- ]market|GTM|launch(?:es|ing)?|messaging|partnerships?|stakeholders?)\b/i),
  cue('money', 2, 'money figures', /[$€£]\s?\d[\d.,]*\s?(?:[kKmMbB]|million|billion)?\b/),
];
