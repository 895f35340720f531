import { criteriaGherkin } from './criteria-gherkin.js';
import { criteriaTestable } from './criteria-testable.js';
import { docKindFit } from './doc-kind-fit.js';
import { frontMatterConfig } from './front-matter-config.js';
import { mixedSection } from './mixed-section.js';
import { storyAtomic } from './story-atomic.js';
import { storyFormat } from './story-format.js';
import { storyMinimal } from './story-minimal.js';
import { storyNeedsCriteria } from './story-needs-criteria.js';
import { storyUniform } from './story-uniform.js';
import { storyUnique } from './story-unique.js';
import type { AnyRule } from './types.js';
import { unusedDisable } from './unused-disable.js';
import { visionComplete } from './vision-complete.js';

/** Every built-in rule, in the order their findings are listed. unused-disable stays last. */
export const RULES: readonly AnyRule[] = [
  mixedSection as AnyRule,
  docKindFit as AnyRule,
  storyFormat as AnyRule,
  storyAtomic,
  storyMinimal,
  storyUnique,
  storyUniform as AnyRule,
  storyNeedsCriteria as AnyRule,
  criteriaGherkin as AnyRule,
  criteriaTestable as AnyRule,
  visionComplete as AnyRule,
  frontMatterConfig,
  unusedDisable,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));
