// Turning bytes into the text the engine lints, and back, without re-encoding:
// the BOM is taken off for linting (as editors do) and put back on write, and
// the file's line endings are kept for text that fixes insert.

export interface DocumentText {
  /** The text without its BOM: what the engine sees and fix offsets refer to. */
  text: string;
  bom: boolean;
  /** The file's dominant line ending, used for text that fixes insert. */
  eol: '\n' | '\r\n';
}

export type DecodedDocument = { document: DocumentText } | { skipped: string };

const BOM = '\uFEFF';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes strict UTF-8; binary files (NUL bytes) and other encodings are skipped with a reason. */
export function decodeDocument(bytes: Uint8Array): DecodedDocument {
  if (bytes.includes(0)) return { skipped: 'Skipped: the file looks binary (it contains NUL bytes).' };
  let decoded: string;
  try {
    decoded = strictUtf8.decode(bytes);
  } catch {
    return { skipped: 'Skipped: the file is not valid UTF-8 text; save it as UTF-8 to lint it.' };
  }
  const bom = decoded.startsWith(BOM);
  const text = bom ? decoded.slice(1) : decoded;
  return { document: { text, bom, eol: dominantEol(text) } };
}

/** The bytes' text as it goes back to disk: BOM restored, nothing else touched. */
export function encodeDocument(document: DocumentText, text: string): string {
  return document.bom ? BOM + text : text;
}

function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
