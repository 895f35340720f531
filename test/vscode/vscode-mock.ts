import picomatch from 'picomatch';

// A small stand-in for the `vscode` module: only the value classes the
// adapter's pure conversion code constructs. Tests load it with
// `vi.mock('vscode', () => import('./vscode-mock'))`.

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  isBefore(other: Position): boolean {
    return this.line < other.line || (this.line === other.line && this.character < other.character);
  }
  isAfter(other: Position): boolean {
    return other.isBefore(this);
  }
  isEqual(other: Position): boolean {
    return this.line === other.line && this.character === other.character;
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number | Position, startCharacter: number | Position, endLine?: number, endCharacter?: number) {
    if (startLine instanceof Position && startCharacter instanceof Position) {
      this.start = startLine;
      this.end = startCharacter;
    } else {
      this.start = new Position(startLine as number, startCharacter as number);
      this.end = new Position(endLine!, endCharacter!);
    }
  }
  contains(position: Position): boolean {
    return !position.isBefore(this.start) && !position.isAfter(this.end);
  }
  intersection(other: Range): Range | undefined {
    const start = this.start.isAfter(other.start) ? this.start : other.start;
    const end = this.end.isBefore(other.end) ? this.end : other.end;
    return start.isAfter(end) ? undefined : new Range(start, end);
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    readonly query = '',
  ) {}
  static parse(value: string): Uri {
    const match = /^([a-z][\w+.-]*):(?:\/\/[^/]*)?([^?]*)(?:\?(.*))?$/i.exec(value);
    return match ? new Uri(match[1], match[2] || '/', match[3] === undefined ? '' : decodeURIComponent(match[3])) : new Uri('file', value);
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static from(parts: { scheme: string; path: string; query?: string }): Uri {
    return new Uri(parts.scheme, parts.path, parts.query);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    const joined = [base.path.replace(/\/$/, ''), ...segments].join('/').replace(/\/+/g, '/');
    return new Uri(base.scheme, joined);
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { path?: string; scheme?: string; query?: string }): Uri {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path, change.query ?? this.query);
  }
  /** Encodes like VS Code: the query's own `%`, `&` and `=` survive a round trip through parse. */
  toString(): string {
    return `${this.scheme}://${this.path}${this.query ? `?${encodeURIComponent(this.query)}` : ''}`;
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export enum DiagnosticTag {
  Unnecessary = 1,
  Deprecated = 2,
}

export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range,
  ) {}
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  relatedInformation?: DiagnosticRelatedInformation[];
  tags?: DiagnosticTag[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class TextEdit {
  constructor(
    readonly range: Range,
    readonly newText: string,
  ) {}
  static replace(range: Range, newText: string): TextEdit {
    return new TextEdit(range, newText);
  }
  static insert(position: Position, newText: string): TextEdit {
    return new TextEdit(new Range(position, position), newText);
  }
}

export class SnippetString {
  constructor(readonly value: string) {}
}

export class SnippetTextEdit {
  constructor(
    readonly range: Range,
    readonly snippet: SnippetString,
  ) {}
  static insert(position: Position, snippet: SnippetString): SnippetTextEdit {
    return new SnippetTextEdit(new Range(position, position), snippet);
  }
  static replace(range: Range, snippet: SnippetString): SnippetTextEdit {
    return new SnippetTextEdit(range, snippet);
  }
}

export class WorkspaceEdit {
  readonly entries: { uri: Uri; edits: (TextEdit | SnippetTextEdit)[] }[] = [];
  set(uri: Uri, edits: (TextEdit | SnippetTextEdit)[]): void {
    this.entries.push({ uri, edits: [...edits] });
  }
  replace(uri: Uri, range: Range, newText: string): void {
    this.entries.push({ uri, edits: [new TextEdit(range, newText)] });
  }
  insert(uri: Uri, position: Position, newText: string): void {
    this.replace(uri, new Range(position, position), newText);
  }
}

export class CodeActionKind {
  private constructor(readonly value: string) {}
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return this.value === '' || other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

export class CodeAction {
  edit?: WorkspaceEdit;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(
    readonly title: string,
    readonly kind?: CodeActionKind,
  ) {}
}

export class MarkdownString {
  value = '';
  isTrusted?: boolean;
  supportHtml?: boolean;
  constructor(value = '') {
    this.value = value;
  }
  appendMarkdown(value: string): this {
    this.value += value;
    return this;
  }
}

export class Hover {
  constructor(
    readonly contents: MarkdownString | MarkdownString[],
    readonly range?: Range,
  ) {}
}

export class CodeLens {
  constructor(
    readonly range: Range,
    readonly command?: { command: string; title: string; arguments?: unknown[]; tooltip?: string },
  ) {}
}

/** A text document over a string, with the offset/position maths VS Code uses. */
export function createDocument(text: string, path = '/ws/docs/prd.md', languageId = 'markdown', version = 1) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const uri = Uri.file(path);
  return {
    uri,
    fileName: path,
    languageId,
    version,
    isUntitled: false,
    eol: text.includes('\r\n') ? 2 : 1,
    lineCount: starts.length,
    getText: () => text,
    lineAt: (line: number) => ({ text: text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] - 1 : text.length).replace(/\r$/, '') }),
    positionAt(offset: number): Position {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= clamped) line++;
      return new Position(line, clamped - starts[line]);
    },
    offsetAt(position: Position): number {
      return Math.min(text.length, (starts[position.line] ?? text.length) + position.character);
    },
  };
}

/** Applies the plain text edits of a WorkspaceEdit to a string (what the editor would do). */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit): string {
  const document = createDocument(text);
  const edits = edit.entries.flatMap((entry) => entry.edits);
  const withOffsets = edits.map((item) => ({
    start: document.offsetAt(item.range.start),
    end: document.offsetAt(item.range.end),
    text: item instanceof SnippetTextEdit ? item.snippet.value : item.newText,
  }));
  withOffsets.sort((a, b) => b.start - a.start);
  let output = text;
  for (const item of withOffsets) output = output.slice(0, item.start) + item.text + output.slice(item.end);
  return output;
}

// ---- Just enough of the API surface for the LintController tests ----

export class EventEmitter<T> {
  private listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((item) => item !== listener)) };
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class DiagnosticCollection {
  readonly entries = new Map<string, Diagnostic[]>();
  constructor(readonly name: string) {}
  set(uri: Uri, diagnostics: Diagnostic[]): void {
    this.entries.set(uri.toString(), diagnostics);
  }
  get(uri: Uri): Diagnostic[] | undefined {
    return this.entries.get(uri.toString());
  }
  delete(uri: Uri): void {
    this.entries.delete(uri.toString());
  }
  clear(): void {
    this.entries.clear();
  }
  dispose(): void {
    this.entries.clear();
  }
}

/** Settings and workspace state the tests set up. */
export const testState = {
  settings: {} as Record<string, unknown>,
  workspaceFolder: undefined as { uri: Uri; name: string; index: number } | undefined,
  files: {} as Record<string, string>,
  filesExclude: [] as string[],
  watchers: [] as FileSystemWatcher[],
};

export const languages = {
  createDiagnosticCollection: (name: string) => new DiagnosticCollection(name),
};

export class RelativePattern {
  readonly baseUri: Uri;
  constructor(
    readonly base: Uri | { uri: Uri },
    readonly pattern: string,
  ) {
    this.baseUri = base instanceof Uri ? base : base.uri;
  }
}

export class Disposable {
  constructor(private readonly callOnDispose: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

/** A watcher the tests fire by hand (testState.watchers lists every one created). */
export class FileSystemWatcher {
  readonly created = new EventEmitter<Uri>();
  readonly changed = new EventEmitter<Uri>();
  readonly deleted = new EventEmitter<Uri>();
  readonly onDidCreate = this.created.event;
  readonly onDidChange = this.changed.event;
  readonly onDidDelete = this.deleted.event;
  disposed = false;
  constructor(readonly pattern: string | RelativePattern) {}
  dispose(): void {
    this.disposed = true;
  }
}

/** findFiles over testState.files: the pattern relative to its folder, `exclude` as a glob (files.exclude is testState.filesExclude). */
async function findFiles(include: RelativePattern, exclude?: string | null): Promise<Uri[]> {
  const base = include.baseUri.path.replace(/\/+$/, '');
  const included = picomatch(include.pattern, { dot: true });
  const excludes = [exclude ?? undefined, ...(exclude === undefined ? testState.filesExclude : [])].filter((glob): glob is string => !!glob);
  const excluded = excludes.length ? picomatch(excludes, { dot: true }) : () => false;
  return Object.keys(testState.files)
    .filter((path) => path.startsWith(`${base}/`))
    .map((path) => path.slice(base.length + 1))
    .filter((relative) => included(relative) && !excluded(relative))
    .map((relative) => Uri.file(`${base}/${relative}`));
}

export const workspace = {
  get workspaceFolders() {
    return testState.workspaceFolder ? [testState.workspaceFolder] : undefined;
  },
  findFiles,
  asRelativePath: (uri: Uri) => {
    const base = testState.workspaceFolder?.uri.path;
    return base && uri.path.startsWith(`${base}/`) ? uri.path.slice(base.length + 1) : uri.path;
  },
  textDocuments: [] as unknown[],
  getConfiguration: () => ({ get: (key: string) => testState.settings[key] }),
  getWorkspaceFolder: (uri: Uri) => {
    const folder = testState.workspaceFolder;
    return folder && (uri.path === folder.uri.path || uri.path.startsWith(`${folder.uri.path}/`)) ? folder : undefined;
  },
  createFileSystemWatcher: (pattern: string | RelativePattern) => {
    const watcher = new FileSystemWatcher(pattern);
    testState.watchers.push(watcher);
    return watcher;
  },
  fs: {
    readFile: async (uri: Uri) => {
      if (!(uri.path in testState.files)) throw new Error(`ENOENT ${uri.path}`);
      return new TextEncoder().encode(testState.files[uri.path]);
    },
  },
};
