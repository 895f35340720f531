// The Markdown snippets: valid VS Code snippet syntax, findable prefixes, and
// expansions that pmpo-lint itself accepts (a template that trips our own
// rules would teach the opposite of what the rules ask for).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/index.js';
import type { ProductKind } from '../src/core/config.js';
import { RULES, RULE_IDS } from '../src/core/rules/index.js';

const root = resolve(__dirname, '..');
const snippetPath = resolve(root, 'snippets', 'pmpo-lint.code-snippets');

// ---------------------------------------------------------------------------
// A strict parser for the VS Code snippet grammar
// (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar):
// tab stops, placeholders (nested), choices, variables with defaults or
// transforms, and the escapes \$ \} \\ (and \, \| inside choices). Unlike the
// editor, which inserts a malformed construct as plain text, it rejects one: a
// stray `$` or `}` in a template is a typo, not a wish.

type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number }
  | { type: 'placeholder'; index: number; children: SnippetNode[] }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children: SnippetNode[] | null; transform: boolean };

class SnippetSyntaxError extends Error {}

function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const fail = (message: string): never => {
    throw new SnippetSyntaxError(`${message} at offset ${pos}: ${JSON.stringify(source.slice(Math.max(0, pos - 15), pos + 15))}`);
  };
  const peek = (text: string) => source.startsWith(text, pos);
  const readWhile = (pattern: RegExp) => {
    const start = pos;
    while (pos < source.length && pattern.test(source[pos])) pos++;
    return source.slice(start, pos);
  };

  function parseSequence(insideBraces: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const char = source[pos];
      if (char === '\\' && '$}\\'.includes(source[pos + 1] ?? '')) {
        text += source[pos + 1];
        pos += 2;
      } else if (char === '$') {
        flush();
        nodes.push(parseDollar());
      } else if (char === '}') {
        if (insideBraces) break;
        fail('unescaped "}"');
      } else {
        text += char;
        pos++;
      }
    }
    flush();
    return nodes;
  }

  function parseDollar(): SnippetNode {
    pos++;
    const digits = readWhile(/\d/);
    if (digits) return { type: 'tabstop', index: Number(digits) };
    const name = readWhile(/\w/);
    if (name) return variable(name, null, false);
    if (!peek('{')) fail('"$" that starts no tab stop or variable (escape it as \\$)');
    pos++;
    const index = readWhile(/\d/);
    if (index) return parseIndexed(Number(index));
    const varName = readWhile(/\w/);
    if (!/^[_a-zA-Z]/.test(varName)) fail('"${" without a tab stop number or variable name');
    return parseVariableBody(varName);
  }

  function parseIndexed(index: number): SnippetNode {
    if (peek('}')) {
      pos++;
      return { type: 'tabstop', index };
    }
    if (peek(':')) {
      pos++;
      const children = parseSequence(true);
      expectClose();
      return { type: 'placeholder', index, children };
    }
    if (peek('|')) {
      pos++;
      const options = parseChoiceOptions();
      return { type: 'choice', index, options };
    }
    if (peek('/')) {
      skipTransform();
      return { type: 'tabstop', index };
    }
    return fail(`unexpected character after "\${${index}"`);
  }

  function parseChoiceOptions(): string[] {
    const options: string[] = [];
    let option = '';
    while (pos < source.length) {
      const char = source[pos];
      if (char === '\\' && ',|\\'.includes(source[pos + 1] ?? '')) {
        option += source[pos + 1];
        pos += 2;
      } else if (char === ',') {
        options.push(option);
        option = '';
        pos++;
      } else if (char === '|' && source[pos + 1] === '}') {
        options.push(option);
        pos += 2;
        if (options.some((item) => item === '')) fail('empty choice option');
        return options;
      } else {
        option += char;
        pos++;
      }
    }
    return fail('unterminated choice (missing "|}")');
  }

  function parseVariableBody(name: string): SnippetNode {
    if (peek('}')) {
      pos++;
      return variable(name, null, false);
    }
    if (peek(':')) {
      pos++;
      const children = parseSequence(true);
      expectClose();
      return variable(name, children, false);
    }
    if (peek('/')) {
      skipTransform();
      return variable(name, null, true);
    }
    return fail(`unexpected character after "\${${name}"`);
  }

  /** /regex/format/options} : the regex must compile, the format may hold $n and ${n:...}. */
  function skipTransform(): void {
    pos++;
    const regex = readUntilUnescaped('/');
    const format = readUntilUnescaped('/');
    const options = readWhile(/[a-z]/);
    try {
      new RegExp(regex, options);
    } catch {
      fail(`transform regex /${regex}/${options} does not compile`);
    }
    if (/\$(?!\d|\{\d)/.test(format.replace(/\\\$/g, ''))) fail('transform format with a "$" that names no group');
    expectClose();
  }

  function readUntilUnescaped(delimiter: string): string {
    let value = '';
    while (pos < source.length && source[pos] !== delimiter) {
      if (source[pos] === '\\') value += source[pos++];
      value += source[pos++];
    }
    if (source[pos] !== delimiter) fail(`unterminated transform (missing "${delimiter}")`);
    pos++;
    return value;
  }

  function expectClose(): void {
    if (!peek('}')) fail('missing "}"');
    pos++;
  }

  function variable(name: string, children: SnippetNode[] | null, transform: boolean): SnippetNode {
    if (!KNOWN_VARIABLES.has(name)) fail(`unknown variable "${name}" (the editor would insert it as a placeholder)`);
    return { type: 'variable', name, children, transform };
  }

  return parseSequence(false);
}

/** VS Code's snippet variables, each with the fixed value the lint test expands it to. */
const VARIABLE_VALUES: Record<string, string> = {
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  TM_FILENAME: 'checkout.md',
  TM_FILENAME_BASE: 'checkout',
  TM_DIRECTORY: 'docs',
  TM_FILEPATH: 'docs/checkout.md',
  RELATIVE_FILEPATH: 'docs/checkout.md',
  CLIPBOARD: '',
  WORKSPACE_NAME: 'shop',
  WORKSPACE_FOLDER: 'shop',
  CURSOR_INDEX: '0',
  CURSOR_NUMBER: '1',
  CURRENT_YEAR: '2026',
  CURRENT_YEAR_SHORT: '26',
  CURRENT_MONTH: '03',
  CURRENT_MONTH_NAME: 'March',
  CURRENT_MONTH_NAME_SHORT: 'Mar',
  CURRENT_DATE: '14',
  CURRENT_DAY_NAME: 'Saturday',
  CURRENT_DAY_NAME_SHORT: 'Sat',
  CURRENT_HOUR: '09',
  CURRENT_MINUTE: '30',
  CURRENT_SECOND: '00',
  CURRENT_SECONDS_UNIX: '1773480600',
  CURRENT_TIMEZONE_OFFSET: '+00:00',
  RANDOM: '123456',
  RANDOM_HEX: 'abcdef',
  UUID: '00000000-0000-4000-8000-000000000000',
  BLOCK_COMMENT_START: '<!--',
  BLOCK_COMMENT_END: '-->',
  LINE_COMMENT: '',
};
const KNOWN_VARIABLES = new Set(Object.keys(VARIABLE_VALUES));

function walk(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.type === 'placeholder') walk(node.children, visit);
    if (node.type === 'variable' && node.children) walk(node.children, visit);
  }
}

/** Tab stop numbers in the order the cursor first meets them. */
function tabOrder(nodes: readonly SnippetNode[]): number[] {
  const order: number[] = [];
  walk(nodes, (node) => {
    if ('index' in node && !order.includes(node.index)) order.push(node.index);
  });
  return order;
}

/**
 * The text the editor inserts when the user tabs through without typing:
 * placeholders keep their default, a choice its first option, a bare `$n`
 * mirrors the default of tab stop n, variables take a fixed value, `$0` is empty.
 */
function expand(nodes: readonly SnippetNode[]): string {
  const defaults = new Map<number, SnippetNode[] | string>();
  walk(nodes, (node) => {
    if (node.type === 'placeholder' && !defaults.has(node.index)) defaults.set(node.index, node.children);
    if (node.type === 'choice' && !defaults.has(node.index)) defaults.set(node.index, node.options[0]);
  });
  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.type) {
          case 'text':
            return node.value;
          case 'placeholder':
            return render(node.children);
          case 'choice':
            return node.options[0];
          case 'tabstop': {
            const mirrored = defaults.get(node.index);
            return typeof mirrored === 'string' ? mirrored : render(mirrored ?? []);
          }
          case 'variable':
            return VARIABLE_VALUES[node.name] || (node.children ? render(node.children) : '');
        }
      })
      .join('');
  return render(nodes);
}

// ---------------------------------------------------------------------------
// The snippets and what each expansion must look like to the linter.

interface SnippetEntry {
  prefix: string[];
  description: string;
  body: string[];
}

interface Expectation {
  /** The document kind the snippet is written for. */
  kind: ProductKind;
  /** Text the snippet is inserted after (a table row needs its table). */
  before?: string;
  /** Rule ids of the findings a deliberately partial snippet triggers, nothing else may appear. */
  findings?: string[];
}

const EXPECTATIONS: Record<string, Expectation> = {
  'pm-vision': { kind: 'vision' },
  'pm-vision-board': { kind: 'vision' },
  'pm-okr': { kind: 'roadmap' },
  'pm-strategy': { kind: 'vision' },
  'pm-prd': { kind: 'prd' },
  'pm-roadmap': { kind: 'roadmap' },
  'pm-roadmap-quarters': { kind: 'roadmap' },
  'pm-vision-doc': { kind: 'vision' },
  // A bare story or job story has no acceptance criteria yet: po-criteria is the full form.
  'po-story': { kind: 'backlog', findings: ['story-needs-criteria'] },
  'po-job-story': { kind: 'backlog', findings: ['story-needs-criteria'] },
  'po-criteria': { kind: 'backlog' },
  'po-story-row': {
    kind: 'backlog',
    before: '| ID | Story | Acceptance criteria | Priority | Estimate |\n|----|-------|---------------------|----------|----------|\n',
  },
  'po-story-table': { kind: 'backlog' },
  'po-epic': { kind: 'backlog' },
  'po-gherkin': { kind: 'backlog' },
  'po-outline': { kind: 'backlog' },
  'po-rules': { kind: 'backlog' },
  'po-dod': { kind: 'backlog' },
  'po-dor': { kind: 'backlog' },
  'po-backlog': { kind: 'backlog' },
};

/** Prefixes the "Insert template" command and the end-to-end tests rely on. */
const REQUIRED_PREFIXES: Record<string, string[]> = {
  'po-story': ['story'],
  'po-gherkin': ['gherkin', 'given'],
  'pm-vision': ['vision'],
  'pm-prd': [],
  'pm-roadmap': [],
  'po-backlog': [],
  'pm-vision-doc': [],
  'po-criteria': [],
};

function loadSnippets(): Record<string, SnippetEntry> {
  const errors: ParseError[] = [];
  const value = parseJsonc(readFileSync(snippetPath, 'utf8'), errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length) throw new Error(`snippets/pmpo-lint.code-snippets is not valid JSON (${errors.length} errors)`);
  return value as Record<string, SnippetEntry>;
}

const snippets = loadSnippets();
const entries = Object.entries(snippets);
const byPrefix = new Map(entries.map(([name, entry]) => [entry.prefix[0], { name, entry }]));
const bodyText = (entry: SnippetEntry) => entry.body.join('\n');

function lintExpansion(prefix: string) {
  const { entry } = byPrefix.get(prefix)!;
  const expectation = EXPECTATIONS[prefix];
  const text = `${expectation.before ?? ''}${expand(parseSnippet(bodyText(entry)))}\n`;
  const rules = Object.fromEntries(RULES.map((rule) => [rule.id, 'warning' as const]));
  const result = lint(text, { fileName: `${prefix}.md`, config: { kind: expectation.kind, rules } });
  return { text, result, expected: (expectation.findings ?? []).filter((id) => RULE_IDS.has(id)) };
}

describe('snippet parser', () => {
  it('reads tab stops, nested placeholders, choices, variables and escapes', () => {
    const nodes = parseSnippet('a \\$5 ${1:x ${2:y}} ${3|Must,Won\\,t|} $TM_FILENAME_BASE ${CURRENT_YEAR:2026} \\} $0');
    expect(tabOrder(nodes)).toEqual([1, 2, 3, 0]);
    expect(expand(nodes)).toBe('a $5 x y Must checkout 2026 } ');
    expect(expand(parseSnippet('${1:one} $1 ${2|a,b|} $2'))).toBe('one one a a');
  });

  it.each([
    ['a stray dollar', 'costs $ 5'],
    ['an unclosed placeholder', '${1:open'],
    ['a stray closing brace', 'text }'],
    ['an unterminated choice', '${1|a,b}'],
    ['an empty choice option', '${1|a,,b|}'],
    ['an unknown variable', '$NOT_A_VARIABLE'],
    ['a broken transform regex', '${TM_FILENAME/(/x/}'],
  ])('rejects %s', (_what, source) => {
    expect(() => parseSnippet(source)).toThrow(SnippetSyntaxError);
  });
});

describe('snippets/pmpo-lint.code-snippets', () => {
  it('holds the snippets the extension and the end-to-end tests insert', () => {
    for (const [prefix, aliases] of Object.entries(REQUIRED_PREFIXES)) {
      const found = byPrefix.get(prefix);
      expect(found, `snippet with canonical prefix ${prefix}`).toBeDefined();
      for (const alias of aliases) expect(found!.entry.prefix).toContain(alias);
    }
    expect(entries.length).toBeGreaterThanOrEqual(16);
  });

  it('states the target kind of every snippet, and of no snippet that is gone', () => {
    expect([...byPrefix.keys()].sort()).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  it('gives every prefix once', () => {
    const all = entries.flatMap(([, entry]) => entry.prefix);
    expect(all.filter((prefix, i) => all.indexOf(prefix) !== i)).toEqual([]);
  });

  describe.each(entries)('%s', (_name, entry) => {
    it('has a pm-/po- prefix first, then aliases, and a description', () => {
      expect(Array.isArray(entry.prefix)).toBe(true);
      expect(entry.prefix[0]).toMatch(/^(?:pm|po)-[a-z]+(?:-[a-z]+)*$/);
      for (const alias of entry.prefix) expect(alias).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(entry.description.length).toBeGreaterThan(20);
      expect(Array.isArray(entry.body)).toBe(true);
    });

    it('parses as snippet syntax, with tab stops in order and one final cursor', () => {
      const nodes = parseSnippet(bodyText(entry));
      const order = tabOrder(nodes);
      const numbered = order.filter((index) => index !== 0);
      expect(numbered).toEqual(numbered.map((_, i) => i + 1));
      const finals: SnippetNode[] = [];
      walk(nodes, (node) => {
        if ('index' in node && node.index === 0) finals.push(node);
      });
      expect(finals).toHaveLength(1);
      expect(finals[0].type).toBe('tabstop');
    });

    it('offers a choice, not free text, where the field has a fixed set', () => {
      const defaults: string[] = [];
      walk(parseSnippet(bodyText(entry)), (node) => {
        if (node.type === 'placeholder') defaults.push(expand(node.children));
      });
      expect(defaults.filter((value) => /^(?:Must|Should|Could|Won't|P[0-4]|High|Medium|Low)$/.test(value.trim()))).toEqual([]);
    });
  });
});

describe('snippet expansions lint clean under every rule', () => {
  it('runs every rule the engine has', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(3);
    expect(RULE_IDS.has('mixed-section') && RULE_IDS.has('doc-kind-fit')).toBe(true);
  });

  it.each(Object.keys(EXPECTATIONS))('%s', (prefix) => {
    const { text, result, expected } = lintExpansion(prefix);
    expect(result.kind).toBe(EXPECTATIONS[prefix].kind);
    const found = result.findings.map((finding) => `${finding.ruleId} (line ${finding.range.start.line}): ${finding.message}`);
    expect(
      result.findings.map((finding) => finding.ruleId).sort(),
      `findings in the expansion:\n${text}\n${found.join('\n')}`,
    ).toEqual([...expected].sort());
  });

  it('catches a template that breaks a rule (the check can fail)', () => {
    const mixedTemplate = [
      '## ${1:Checkout}',
      '',
      '${2:Mid-market teams churn at 9% a quarter; winning them is worth \\$4M ARR in the enterprise market next year.}',
      'Our competitors lead on pricing, so positioning and revenue growth depend on it.',
      '',
      '- Given ${3:a cart with 2 items}',
      '- When ${4|I press Pay,I tap Pay|}',
      '- Then the order is placed within 2 s (5 SP)$0',
    ].join('\n');
    const text = expand(parseSnippet(mixedTemplate));
    expect(text).toContain('worth $4M ARR');
    const result = lint(text, { config: { kind: 'backlog' } });
    expect(result.findings.map((finding) => finding.ruleId)).toContain('mixed-section');
  });
});
