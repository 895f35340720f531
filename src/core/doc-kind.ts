import picomatch from 'picomatch';
import type { Config, ProductKind } from './config.js';
import { SectionMemo } from './section-memo.js';
import type { Kind, SectionAnalysis } from './types.js';

export type KindSource = 'config' | 'front-matter' | 'file-name' | 'content' | 'none';

/** Words in a file's base name that name its kind, matched on word boundaries. */
const FILE_NAME_WORDS: Record<ProductKind, string[]> = {
  prd: ['prd', 'prds', 'spec', 'specs', 'requirements', 'brief', 'one-pager', 'onepager', 'product-brief', 'feature-spec'],
  roadmap: ['roadmap', 'roadmaps'],
  backlog: ['backlog', 'backlogs', 'user-stories', 'stories'],
  vision: ['vision', 'strategy', 'positioning', 'product-vision'],
};

/** Words in a document's title that name its kind; prd is tried first, so "MVP vision" is a PRD. */
const TITLE_WORDS: Record<ProductKind, RegExp> = {
  prd: /\b(?:PRD|product[\s_-]requirements?|requirements[\s_-]document|product[\s_-]brief|feature[\s_-]spec(?:ification)?|spec(?:ification)?|one[\s_-]pager|request for comments|RFC|MVP)\b/i,
  roadmap: /\b(?:roadmap|release[\s_-](?:plan(?:ning)?|goals))\b|^\W{0,4}(?:20\d\d|Q[1-4]|H[12])\b/i,
  backlog: /\b(?:backlog|user stories)\b/i,
  vision: /\b(?:vision|product strategy|positioning)\b/i,
};

const PRODUCT_KINDS: ProductKind[] = ['prd', 'roadmap', 'backlog', 'vision'];

/**
 * The community files a repository keeps about itself (GitHub's names, with
 * an optional language suffix: README.de.md): whatever their content reads
 * like, they are not product documents (a README's feature list and a
 * changelog's entries would read as a PRD). Names a product team might give
 * a plan ("releases", "history") are not in the list.
 */
const REPOSITORY_FILE = /^(?:readme|changelog|contributing|code-of-conduct|security|support|license|licence|authors|contributors|maintainers|governance)(?:-[a-z]{2}(?:-[a-z]{2})?)?$/;

function baseNameTokens(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(?:md|markdown|mdx)$/i, '');
  return `-${stem.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join('-')}-`;
}

export function isRepositoryFile(fileName: string): boolean {
  return REPOSITORY_FILE.test(baseNameTokens(fileName).slice(1, -1));
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
 * kind decides. Otherwise the statements decide, once at least
 * MIN_SIDED_STATEMENTS of them count for a side: SINGLE_SIDE_SHARE or more
 * tactical is a backlog; as much strategic is a roadmap when two or more
 * sections speak of horizons (quarters, themes, milestones), else a vision;
 * anything in between holds both altitudes, which is a PRD.
 */
export const MIN_SIDED_STATEMENTS = 6;
export const SINGLE_SIDE_SHARE = 0.75;

export function kindFromContent(sections: readonly SectionAnalysis[]): ProductKind | undefined {
  const title = sections.find((analysis) => analysis.section.depth >= 1 && analysis.section.depth <= 2)?.section.heading ?? '';
  const titled = PRODUCT_KINDS.find((kind) => TITLE_WORDS[kind].test(title));
  if (titled) return titled;
  let sided = 0;
  let tactical = 0;
  for (const analysis of sections) {
    const facts = sideFacts(analysis);
    sided += facts.sided;
    tactical += facts.tactical;
  }
  if (sided < MIN_SIDED_STATEMENTS) return undefined;
  const tacticalShare = tactical / sided;
  if (tacticalShare >= SINGLE_SIDE_SHARE) return 'backlog';
  if (1 - tacticalShare >= SINGLE_SIDE_SHARE) {
    const horizons = sections.filter((analysis) => sideFacts(analysis).horizons).length;
    return horizons >= 2 ? 'roadmap' : 'vision';
  }
  return 'prd';
}

interface SideFacts {
  sided: number;
  tactical: number;
  horizons: boolean;
}

const SIDE_FACTS = new SectionMemo<SideFacts>();

/** What kind detection reads from one section; position-free, so remembered per section origin. */
function sideFacts(analysis: SectionAnalysis): SideFacts {
  const compute = (): SideFacts => {
    let sided = 0;
    let tactical = 0;
    for (const judgement of analysis.statements) {
      if (judgement.side) sided++;
      if (judgement.side === 'tactical') tactical++;
    }
    return { sided, tactical, horizons: speaksOfHorizons(analysis) };
  };
  return SIDE_FACTS.get(analysis, '', compute, (facts) => facts);
}

/** A section whose heading is a horizon ("Q3", "Next") or whose statements name quarters, themes or milestones. */
function speaksOfHorizons(analysis: SectionAnalysis): boolean {
  if (analysis.classification.evidence.some((item) => item.cueId === 'heading:horizon')) return true;
  return analysis.statements.some((judgement) => judgement.evidence.some((item) => item.cueId === 'horizon'));
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
  if (fileName && isRepositoryFile(fileName)) return { kind: 'unknown', source: 'file-name' };
  const byContent = kindFromContent(sections);
  return byContent ? { kind: byContent, source: 'content' } : { kind: 'unknown', source: 'none' };
}

export function isProductKind(value: unknown): value is ProductKind {
  return typeof value === 'string' && (PRODUCT_KINDS as string[]).includes(value);
}
