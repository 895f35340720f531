import picomatch from 'picomatch';
import type { Config, ProductKind } from './config.js';
import type { Kind, SectionAnalysis } from './types.js';

export type KindSource = 'config' | 'front-matter' | 'file-name' | 'content' | 'none';

/** Words in a file's base name that name its kind, matched on word boundaries. */
const FILE_NAME_WORDS: Record<ProductKind, string[]> = {
  prd: ['prd', 'prds', 'spec', 'specs', 'requirements', 'brief', 'one-pager', 'onepager', 'product-brief', 'feature-spec'],
  roadmap: ['roadmap', 'roadmaps'],
  backlog: ['backlog', 'backlogs', 'user-stories', 'stories'],
  vision: ['vision', 'strategy', 'positioning', 'product-vision'],
};

const TITLE_WORDS: Record<ProductKind, RegExp> = {
  prd: /\b(?:PRD|product requirements?|requirements document|product brief|feature spec(?:ification)?|one-pager)\b/i,
  roadmap: /\broadmap\b/i,
  backlog: /\b(?:backlog|user stories)\b/i,
  vision: /\b(?:vision|product strategy)\b/i,
};

const PRODUCT_KINDS: ProductKind[] = ['prd', 'roadmap', 'backlog', 'vision'];

function baseNameTokens(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(?:md|markdown|mdx)$/i, '');
  return `-${stem.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join('-')}-`;
}

export function kindFromFileName(fileName: string, documentKinds: Config['documentKinds'] = {}): ProductKind | undefined {
  const normalised = fileName.replace(/\\/g, '/');
  for (const kind of PRODUCT_KINDS) {
    const globs = documentKinds[kind] ?? [];
    if (globs.length && picomatch(globs, { dot: true, basename: !globs.some((glob) => glob.includes('/')) })(normalised)) return kind;
  }
  const tokens = baseNameTokens(normalised);
  return PRODUCT_KINDS.find((kind) => FILE_NAME_WORDS[kind].some((word) => tokens.includes(`-${word}-`)));
}

/**
 * Content threshold: a title (the first heading of depth 1 or 2) naming the
 * kind decides; otherwise at least MIN_LABELLED sections must carry an
 * altitude label: mostly tactical is a backlog, mostly strategic with
 * horizons a roadmap, mostly strategic a vision, both a PRD.
 */
export const MIN_LABELLED_SECTIONS = 3;

export function kindFromContent(sections: readonly SectionAnalysis[]): ProductKind | undefined {
  const title = sections.find((analysis) => analysis.section.depth >= 1 && analysis.section.depth <= 2)?.section.heading ?? '';
  const titled = PRODUCT_KINDS.find((kind) => TITLE_WORDS[kind].test(title));
  if (titled) return titled;
  const count = (label: string) => sections.filter((analysis) => analysis.classification.label === label).length;
  const strategic = count('strategic');
  const tactical = count('tactical');
  const mixed = count('mixed');
  if (strategic + tactical + mixed < MIN_LABELLED_SECTIONS) return undefined;
  if (tactical >= 2 * Math.max(1, strategic)) return 'backlog';
  if (strategic >= 2 * Math.max(1, tactical)) {
    const horizons = sections.filter((analysis) => analysis.classification.evidence.some((item) => item.cueId === 'horizon')).length;
    return horizons >= 2 ? 'roadmap' : 'vision';
  }
  return 'prd';
}

export interface KindDecision {
  kind: Kind;
  source: KindSource;
}

export function decideKind(
  config: Config,
  frontMatterKind: unknown,
  fileName: string | undefined,
  sections: readonly SectionAnalysis[],
): KindDecision {
  if (isProductKind(frontMatterKind)) return { kind: frontMatterKind, source: 'front-matter' };
  if (config.kind && config.kind !== 'auto') return { kind: config.kind, source: 'config' };
  const byName = fileName ? kindFromFileName(fileName, config.documentKinds) : undefined;
  if (byName) return { kind: byName, source: 'file-name' };
  const byContent = kindFromContent(sections);
  return byContent ? { kind: byContent, source: 'content' } : { kind: 'unknown', source: 'none' };
}

export function isProductKind(value: unknown): value is ProductKind {
  return typeof value === 'string' && (PRODUCT_KINDS as string[]).includes(value);
}
