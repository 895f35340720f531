// Words that make an acceptance criterion untestable, grouped by the classes
// of ambiguity ISO/IEC/IEEE 29148 warns about. Data only: criteria-testable
// matches them as literal, case-insensitive words; users add terms with the
// rule option `extraTerms` and drop built-in ones with `ignoreTerms`.

export type VagueClass = 'subjective' | 'comparative' | 'superlative' | 'open-ended' | 'loophole' | 'negative';

export interface VagueTerm {
  id: string;
  term: string;
  class: VagueClass;
  reason: string;
  /** A number with a unit in the same criterion makes it testable ("fast: under 2 s"). */
  quantifiable?: boolean;
}

export const VAGUE_CLASS_REASONS: Record<VagueClass, string> = {
  subjective: 'a matter of opinion, so two testers can disagree on pass or fail',
  comparative: 'compared with nothing stated, so there is no bar to pass',
  superlative: 'an unreachable or unmeasurable maximum',
  'open-ended': 'an open list or an undecided choice, so the scope is unknown',
  loophole: 'an escape clause that lets the criterion pass without the behaviour',
  negative: 'a universal negative that no finite test can show',
};

const group = (cls: VagueClass, terms: string[], quantifiable = false): VagueTerm[] =>
  terms.map((term) => ({
    id: `${cls}:${term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
    term,
    class: cls,
    reason: VAGUE_CLASS_REASONS[cls],
    ...(quantifiable ? { quantifiable } : {}),
  }));

export const VAGUE_TERMS: readonly VagueTerm[] = [
  ...group('subjective', [
    'user-friendly',
    'user friendly',
    'easy to use',
    'easy to understand',
    'easy',
    'easily',
    'intuitive',
    'intuitively',
    'nice',
    'appropriate',
    'appropriately',
    'seamless',
    'seamlessly',
    'attractive',
    'beautiful',
    'elegant',
    'helpful',
    'robust',
    'reliable',
    'reliably',
    'flexible',
    'properly',
    'adequate',
    'adequately',
    'sufficient',
    'sufficiently',
    'reasonable',
    'reasonably',
    'acceptable',
    'relevant',
    'gracefully',
    'scalable',
    'convenient',
    'straightforward',
    'lightweight',
    'significant',
    'significantly',
  ]),
  ...group('subjective', ['fast', 'quick', 'quickly', 'slow', 'responsive', 'efficient', 'efficiently', 'smooth', 'smoothly'], true),
  ...group('comparative', ['faster', 'quicker', 'slower'], true),
  ...group('comparative', ['better', 'easier', 'simpler', 'smoother', 'improved', 'enhanced', 'more efficient', 'more intuitive', 'more reliable', 'more secure', 'more responsive', 'more user-friendly']),
  ...group('superlative', ['best', 'fastest', 'easiest', 'simplest', 'optimal', 'optimally', 'optimised', 'optimized', 'state-of-the-art', 'best-in-class', 'world-class', 'minimal', 'ideal', 'perfect', 'perfectly']),
  ...group('open-ended', ['etc', 'and so on', 'and more', 'and/or', 'TBD', 'TBC', 'as needed', 'as required', 'if needed', 'if required', 'where applicable', 'as applicable', 'various', 'several', 'a number of', 'and the like', 'including but not limited to', 'or similar']),
  ...group('loophole', ['if possible', 'where possible', 'as far as possible', 'as much as possible', 'if feasible', 'where feasible', 'as soon as possible', 'ASAP', 'as appropriate', 'if appropriate', 'if necessary', 'where necessary', 'as necessary', 'should be able to', 'ideally']),
  ...group('negative', ['never', 'without errors', 'without any errors', 'no bugs', 'bug-free', 'error-free', 'no issues', 'without issues', 'not crash', 'never crash', 'never fail']),
];
