/**
 * A tolerant scanner for regex literals in TypeScript source: it skips
 * strings, template literals and comments, and reads `/.../flags` where a
 * regex can start (after an operator, a bracket or a keyword). Candidates that
 * `new RegExp` rejects are dropped, so a mis-read division never fails a test.
 */
export interface RegexLiteral {
  source: string;
  flags: string;
  line: number;
}

const REGEX_CAN_FOLLOW = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '']);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|in|of|void|yield|await|delete|throw|else)$/;

export function findRegexLiterals(code: string): RegexLiteral[] {
  const found: RegexLiteral[] = [];
  /** Open `${` expressions inside template literals: the brace depth within each. */
  const templates: number[] = [];
  let i = 0;
  let previous = '';
  while (i < code.length) {
    const char = code[i];
    if (char === '/' && code[i + 1] === '/') {
      i = skipTo(code, i, '\n');
    } else if (char === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end === -1 ? code.length : end + 2;
    } else if (char === '"' || char === "'") {
      i = skipString(code, i, char);
      previous = char;
    } else if (char === '`' || (char === '}' && templates.length > 0 && templates[templates.length - 1] === 0)) {
      if (char === '}') templates.pop();
      const next = skipTemplate(code, i + 1);
      if (next.expression) templates.push(0);
      i = next.end;
      previous = next.expression ? '{' : '`';
    } else if (char === '/' && (REGEX_CAN_FOLLOW.has(previous) || REGEX_KEYWORDS.test(code.slice(Math.max(0, i - 12), i).trimEnd()))) {
      const literal = readRegex(code, i);
      if (literal) {
        found.push({ ...literal.value, line: code.slice(0, i).split('\n').length });
        i = literal.end;
        previous = ')';
      } else {
        i++;
        previous = '/';
      }
    } else {
      if (templates.length > 0 && char === '{') templates[templates.length - 1]++;
      if (templates.length > 0 && char === '}') templates[templates.length - 1]--;
      if (!/\s/.test(char)) previous = /[\w$]/.test(char) ? 'w' : char;
      i++;
    }
  }
  return found;
}

/** Reads template text from `from` up to the closing backtick or the next `${`. */
function skipTemplate(code: string, from: number): { end: number; expression: boolean } {
  let i = from;
  while (i < code.length) {
    if (code[i] === '\\') i += 2;
    else if (code[i] === '`') return { end: i + 1, expression: false };
    else if (code[i] === '$' && code[i + 1] === '{') return { end: i + 2, expression: true };
    else i++;
  }
  return { end: i, expression: false };
}

function skipTo(code: string, from: number, stop: string): number {
  const end = code.indexOf(stop, from);
  return end === -1 ? code.length : end;
}

function skipString(code: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < code.length && code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
  return i + 1;
}

function readRegex(code: string, start: number): { value: { source: string; flags: string }; end: number } | undefined {
  let i = start + 1;
  let inClass = false;
  while (i < code.length) {
    const char = code[i];
    if (char === '\n') return undefined;
    if (char === '\\') i += 2;
    else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) break;
      i++;
    }
  }
  if (i >= code.length) return undefined;
  const source = code.slice(start + 1, i);
  let end = i + 1;
  while (end < code.length && /[dgimsuvy]/.test(code[end])) end++;
  const flags = code.slice(i + 1, end);
  if (!source) return undefined;
  try {
    new RegExp(source, flags);
  } catch {
    return undefined;
  }
  return { value: { source, flags }, end };
}
