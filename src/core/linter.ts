import { ChunkCache } from './chunk-cache.js';
import { frontMatterEnd } from './chunks.js';
import { neutralUnlessEnglish } from './classify.js';
import { DEFAULT_MAX_FILE_SIZE_KB, mergeConfigs, resolveRules, type Config } from './config.js';
import { allCues, type Cue } from './cues/index.js';
import { applyDirectives, readDirectives } from './disable.js';
import { decideKind } from './doc-kind.js';
import { readFrontMatter } from './front-matter.js';
import { RULES, RULE_IDS } from './rules/index.js';
import { storyAsksOf, type StoryAsk } from './rules/story-unique.js';
import { docsUrl, type AnyRule, type Report } from './rules/types.js';
import { LineIndex } from './text.js';
import type { Finding, LintResult, SectionAnalysis, SectionReport, Severity } from './types.js';

export interface LintOptions {
  /** Path or name of the file, for kind detection by name and for messages. */
  fileName?: string;
  /** The merged configuration layers below front matter (defaults < settings < config file). */
  config?: Config;
}

export interface Linter {
  lint(text: string, options?: LintOptions): LintResult;
  /** Sections with their labels, without running rules. */
  classify(text: string, options?: LintOptions): SectionReport[];
  /**
   * The stories of a text this linter has linted, as cross-document checks
   * need them (from the cached analysis: no parsing when the text is unchanged).
   */
  storyAsks(text: string, options?: LintOptions): StoryAsk[];
  /** Number of chunk analyses currently cached. */
  readonly cacheSize: number;
}

/**
 * A stateful linter: analysis of each chunk (a top-level heading and its body)
 * is cached by its text, so re-linting after an edit parses only the chunks
 * the edit touched. Results equal a one-shot `lint` by construction: both go
 * through the same chunking.
 */
export function createLinter(defaults: LintOptions = {}): Linter {
  const cache = new ChunkCache();

  function analyse(text: string, cues: readonly Cue[], cueKey: string): SectionAnalysis[] {
    return neutralUnlessEnglish(cache.analyse(text, cues, cueKey), text);
  }

  // Parsing the YAML front matter on every keystroke is wasted work while it is unchanged.
  let lastFrontMatter: { source: string; value: ReturnType<typeof readFrontMatter> } | undefined;
  function frontMatterOf(text: string) {
    const end = frontMatterEnd(text);
    const source = end < 0 ? '' : text.slice(0, end);
    if (lastFrontMatter?.source !== source || end < 0) lastFrontMatter = { source, value: readFrontMatter(text) };
    return lastFrontMatter.value;
  }

  // Line starts of the previous text: a keystroke searches only the changed span for line breaks.
  let lastIndex: LineIndex | undefined;
  function indexOf(text: string): LineIndex {
    lastIndex = LineIndex.revise(lastIndex, text);
    return lastIndex;
  }

  function prepare(text: string, options: LintOptions) {
    const fileName = options.fileName ?? defaults.fileName;
    const frontMatter = frontMatterOf(text);
    const config = mergeConfigs(defaults.config, options.config, frontMatter?.pmpo);
    const cues = allCues(config.cues);
    const cueKey = JSON.stringify(config.cues ?? {});
    return { fileName, frontMatter, config, cues, cueKey };
  }

  return {
    get cacheSize() {
      return cache.size;
    },
    classify(text, options = {}) {
      const { cues, cueKey } = prepare(text, options);
      return analyse(text, cues, cueKey).map(toSectionReport);
    },
    storyAsks(text, options = {}) {
      const { cues, cueKey } = prepare(text, options);
      return storyAsksOf(analyse(text, cues, cueKey), indexOf(text));
    },
    lint(text, options = {}) {
      const { fileName, frontMatter, config, cues, cueKey } = prepare(text, options);
      const skipped = skipReason(text, config);
      if (skipped) return { kind: 'unknown', kindSource: 'none', findings: [], sections: [], skipped };
      const sections = analyse(text, cues, cueKey);
      const { kind, source } = decideKind(config, frontMatter?.pmpo?.kind, fileName, sections);
      const index = indexOf(text);
      const findings = runRules({ text, index, fileName, kind, sections, cues, config });
      return { kind, kindSource: source, findings, sections: sections.map(toSectionReport) };
    },
  };
}

function skipReason(text: string, config: Config): string | undefined {
  const limitKB = config.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  if (text.length > limitKB * 1024) {
    return `Skipped: the file is ${Math.round(text.length / 1024)} KB, over the ${limitKB} KB limit; raise maxFileSizeKB to lint it.`;
  }
  if (text.includes('\u0000')) return 'Skipped: the file looks binary (it contains NUL characters).';
  return undefined;
}

/**
 * Reports per analysis object: the chunk cache hands out the same analyses for
 * the chunks an edit did not move, so their reports are built once. Results
 * share them (and, as before, their blocks and evidence with the cache): they
 * are read-only.
 */
const SECTION_REPORTS = new WeakMap<SectionAnalysis, SectionReport>();

function toSectionReport(analysis: SectionAnalysis): SectionReport {
  let report = SECTION_REPORTS.get(analysis);
  if (!report) {
    const { label, strategic, tactical, evidence, reason } = analysis.classification;
    report = { ...analysis.section, label, strategic, tactical, evidence, reason };
    SECTION_REPORTS.set(analysis, report);
  }
  return report;
}

interface RunInput {
  text: string;
  index: LineIndex;
  fileName?: string;
  kind: LintResult['kind'];
  sections: SectionAnalysis[];
  cues: readonly Cue[];
  config: Config;
}

function runRules(input: RunInput): Finding[] {
  const rules = resolveRules(input.config);
  const findings: Finding[] = [];
  const run = (rule: AnyRule, extra: Partial<Parameters<AnyRule['check']>[0]> = {}) => {
    const setting = rules.get(rule.id)!;
    if (setting.severity === 'off') return;
    const severity = setting.severity as Severity;
    rule.check({
      ...input,
      options: setting.options,
      ...extra,
      report: (report: Report) => findings.push(toFinding(rule.id, severity, report)),
    });
  };
  const codeBlocks = input.sections.flatMap((analysis) => analysis.section.blocks.filter((block) => block.type === 'code'));
  const directives = readDirectives(input.index, codeBlocks);
  for (const rule of RULES) if (rule.id !== 'unused-disable') run(rule, { directives });
  const kept = applyDirectives(findings.splice(0), directives, input.index);
  findings.push(...kept);
  const unused = RULES.find((rule) => rule.id === 'unused-disable')!;
  run(unused, { directives, knownRuleIds: RULE_IDS });
  return findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
}

function toFinding(ruleId: string, severity: Severity, report: Report): Finding {
  return {
    ruleId,
    severity,
    message: report.message,
    range: report.range,
    url: docsUrl(ruleId),
    evidence: report.evidence ?? [],
    related: report.related ?? [],
    ...(report.fix ? { fix: report.fix } : {}),
    ...(report.suggestions?.length ? { suggestions: report.suggestions } : {}),
  };
}
