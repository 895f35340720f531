import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { version } from '../../package.json';
import { parseCliArgs, type CliOptions } from './args.js';
import { ConfigResolver } from './config.js';
import { checkAcrossDocuments } from './cross-document.js';
import { errorReport, systemReason, UsageError } from './errors.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatSectionsJson, formatSectionsTable } from './formatters/sections.js';
import { formatStylish } from './formatters/stylish.js';
import { HELP } from './help.js';
import { lintBytes, lintFiles, type FileReport, type LintTask } from './lint-files.js';
import { toCliResults, verdictFor, type CliFileResult } from './results.js';
import { findFiles } from './walk.js';

export interface Output {
  write(text: string | Uint8Array): unknown;
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  cwd: string;
  /** Standard input, read only with --stdin. */
  stdin?: AsyncIterable<Uint8Array | string> | string;
  /** Colour stylish output (main sets it for terminals). */
  color?: boolean;
}

export const STDIN_NAME = '<stdin>';

/** The whole command line as a function: returns the exit code, never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await runCommand(parseCliArgs(argv), io);
  } catch (error) {
    io.stderr.write(errorReport(error));
    return 2;
  }
}

async function runCommand(options: CliOptions, io: CliIO): Promise<number> {
  if (options.help) return write(io.stdout, HELP);
  if (options.version) return write(io.stdout, `${version}\n`);
  const resolver = new ConfigResolver(io.cwd, options.config);
  if (options.printConfig !== undefined) {
    return write(io.stdout, `${JSON.stringify(resolver.printable(resolve(io.cwd, options.printConfig)), null, 2)}\n`);
  }
  const reports = options.stdin ? [await lintStdin(options, io, resolver)] : await lintTargets(options, io, resolver);
  if (options.command === 'sections') {
    report(options, io, options.format === 'json' ? formatSectionsJson(reports) : formatSectionsTable(reports), io.stdout);
    return 0;
  }
  const results = toCliResults(reports, { quiet: options.quiet });
  // With --fix --stdin, stdout carries the fixed text, so the report goes to stderr.
  const reportStream = options.stdin && options.fix ? io.stderr : io.stdout;
  report(options, io, format(options, io, results), reportStream);
  if (options.fix && !options.quiet) io.stderr.write(fixSummary(reports));
  const verdict = verdictFor(options.quiet ? toCliResults(reports, { quiet: false }) : results, options.maxWarnings);
  if (verdict.tooManyWarnings) io.stderr.write(`pmpo-lint found too many warnings (maximum: ${verdict.tooManyWarnings.maximum}).\n`);
  return verdict.code;
}

async function lintTargets(options: CliOptions, io: CliIO, resolver: ConfigResolver): Promise<FileReport[]> {
  const found = await findFiles(options.targets, { cwd: io.cwd, resolver });
  const tasks: LintTask[] = found.map(({ filePath, explicit }) => ({ filePath, explicit, ...resolver.forFile(filePath) }));
  const reports = await checkAcrossDocuments(await lintFiles(tasks, { fix: options.fix, productOnly: !options.all }), tasks, io.cwd);
  const listed = reports.filter((fileReport) => fileReport.listed);
  if (listed.length === 0) {
    io.stderr.write(`pmpo-lint: ${reports.length} Markdown file(s) found, none is a product document (set a kind, or use --all)\n`);
  }
  return listed;
}

async function lintStdin(options: CliOptions, io: CliIO, resolver: ConfigResolver): Promise<FileReport> {
  const bytes = await readAll(io.stdin ?? '');
  const path = resolve(io.cwd, options.stdinFilename ?? STDIN_NAME);
  const task: LintTask = { filePath: options.stdinFilename ? path : STDIN_NAME, explicit: true, ...resolver.forFile(path) };
  if (!options.stdinFilename) task.fileName = STDIN_NAME;
  const fileReport = lintBytes(bytes, task, { fix: options.fix, productOnly: false });
  // Unfixed input goes back as the very bytes that came in (BOM, encoding and all).
  if (options.fix) io.stdout.write(fileReport.fixedText ?? bytes);
  return fileReport;
}

async function readAll(input: AsyncIterable<Uint8Array | string> | string): Promise<Uint8Array> {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  const chunks: Uint8Array[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(chunks);
}

function format(options: CliOptions, io: CliIO, results: CliFileResult[]): string {
  if (options.format === 'json') return formatJson(results);
  if (options.format === 'sarif') return formatSarif(results, { cwd: io.cwd, version });
  return formatStylish(results, io.color === true && options.outputFile === undefined);
}

/** Writes the report to --output-file, or to the given stream. */
function report(options: CliOptions, io: CliIO, text: string, stream: Output): void {
  if (options.outputFile === undefined) {
    if (text) stream.write(text);
    return;
  }
  const path = resolve(io.cwd, options.outputFile);
  try {
    makeFolders(dirname(path));
    writeFileSync(path, text, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : systemReason(error);
    throw new UsageError(`cannot write the report to ${options.outputFile}: ${reason}`);
  }
}

/**
 * mkdir -p, one folder at a time: node's recursive mkdir spins forever where
 * the parent exists but refuses the child with ENOENT (below /proc).
 */
function makeFolders(folder: string): void {
  if (existsSync(folder)) return;
  const parent = dirname(folder);
  if (parent !== folder) makeFolders(parent);
  mkdirSync(folder);
}

/** "Fixed 3 problems in 2 files." on stderr (stdout may carry JSON, SARIF or the fixed text); nothing when nothing was fixed. */
function fixSummary(reports: readonly FileReport[]): string {
  const fixed = reports.filter((fileReport) => fileReport.fixCount);
  const problems = fixed.reduce((sum, fileReport) => sum + fileReport.fixCount!, 0);
  if (problems === 0) return '';
  return `Fixed ${plural(problems, 'problem')} in ${plural(fixed.length, 'file')}.\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function write(stream: Output, text: string): 0 {
  stream.write(text);
  return 0;
}
