import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../core/rules/index.js';
import { docsUrl } from '../../core/rules/types.js';
import type { Severity } from '../../core/types.js';
import type { CliFileResult, CliMessage } from '../results.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/pmpo-lint/pmpo-lint';
const SRCROOT = '%SRCROOT%';

export interface SarifContext {
  cwd: string;
  version: string;
}

/** SARIF 2.1.0: one run; skipped files become tool execution notifications. */
export function formatSarif(results: readonly CliFileResult[], context: SarifContext): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const findings = results.flatMap((result) => result.messages.filter((message) => message.ruleId !== null).map((message) => toResult(result.filePath, message, context, ruleIndex)));
  const notifications = results.flatMap((result) => result.messages.filter((message) => message.ruleId === null).map((message) => toNotification(result.filePath, message, context)));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pmpo-lint',
            informationUri: INFORMATION_URI,
            version: context.version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: docsUrl(rule.id),
              defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(context.cwd) } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: findings,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(filePath: string, message: CliMessage, context: SarifContext, ruleIndex: Map<string, number>) {
  const ruleId = message.ruleId!;
  return {
    ruleId,
    ...(ruleIndex.has(ruleId) ? { ruleIndex: ruleIndex.get(ruleId) } : {}),
    level: sarifLevel(message.level),
    message: { text: message.message },
    locations: [{ physicalLocation: physicalLocation(filePath, context, message) }],
    ...(message.related?.length
      ? { relatedLocations: message.related.map((related, id) => ({ id, message: { text: related.message }, physicalLocation: physicalLocation(filePath, context, related) })) }
      : {}),
  };
}

function toNotification(filePath: string, message: CliMessage, context: SarifContext) {
  return { level: 'warning', message: { text: message.message }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(filePath, context) } }] };
}

interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

function physicalLocation(filePath: string, context: SarifContext, span: Span) {
  return {
    artifactLocation: artifactLocation(filePath, context),
    region: { startLine: span.line, startColumn: span.column, endLine: span.endLine ?? span.line, endColumn: span.endColumn ?? span.column },
  };
}

/** Files under the working folder are relative to %SRCROOT% (what code-scanning uploads expect); others get a file URI. */
function artifactLocation(filePath: string, context: SarifContext) {
  const rel = relative(context.cwd, filePath);
  if (!isAbsolute(filePath) || rel.startsWith('..') || isAbsolute(rel)) return { uri: isAbsolute(filePath) ? pathToFileURL(filePath).href : encodePath(filePath) };
  return { uri: encodePath(rel), uriBaseId: SRCROOT };
}

function encodePath(path: string): string {
  return path.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function sarifLevel(level: Severity): 'error' | 'warning' | 'note' {
  return level === 'info' ? 'note' : level;
}
