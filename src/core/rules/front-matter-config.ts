import { readFrontMatter, type FrontMatterProblem } from '../front-matter.js';
import type { Rule, RuleContext } from './types.js';

/**
 * `pmpo:` settings in front matter that were not applied: the YAML does not
 * parse, `pmpo` is not a mapping, or a setting fails validation (and was
 * dropped). Without this rule a typo there silently changes nothing.
 */
export const frontMatterConfig: Rule = {
  id: 'front-matter-config',
  description: 'A pmpo setting in the front matter is invalid and was ignored, or the front matter is not valid YAML.',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: {},
  check(context) {
    for (const problem of readFrontMatter(context.text)?.problems ?? []) {
      context.report({ message: messageOf(problem), range: rangeOf(context, problem) });
    }
  },
};

function messageOf(problem: FrontMatterProblem): string {
  if (!problem.key) return `The front matter is not valid YAML (${problem.message.replace(/^front matter is not valid YAML: /, '')}), so none of its pmpo settings apply.`;
  return `${keyAndReason(problem.key, problem.message)}; this setting is ignored.`;
}

/** Config messages such as `"cues.tactical" must be ...` and `rule "x": ...` already name the key: name it once. */
function keyAndReason(key: string, message: string): string {
  const inner = key.replace(/^pmpo\./, '');
  const rule = /^rules\.(.+)$/.exec(inner)?.[1];
  if (message.startsWith(`"${inner}" `)) return `${key} ${message.slice(inner.length + 3)}`;
  if (rule !== undefined && message.startsWith(`rule "${rule}": `)) return `${key}: ${message.slice(rule.length + 9)}`;
  return `${key}: ${message}`;
}

/** The key itself; for a YAML error, the rest of the line the parser stopped at. */
function rangeOf(context: RuleContext, problem: FrontMatterProblem) {
  if (problem.end > problem.start) return context.index.range(problem.start, problem.end);
  const lineEnd = context.text.indexOf('\n', problem.start);
  const end = lineEnd === -1 ? context.text.length : lineEnd;
  return context.index.range(problem.start, context.text.slice(problem.start, end).endsWith('\r') ? end - 1 : end);
}
