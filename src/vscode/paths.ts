/** Removes leading and/or trailing slashes without a regex (`/\/+$/` backtracks on long runs of slashes). */
export function trimSlashes(value: string, ends: { start?: boolean; end?: boolean } = { start: true, end: true }): string {
  let start = 0;
  let end = value.length;
  if (ends.start) while (start < end && value[start] === '/') start++;
  if (ends.end) while (end > start && value[end - 1] === '/') end--;
  return value.slice(start, end);
}
