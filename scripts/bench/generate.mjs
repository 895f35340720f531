// Deterministic generator of product documents for the benchmark. The text is
// self-written (no corpus sentences). Mix per section: 80% short (5-60 lines),
// 10% long (300+ lines), 10% table; bodies mix prose, bullet lists, nested
// lists, user stories, Given/When/Then scenarios and fenced code.

export function rng(seed = 1) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const GOALS = [
  'Grow weekly active teams in the mid-market segment by a third within two quarters.',
  'Our vision is a planning tool that small teams trust without training.',
  'We win when onboarding takes minutes instead of days for new customers.',
  'The market for lightweight roadmap tools is shifting towards self-serve buyers.',
  'Success means fewer support tickets about exports and a higher renewal rate.',
  'This bet supports the strategy of moving upmarket without losing simplicity.',
];
const TASKS = [
  'Add a retry button to the export dialog and log the failure code.',
  'The API returns 422 when the due date is before the start date.',
  'Store the draft in local storage every five seconds.',
  'Rename the settings tab to Preferences and update the tooltip copy.',
  'Paginate the audit log at fifty rows per page.',
  'Validate the email field on blur and show the inline error below it.',
];
const WORDS = 'team plan export board card sprint owner release metric customer report filter search invite billing'.split(' ');

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function sentence(random) {
  return random() < 0.5 ? pick(random, GOALS) : pick(random, TASKS);
}

function paragraph(random) {
  const count = 1 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => sentence(random)).join(' ');
}

function list(random) {
  const lines = [];
  const items = 2 + Math.floor(random() * 6);
  for (let i = 0; i < items; i++) {
    lines.push(`- ${sentence(random)}`);
    if (random() < 0.2) lines.push(`  - ${pick(random, TASKS)}`);
  }
  return lines.join('\n');
}

function story(random) {
  const word = pick(random, WORDS);
  return [
    `- As a team lead, I want to filter the ${word} list by owner so that I can review my reports quickly.`,
    `  - Given a ${word} list with three owners`,
    `  - When I choose one owner in the filter`,
    `  - Then only that owner's items are shown`,
  ].join('\n');
}

function table(random, rows) {
  const lines = ['| Item | Owner | Notes |', '| --- | --- | --- |'];
  for (let i = 0; i < rows; i++) lines.push(`| ${pick(random, WORDS)} ${i} | ${pick(random, WORDS)} | ${pick(random, TASKS)} |`);
  return lines.join('\n');
}

function code(random) {
  return ['```json', `{ "${pick(random, WORDS)}": ${Math.floor(random() * 100)} }`, '```'].join('\n');
}

function block(random) {
  const roll = random();
  if (roll < 0.45) return paragraph(random);
  if (roll < 0.7) return list(random);
  if (roll < 0.85) return story(random);
  if (roll < 0.93) return table(random, 3 + Math.floor(random() * 8));
  return code(random);
}

function section(random, index) {
  const roll = random();
  const targetLines = roll < 0.8 ? 5 + Math.floor(random() * 56) : roll < 0.9 ? 300 + Math.floor(random() * 100) : 0;
  const lines = [`## ${pick(random, WORDS)} ${pick(random, WORDS)} ${index}`, ''];
  if (targetLines === 0) {
    lines.push(table(random, 10 + Math.floor(random() * 30)), '');
    return lines.join('\n');
  }
  while (lines.length < targetLines) lines.push(block(random), '');
  return lines.join('\n');
}

/** An ordinary product document of about `bytes` characters. */
export function generateDocument(bytes, seed = 1) {
  const random = rng(seed);
  const parts = ['---', 'title: Generated plan', '---', '', '# Generated product plan', '', paragraph(random), ''];
  let size = parts.join('\n').length;
  for (let index = 1; size < bytes; index++) {
    const next = section(random, index);
    parts.push(next);
    size += next.length + 1;
  }
  return parts.join('\n').slice(0, bytes);
}

/** Pathological inputs: a giant table, a deeply nested list, many tiny sections. */
export function pathological(name) {
  const random = rng(7);
  if (name === 'table-20k-rows') {
    const rows = Array.from({ length: 20000 }, (_, i) => `| ${pick(random, WORDS)} ${i} | ${pick(random, WORDS)} | ${pick(random, TASKS).slice(0, 30)} |`);
    return `# Big table\n\n| Item | Owner | Notes |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
  }
  if (name === 'list-nested-400') {
    const lines = ['# Deep list', ''];
    for (let copy = 0; lines.join('\n').length < 170 * 1024; copy++) {
      for (let depth = 0; depth < 400 && lines.join('\n').length < 170 * 1024; depth += 1) lines.push(`${'  '.repeat(depth)}- level ${depth}`);
      lines.push('');
    }
    return `${lines.join('\n')}\n`;
  }
  if (name === 'headings-30k') {
    const lines = [];
    for (let i = 0; i < 30000; i++) lines.push(`## Heading ${i}`, '', `${pick(random, TASKS).slice(0, 37)}`, '');
    return lines.join('\n');
  }
  throw new Error(`unknown pathological input: ${name}`);
}

export const PATHOLOGICAL = ['table-20k-rows', 'list-nested-400', 'headings-30k'];
