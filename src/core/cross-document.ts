import { mergeConfigs, resolveRules, type Config } from './config.js';
import { applyDirectives, readDirectives } from './disable.js';
import { readFrontMatter } from './front-matter.js';
import { crossDocumentStoryFindings, STORY_UNIQUE_ID, type StoryAsk } from './rules/story-unique.js';
import { LineIndex } from './text.js';
import type { Finding, LintResult } from './types.js';

export interface LintedDocument {
  /** A name unique among the documents (a path); findings come back keyed by it. */
  fileName: string;
  text: string;
  result: LintResult;
  /** The configuration layers below front matter the document was linted with. */
  config?: Config;
  /** Its stories from the linter that linted it (`Linter.storyAsks`), so they are not parsed again. */
  asks?: readonly StoryAsk[];
}

/**
 * Findings that need every document at once (today: the same story in two
 * documents), with each document's own severity and disable comments
 * applied, as its per-document findings are. The CLI and workspace analysis
 * both call this, so they agree.
 */
export function crossDocumentFindings(documents: readonly LintedDocument[]): Map<string, Finding[]> {
  const files = documents.map((document) => ({
    fileName: document.fileName,
    text: document.text,
    result: document.result,
    asks: document.asks,
    severity: resolveRules(mergeConfigs(document.config, readFrontMatter(document.text)?.pmpo)).get(STORY_UNIQUE_ID)!.severity,
  }));
  const found = crossDocumentStoryFindings(files);
  for (const document of documents) {
    const findings = found.get(document.fileName);
    if (!findings) continue;
    const index = new LineIndex(document.text);
    const kept = applyDirectives(findings, readDirectives(index, document.result.sections), index);
    if (kept.length) found.set(document.fileName, kept);
    else found.delete(document.fileName);
  }
  return found;
}
