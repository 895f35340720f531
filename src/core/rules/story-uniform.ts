import { storiesOf, storyExcerpt, type Story } from '../stories.js';
import type { Rule } from './types.js';

interface StoryUniformOptions extends Record<string, unknown> {
  minStories: number;
}

type Feature = 'opening' | 'verb' | 'connector';

const MAJORITY = 0.6;

const OPENING_NAMES: Record<string, string> = {
  'as-a': '"As a <role>, I ..."',
  'in-order-to': '"In order to <benefit>, as a <role>, I ..."',
  job: 'a job story ("When <situation>, I want ...")',
};
const VERB_NAMES: Record<string, string> = { want: '"I want"', need: '"I need"', can: '"I can"' };
const CONNECTOR_NAMES: Record<string, string> = { 'so-that': '"so that"', 'in-order-to': '"in order to"' };

/** A story table is the Connextra card in columns; role-less stories are story-format's finding, not a template. */
function featureValue(story: Story, feature: Feature): string | null {
  const { parsed } = story;
  if (feature === 'opening') {
    if (parsed.opening === 'role-less') return null;
    return parsed.opening === 'table' ? 'as-a' : parsed.opening;
  }
  if (feature === 'verb') return parsed.wantVerb;
  return parsed.opening === 'in-order-to' ? null : parsed.connector;
}

function describe(feature: Feature, value: string): string {
  if (feature === 'opening') return OPENING_NAMES[value] ?? value;
  if (feature === 'verb') return VERB_NAMES[value] ?? value;
  return CONNECTOR_NAMES[value] ?? value;
}

/** The value most stories use, when one value clearly leads (no tie). */
function dominant(stories: readonly Story[], feature: Feature): { value: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const story of stories) {
    const value = featureValue(story, feature);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((sum, [, count]) => sum + count, 0);
  // A template is the document's only when most stories use it; a 50/50 split has none.
  if (ranked.length < 2 || ranked[0][1] < total * MAJORITY) return undefined;
  return { value: ranked[0][0], count: ranked[0][1] };
}

/** The stories of one document follow one template. */
export const storyUniform: Rule<StoryUniformOptions> = {
  id: 'story-uniform',
  description: 'The user stories of one document follow one template (opening, "I want"/"I need"/"I can", "so that"/"in order to").',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: { minStories: 3 },
  optionDocs: { minStories: 'Judge uniformity only in documents with at least this many stories.' },
  check(context) {
    const stories = storiesOf(context.sections, context.index);
    if (stories.length < Math.max(2, context.options.minStories)) return;
    const features: Feature[] = ['opening', 'verb', 'connector'];
    const leaders = new Map(features.map((feature) => [feature, dominant(stories, feature)]));
    for (const story of stories) {
      for (const feature of features) {
        const leader = leaders.get(feature);
        const value = featureValue(story, feature);
        if (!leader || value === null || value === leader.value) continue;
        context.report({
          message:
            `The story "${storyExcerpt(story, 50)}" uses ${describe(feature, value)} where ${leader.count} of ${stories.length} stories in this document use ` +
            `${describe(feature, leader.value)}: one template makes a backlog quicker to scan and compare.`,
          range: context.index.range(story.startOffset, story.endOffset),
        });
        break;
      }
    }
  },
};
