/* global self, postMessage, PMPO_BUNDLE, PMPO_DOC */
// Runs inside a Chromium dedicated Worker (no Node, no DOM): a small `vscode` stub, then
// the web extension bundle (CommonJS) evaluated with a `require` that only knows `vscode`.
// Reports every published diagnostic set and every module the bundle asked for.
(function () {
  const requested = [];
  const report = (message) => postMessage(JSON.parse(JSON.stringify(message)));
  const disposable = () => ({ dispose() {} });

  // Anything the stub does not model: callable, constructible, never a thenable.
  function loose(name) {
    const target = function () {};
    return new Proxy(target, {
      get(_t, key) {
        if (key === 'then') return undefined;
        if (key === 'dispose') return () => {};
        if (key === Symbol.toPrimitive) return () => name;
        if (key === Symbol.iterator) return function* () {};
        return loose(`${name}.${String(key)}`);
      },
      apply: () => loose(`${name}()`),
      construct: () => loose(`new ${name}`),
    });
  }

  class Position { constructor(line, character) { this.line = line; this.character = character; } }
  class Range {
    constructor(a, b, c, d) {
      if (typeof a === 'number') { this.start = new Position(a, b); this.end = new Position(c, d); }
      else { this.start = a; this.end = b; }
    }
  }
  class Uri {
    constructor(scheme, path) { this.scheme = scheme; this.path = path; this.fsPath = path; this.authority = ''; this.query = ''; this.fragment = ''; }
    static file(path) { return new Uri('file', path); }
    static parse(value) { const m = /^([a-z][\w+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(value); return m ? new Uri(m[1], m[2]) : new Uri('file', value); }
    static joinPath(base, ...parts) { return new Uri(base.scheme, [base.path, ...parts].join('/').replace(/\/+/g, '/')); }
    with(change) { return Object.assign(new Uri(this.scheme, this.path), change); }
    toString() { return `${this.scheme}://${this.path}`; }
    toJSON() { return this.toString(); }
  }
  class Diagnostic { constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity ?? 0; } }
  class EventEmitter {
    constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return disposable(); }; }
    fire(value) { for (const l of this.listeners) l(value); }
    dispose() {}
  }
  class CodeActionKind {
    constructor(value) { this.value = value; }
    append(part) { return new CodeActionKind(`${this.value}.${part}`); }
    contains(other) { return other.value === this.value || other.value.startsWith(`${this.value}.`); }
    intersects(other) { return this.contains(other) || other.contains(this); }
  }
  for (const [key, value] of Object.entries({ Empty: '', QuickFix: 'quickfix', Refactor: 'refactor', Source: 'source', SourceFixAll: 'source.fixAll' })) {
    CodeActionKind[key] = new CodeActionKind(value);
  }

  const text = PMPO_DOC.text;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const positionAt = (offset) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line += 1;
    return new Position(line, offset - lineStarts[line]);
  };
  const offsetAt = (p) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const lineText = (i) => text.slice(lineStarts[i], (lineStarts[i + 1] ?? text.length + 1) - 1);
  const document = {
    uri: Uri.file(PMPO_DOC.path), fileName: PMPO_DOC.path, languageId: 'markdown', version: 1, isClosed: false,
    isUntitled: false, isDirty: false, eol: 1, lineCount: lineStarts.length,
    getText: (range) => (range ? text.slice(offsetAt(range.start), offsetAt(range.end)) : text),
    positionAt, offsetAt,
    lineAt: (i) => { const n = typeof i === 'number' ? i : i.line; const t = lineText(n); return { lineNumber: n, text: t, range: new Range(n, 0, n, t.length), isEmptyOrWhitespace: t.trim() === '' }; },
    getWordRangeAtPosition: () => undefined,
    validateRange: (r) => r, validatePosition: (p) => p, save: async () => true,
  };
  const editor = { document, selection: new Range(0, 0, 0, 0), selections: [], visibleRanges: [], setDecorations() {}, revealRange() {} };

  const collections = [];
  const openListeners = [];
  const event = () => (listener) => (listener ? disposable() : disposable());
  const workspace = new Proxy({
    textDocuments: [document],
    workspaceFolders: undefined,
    isTrusted: false,
    onDidOpenTextDocument: (l) => { openListeners.push(l); return disposable(); },
    getConfiguration: () => ({ get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} }),
    getWorkspaceFolder: () => undefined,
    asRelativePath: (p) => (typeof p === 'string' ? p : p.path),
    findFiles: async () => [],
    openTextDocument: async () => document,
    fs: { readFile: async () => { throw Object.assign(new Error('FileNotFound'), { code: 'FileNotFound' }); }, stat: async () => { throw Object.assign(new Error('FileNotFound'), { code: 'FileNotFound' }); }, readDirectory: async () => [] },
    createFileSystemWatcher: () => ({ onDidChange: event(), onDidCreate: event(), onDidDelete: event(), dispose() {} }),
    registerTextDocumentContentProvider: disposable,
  }, { get: (t, k) => (k in t ? t[k] : typeof k === 'string' && k.startsWith('onDid') ? event() : loose(`workspace.${String(k)}`)) });

  const languages = new Proxy({
    createDiagnosticCollection: (name) => {
      const map = new Map();
      const collection = {
        name,
        set(uri, diagnostics) {
          if (Array.isArray(uri)) { for (const [u, d] of uri) collection.set(u, d); return; }
          map.set(uri.toString(), diagnostics ?? []);
          report({ type: 'diagnostics', uri: uri.toString(), diagnostics: (diagnostics ?? []).map((d) => ({
            message: d.message, severity: d.severity, source: d.source,
            code: typeof d.code === 'object' && d.code ? d.code.value : d.code,
            range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] })) });
        },
        get: (uri) => map.get(uri.toString()), has: (uri) => map.has(uri.toString()),
        delete: (uri) => map.delete(uri.toString()), clear: () => map.clear(), forEach: (f) => map.forEach(f), dispose() {},
      };
      collections.push(collection);
      return collection;
    },
    getDiagnostics: () => [],
    match: () => 10,
  }, { get: (t, k) => (k in t ? t[k] : typeof k === 'string' && (k.startsWith('register') || k.startsWith('onDid')) ? disposable : loose(`languages.${String(k)}`)) });

  const window = new Proxy({
    activeTextEditor: editor,
    visibleTextEditors: [editor],
    createOutputChannel: () => ({ name: 'PM/PO Lint', append() {}, appendLine() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {}, show() {}, clear() {}, replace() {}, dispose() {}, onDidChangeLogLevel: event(), logLevel: 2 }),
    createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {}, text: '', tooltip: '', command: undefined }),
    showInformationMessage: async () => undefined, showWarningMessage: async () => undefined, showErrorMessage: async () => undefined,
    withProgress: async (_o, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: event() }),
  }, { get: (t, k) => (k in t ? t[k] : typeof k === 'string' && k.startsWith('onDid') ? event() : loose(`window.${String(k)}`)) });

  const enums = {
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3, 0: 'Error', 1: 'Warning', 2: 'Information', 3: 'Hint' },
    DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    EndOfLine: { LF: 1, CRLF: 2 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    UIKind: { Desktop: 1, Web: 2 },
  };
  const vscode = new Proxy({
    ...enums, Position, Range, Uri, Diagnostic, EventEmitter, CodeActionKind,
    Selection: Range, Location: class { constructor(uri, range) { this.uri = uri; this.range = range; } },
    RelativePattern: class { constructor(base, pattern) { this.baseUri = base; this.pattern = pattern; } },
    DiagnosticRelatedInformation: class { constructor(location, message) { this.location = location; this.message = message; } },
    Disposable: class { constructor(f) { this.f = f; } dispose() { this.f?.(); } static from() { return disposable(); } },
    MarkdownString: class { constructor(value = '') { this.value = value; } appendMarkdown(v) { this.value += v; return this; } appendText(v) { this.value += v; return this; } appendCodeblock(v) { this.value += v; return this; } },
    workspace, languages, window,
    commands: { registerCommand: disposable, registerTextEditorCommand: disposable, executeCommand: async () => undefined },
    env: { uiKind: 2, language: 'en', appName: 'worker-stub', openExternal: async () => true },
    version: '1.90.0',
  }, { get: (t, k) => (k in t ? t[k] : loose(`vscode.${String(k)}`)) });

  const fakeRequire = (id) => {
    requested.push(id);
    if (id === 'vscode') return vscode;
    throw new Error(`web bundle required "${id}": only "vscode" is available in a web worker`);
  };

  self.onmessage = async () => {
    try {
      const module = { exports: {} };
      new Function('module', 'exports', 'require', PMPO_BUNDLE)(module, module.exports, fakeRequire);
      const extensionUri = Uri.parse('https://stub.invalid/extension');
      const memento = { get: (_k, d) => d, update: async () => {}, keys: () => [], setKeysForSync() {} };
      const context = new Proxy({
        subscriptions: [], extensionUri, extensionPath: '/extension', extensionMode: 1, globalState: memento, workspaceState: memento,
        asAbsolutePath: (p) => `/extension/${p}`, extension: { id: 'pmpo-lint.pmpo-lint', packageJSON: { version: '0.0.0' }, extensionUri },
      }, { get: (t, k) => (k in t ? t[k] : loose(`context.${String(k)}`)) });
      await module.exports.activate(context);
      report({ type: 'activated', collections: collections.length });
      for (const l of openListeners) l(document);
    } catch (error) {
      report({ type: 'error', message: String(error && error.stack ? error.stack : error) });
    }
    report({ type: 'requested', requested });
  };
})();
