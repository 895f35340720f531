import { docKindFit } from './doc-kind-fit.js';
import { mixedSection } from './mixed-section.js';
import type { AnyRule } from './types.js';
import { unusedDisable } from './unused-disable.js';

/** Every built-in rule, in the order their findings are listed. unused-disable stays last. */
export const RULES: readonly AnyRule[] = [mixedSection as AnyRule, docKindFit as AnyRule, unusedDisable];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));
