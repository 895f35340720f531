import type { Kind, SectionReport } from '../../core/types.js';
import type { FileReport } from '../lint-files.js';

export interface SectionsJson {
  filePath: string;
  kind: Kind;
  skipped?: string;
  sections: {
    heading: string;
    depth: number;
    headingLine: number | null;
    startLine: number;
    endLine: number;
    label: SectionReport['label'];
    strategic: number;
    tactical: number;
    evidence: { side: string; cueId: string; line: number; text: string }[];
  }[];
}

export function toSectionsJson(reports: readonly FileReport[]): SectionsJson[] {
  return reports.map(({ filePath, result }) => ({
    filePath,
    kind: result.kind,
    ...(result.skipped ? { skipped: result.skipped } : {}),
    sections: result.sections.map((section) => ({
      heading: section.heading,
      depth: section.depth,
      headingLine: section.headingLine,
      startLine: section.startLine,
      endLine: section.endLine,
      label: section.label,
      strategic: round(section.strategic),
      tactical: round(section.tactical),
      evidence: section.evidence.map(({ side, cueId, line, text }) => ({ side, cueId, line, text })),
    })),
  }));
}

export function formatSectionsJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toSectionsJson(reports), null, 2)}\n`;
}

/**
 * A readable table per file: where each section is, its label and both scores.
 * `line` is the heading's line ('-' for the preamble), `body` the JSON's
 * startLine-endLine ('-' when the next heading follows at once).
 */
export function formatSectionsTable(reports: readonly FileReport[]): string {
  return toSectionsJson(reports)
    .map((file) => {
      const title = `${file.filePath} (${file.kind})`;
      if (file.skipped) return `${title}\n  ${file.skipped}\n`;
      const rows = file.sections.map((section) => [
        section.headingLine === null ? '-' : String(section.headingLine),
        bodyLines(section),
        String(section.depth),
        section.label,
        section.strategic.toFixed(2),
        section.tactical.toFixed(2),
        `${'  '.repeat(Math.max(0, section.depth - 1))}${section.heading}`,
      ]);
      return `${title}\n${table([['line', 'body', 'depth', 'label', 'strategic', 'tactical', 'heading'], ...rows])}`;
    })
    .join('\n');
}

function bodyLines(section: SectionsJson['sections'][number]): string {
  return section.startLine > section.endLine ? '-' : `${section.startLine}-${section.endLine}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')}\n`).join('');
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
