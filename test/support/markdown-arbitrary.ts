import fc from 'fast-check';

// Random product documents built from the block constructs that matter for
// chunking: headings of both kinds, containers holding fences, code, HTML,
// tables, front matter, link and footnote definitions, stories and scenarios.

const word = fc.constantFrom('plan', 'goal', 'user', 'export', 'API', 'sprint', 'market', 'vision', 'retry', 'owner');
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));
const label = fc.constantFrom('x', 'Ref', 'the plan', '1', 'n');
const inline = fc.oneof(
  { weight: 4, arbitrary: words },
  fc.tuple(words, label).map(([text, name]) => `${text} [${name}]`),
  fc.tuple(words, label).map(([text, name]) => `[${text}][${name}]`),
  fc.tuple(words, label).map(([text, name]) => `${text}[^${name}]`),
  fc.constant('As a user, I want to export the plan so that I can share it.'),
  fc.constant('Grow weekly active teams by 20% this year.'),
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 3 }).map((parts) => `${parts.join('. ')}.`);
const hashes = fc.integer({ min: 1, max: 6 }).map((n) => '#'.repeat(n));

const atx = fc.tuple(fc.constantFrom('', ' ', '   '), hashes, words, fc.boolean()).map(([indent, marks, text, closing]) => `${indent}${marks} ${text}${closing ? ' ##' : ''}`);
const setext = fc.tuple(fc.array(words, { minLength: 1, maxLength: 2 }), fc.constantFrom('===', '---', '-', '  ==')).map(([lines, underline]) => `${lines.join('\n')}\n${underline}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const fenceBody = fc.array(fc.oneof(words, atx, fc.constant(''), fc.constant('Given a plan\nWhen I export\nThen I see a file')), { maxLength: 3 });
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````', '```gherkin', ' ```'), fenceBody, fc.boolean()).map(([open, body, closed]) => {
  const close = open.trim().startsWith('~') ? '~~~' : open.trim().replace(/[a-z]+$/, '');
  return [open, ...body, ...(closed ? [close] : [])].join('\n');
});
const bullet = fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] ');
const listItem = fc.tuple(bullet, sentence, fc.option(fc.oneof(fence, sentence, atx, fc.constant('lazy line'))), fc.boolean()).map(([marker, text, child, nested]) => {
  const pad = ' '.repeat(marker.trimEnd().length + 1);
  const lines = [`${marker}${text}`];
  if (child) lines.push(...child.split('\n').map((line) => (line === 'lazy line' ? line : `${pad}${line}`)));
  if (nested) lines.push(`${pad}- nested ${text}`, `${pad}  \`\`\``, `${pad}  # in nested fence`);
  return lines.join('\n');
});
const list = fc.array(listItem, { minLength: 1, maxLength: 4 }).chain((items) => fc.boolean().map((loose) => items.join(loose ? '\n\n' : '\n')));
const quote = fc.array(fc.oneof(sentence, fence, atx, list), { minLength: 1, maxLength: 3 }).chain((parts) =>
  fc.boolean().map((lazy) => {
    const lines = parts.join('\n').split('\n').map((line) => `> ${line}`);
    if (lazy) lines.push('lazy continuation');
    return lines.join('\n');
  }),
);
const indented = fc.array(fc.oneof(words, atx), { minLength: 1, maxLength: 3 }).map((lines) => lines.map((line) => `    ${line}`).join('\n'));
const html = fc.constantFrom('<div>\n# inside html\n</div>', '<!--\n# in a comment\n\n# still\n-->', '<span>inline html</span>', '<details>\n<summary>More</summary>\n\n# after blank\n</details>', '<!-- one line -->', '<script>\n# x\n</script>', '<pre>\n# unclosed pre');
const table = fc.tuple(fc.integer({ min: 0, max: 4 }), words).map(([rows, text]) => ['| Item | Owner |', '| --- | --- |', ...Array.from({ length: rows }, (_, i) => `| ${text} ${i} | team |`)].join('\n'));
const definitions = fc.tuple(label, fc.boolean()).map(([name, footnote]) => (footnote ? `[^${name}]: A note about ${name}.` : `[${name}]: https://example.com/${encodeURIComponent(name)} "Title"`));
const gwt = fc.constantFrom('Given a saved plan\nWhen I open it\nThen I see the owner', '- Given a saved plan\n- When I open it\n- Then I see the owner', '**Given** a user\n**When** they log in\n**Then** the board loads');
const thematic = fc.constantFrom('---', '***', '___', '- - -');

const block = fc.oneof(
  { weight: 4, arbitrary: atx },
  { weight: 2, arbitrary: setext },
  { weight: 5, arbitrary: paragraph },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: quote },
  { weight: 3, arbitrary: fence },
  { weight: 1, arbitrary: indented },
  { weight: 2, arbitrary: html },
  { weight: 1, arbitrary: table },
  { weight: 2, arbitrary: definitions },
  { weight: 1, arbitrary: gwt },
  { weight: 1, arbitrary: thematic },
);

const frontMatter = fc.option(fc.constantFrom('---\ntitle: plan\n# yaml comment\n---\n', '---\nkind: prd\n---\n\n', '+++\ntitle = "x"\n+++\n', '---\nnot closed\n'));

export const documentArbitrary = fc
  .tuple(frontMatter, fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n\n')), { maxLength: 14 }), fc.boolean())
  .map(([front, blocks, crlf]) => {
    const text = (front ?? '') + blocks.map(([body, gap]) => body + gap).join('');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
