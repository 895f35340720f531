// The workspace report as one HTML string. Every piece of document text goes
// through escapeHtml; the page runs only its own nonce'd script, loads nothing
// remote, and talks back with {type: 'open', doc, line} messages that carry
// indexes, never paths.
import type { Finding, Kind, Label, SectionReport } from '../core/types.js';

export interface ReportDocument {
  /** Path shown to the user (workspace-relative). */
  name: string;
  kind: Kind;
  sections: readonly SectionReport[];
  findings: readonly Finding[];
  skipped?: string;
}

export interface ReportInput {
  documents: readonly ReportDocument[];
  nonce: string;
  /** webview.cspSource */
  cspSource: string;
  title: string;
  /** Shown when the run was cancelled or capped. */
  note?: string;
}

const LABELS: readonly Label[] = ['strategic', 'tactical', 'mixed', 'neutral'];

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  return [`default-src 'none'`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource}`].join('; ');
}

/** A random nonce for the CSP (Web Crypto exists in Node 20 and in browsers). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function openLink(doc: number, line: number, text: string, className = ''): string {
  return `<a href="#" class="open ${className}" data-doc="${doc}" data-line="${line}">${escapeHtml(text)}</a>`;
}

function summaryTable(documents: readonly ReportDocument[]): string {
  const kinds = [...new Set(documents.map((document) => document.kind))].sort();
  const rows = kinds.map((kind) => {
    const ofKind = documents.filter((document) => document.kind === kind);
    const sections = ofKind.flatMap((document) => document.sections);
    const labels = countBy(sections, (section) => section.label);
    const findings = ofKind.reduce((sum, document) => sum + document.findings.length, 0);
    const cells = LABELS.map((label) => `<td>${labels.get(label) ?? 0}</td>`).join('');
    return `<tr><th scope="row">${escapeHtml(kind)}</th><td>${ofKind.length}</td>${cells}<td>${findings}</td></tr>`;
  });
  const head = LABELS.map((label) => `<th scope="col">${label} sections</th>`).join('');
  return `<table class="summary"><thead><tr><th scope="col">kind</th><th scope="col">documents</th>${head}<th scope="col">findings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Bar widths follow section length; CSS classes, because the CSP forbids style attributes. */
const MAX_GROW = 200;
function growClass(lines: number): string {
  return `g${Math.min(MAX_GROW, Math.max(1, Math.round(lines)))}`;
}

function growStyles(documents: readonly ReportDocument[]): string {
  const used = new Set(documents.flatMap((document) => document.sections.map((section) => growClass(section.endLine - (section.headingLine ?? section.startLine) + 1))));
  return [...used].map((name) => `.${name} { flex-grow: ${name.slice(1)}; }`).join('\n');
}

function altitudeMap(doc: number, sections: readonly SectionReport[]): string {
  const bars = sections.map((section) => {
    const lines = Math.max(1, section.endLine - (section.headingLine ?? section.startLine) + 1);
    const line = section.headingLine ?? section.startLine;
    const title = `${section.heading}: ${section.label} (${section.reason})`;
    return `<a href="#" class="bar open ${section.label} ${growClass(lines)}" data-doc="${doc}" data-line="${line}" title="${escapeHtml(title)}" aria-label="${escapeHtml(title)}"></a>`;
  });
  return `<div class="map" role="list" aria-label="altitude map">${bars.join('')}</div>`;
}

function findingList(doc: number, findings: readonly Finding[]): string {
  if (findings.length === 0) return '<p class="clean">No findings.</p>';
  const items = findings.map((finding) => {
    const line = finding.range.start.line;
    return `<li><span class="severity ${escapeHtml(finding.severity)}">${escapeHtml(finding.severity)}</span> ${openLink(doc, line, `line ${line}`)} ${escapeHtml(finding.message)} <code>${escapeHtml(finding.ruleId)}</code></li>`;
  });
  return `<ul class="findings">${items.join('')}</ul>`;
}

function documentSection(document: ReportDocument, doc: number): string {
  const labels = countBy(document.sections, (section) => section.label);
  const labelCounts = LABELS.map((label) => `<span class="chip ${label}">${label}: ${labels.get(label) ?? 0}</span>`).join(' ');
  const rules = [...countBy(document.findings, (finding) => finding.ruleId)].map(([rule, count]) => `${escapeHtml(rule)}: ${count}`).join(', ');
  const body = document.skipped
    ? `<p class="skipped">${escapeHtml(document.skipped)}</p>`
    : `${altitudeMap(doc, document.sections)}<p>${labelCounts}</p><p>${document.findings.length} finding(s)${rules ? ` (${rules})` : ''}</p>${findingList(doc, document.findings)}`;
  return `<section class="document"><h2>${openLink(doc, 1, document.name)} <span class="kind">${escapeHtml(document.kind)}</span></h2>${body}</section>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em 2em; }
table { border-collapse: collapse; } th, td { padding: 2px 8px; text-align: right; } th[scope=row] { text-align: left; }
.map { display: flex; height: 18px; margin: 6px 0; gap: 1px; }
.bar { display: block; min-width: 4px; }
.strategic { background: #3b7dd8; } .tactical { background: #d98b2b; } .mixed { background: #c8473f; } .neutral { background: #8a8a8a; }
.chip { color: #fff; padding: 0 6px; border-radius: 8px; }
.kind { font-size: 0.8em; opacity: 0.8; }
.severity.error { color: var(--vscode-errorForeground); } .severity.warning { color: var(--vscode-editorWarning-foreground); }
a { color: var(--vscode-textLink-foreground); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target.closest('a.open');
  if (!target) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', doc: Number(target.dataset.doc), line: Number(target.dataset.line) });
});
`;

export function buildReportHtml(input: ReportInput): string {
  const { nonce, cspSource } = input;
  const documents = input.documents.map(documentSection).join('');
  const legend = LABELS.map((label) => `<span class="chip ${label}">${label}</span>`).join(' ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(nonce, cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(input.title)}</title>
<style nonce="${escapeHtml(nonce)}">${STYLE}${growStyles(input.documents)}</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
${input.note ? `<p class="note">${escapeHtml(input.note)}</p>` : ''}
<p>${input.documents.length} product document(s). Altitude map: ${legend}</p>
${summaryTable(input.documents)}
${documents}
<script nonce="${escapeHtml(nonce)}">${SCRIPT}</script>
</body>
</html>`;
}

/** Validates a message from the webview: indexes into the report, nothing else. */
export function parseOpenMessage(message: unknown, documentCount: number): { doc: number; line: number } | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const { type, doc, line } = message as Record<string, unknown>;
  if (type !== 'open' || !Number.isInteger(doc) || !Number.isInteger(line)) return undefined;
  if ((doc as number) < 0 || (doc as number) >= documentCount || (line as number) < 1) return undefined;
  return { doc: doc as number, line: line as number };
}
