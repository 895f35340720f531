import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
/** What the sections command prints: stylish is its table. */
const SECTIONS_FORMATS: readonly Format[] = ['stylish', 'json'];

export interface CliOptions {
  command: 'lint' | 'sections';
  targets: string[];
  format: Format;
  fix: boolean;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  all: boolean;
  stdin: boolean;
  stdinFilename?: string;
  outputFile?: string;
  printConfig?: string;
  help: boolean;
  version: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  all: { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  'print-config': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Parses the command line; throws UsageError with a one-line reason. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values, positionals } = parseStrict(argv);
  const [first, ...rest] = positionals;
  const command = first === 'sections' ? 'sections' : 'lint';
  const options: CliOptions = {
    command,
    targets: command === 'sections' ? rest : positionals,
    format: parseFormat(values.format),
    fix: values.fix ?? false,
    config: values.config,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    quiet: values.quiet ?? false,
    all: values.all ?? false,
    stdin: values.stdin ?? false,
    stdinFilename: values['stdin-filename'],
    outputFile: values['output-file'],
    printConfig: values['print-config'],
    help: values.help ?? false,
    version: values.version ?? false,
  };
  checkCombinations(options);
  return options;
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({ args: joinNegativeNumbers(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages mention internals (and may run on); keep the first sentence and point to --help.
    const message = (error as Error).message.split('\n')[0];
    const internals = message.indexOf('. To specify a positional argument');
    const reason = (internals === -1 ? message : message.slice(0, internals)).replace(/\.$/, '');
    throw new UsageError(`${reason}. Run pmpo-lint --help for the options.`);
  }
}

/** `--max-warnings -1` as `--max-warnings=-1`: node's parser would take `-1` for an option and call the value ambiguous. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '')) joined.push(`--max-warnings=${argv[++i]}`);
    else joined.push(argv[i]);
  }
  return joined;
}

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'stylish';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown format "${value}": use one of ${FORMATS.join(', ')}`);
}

/** A whole number; a negative one (ESLint's default is -1) means no limit. */
function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number (-1 for no limit), not "${value}"`);
  const maximum = Number(value);
  return maximum < 0 ? undefined : maximum;
}

function checkCombinations(options: CliOptions): void {
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (options.stdin && options.targets.length > 0) throw new UsageError('--stdin reads one document: name no files with it');
  if (options.command === 'sections' && options.targets.length === 0 && !options.stdin) throw new UsageError('sections needs at least one file');
  if (options.command === 'sections' && options.fix) throw new UsageError('--fix does not apply to the sections command');
  if (options.command === 'sections' && !SECTIONS_FORMATS.includes(options.format)) {
    throw new UsageError(`sections prints a table, or JSON with --format json: --format ${options.format} does not apply to it`);
  }
}
