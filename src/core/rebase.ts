/**
 * Moves cached, chunk-relative analysis to its place in the document. Relies
 * on the naming convention in types.ts: line fields shift by lines, offset
 * fields by characters; nothing else changes (columns are unaffected because
 * chunks start at the start of a line).
 */
const LINE_KEYS = new Set(['line', 'startLine', 'endLine', 'headingLine', 'headingEndLine']);
const OFFSET_KEYS = new Set(['offset', 'startOffset', 'endOffset', 'bodyOffset']);

export function rebase<T>(value: T, lineDelta: number, offsetDelta: number): T {
  if (lineDelta === 0 && offsetDelta === 0) return value;
  return shift(value, lineDelta, offsetDelta) as T;
}

function shift(value: unknown, lineDelta: number, offsetDelta: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shift(item, lineDelta, offsetDelta));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'number' && LINE_KEYS.has(key)) out[key] = field + lineDelta;
    else if (typeof field === 'number' && OFFSET_KEYS.has(key)) out[key] = field + offsetDelta;
    else out[key] = shift(field, lineDelta, offsetDelta);
  }
  return out;
}
