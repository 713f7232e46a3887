/**
 * The editor pane that opens beside the terminal for `vim`, `vi`, `nano` and `kubectl edit`:
 * CodeMirror 6 with YAML highlighting and js-yaml lint underlines, vim keys for vim/vi (`:w`,
 * `:wq`, `:x`, `:q`, `:q!`), plain keys for nano (Ctrl-S or Ctrl-O saves, Ctrl-X or Esc discards).
 * Loaded with a dynamic import the first time an editor opens.
 */
import { basicSetup, EditorView } from 'codemirror';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { Vim, vim } from '@replit/codemirror-vim';
import { isYamlFile, yamlProblems } from './yaml-lint.ts';

export type EditorMode = 'vim' | 'nano';

export interface EditRequest {
  fileName: string;
  content: string;
  mode: EditorMode;
  dark: boolean;
}

/** The pane currently open (vim's ex commands are global, so they act on this one). */
let active: EditorPane | undefined;

/**
 * Vim's ex commands. Closing is deferred to the next task: vim is still handling the Enter key when
 * the command runs, and the view must outlive that.
 */
function defineVimCommands(): void {
  const later = (f: (pane: EditorPane) => void) => {
    const pane = active;
    if (pane) setTimeout(() => f(pane));
  };
  Vim.defineEx('write', 'w', (_cm: unknown, params: { argString?: string }) => active?.write(params.argString));
  Vim.defineEx('wq', 'wq', () => later((p) => p.finish(true)));
  Vim.defineEx('xit', 'x', () => later((p) => p.finish(true)));
  Vim.defineEx('quit', 'q', (_cm: unknown, params: { argString?: string }) =>
    later((p) => p.quit((params.argString ?? '').trim() === '!')),
  );
}
defineVimCommands();

/** YAML colours readable on the dark background (the default style is made for light ones). */
const darkHighlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: '#79c0ff' },
  { tag: [tags.string, tags.special(tags.string)], color: '#a5d6ff' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#ffa657' },
  { tag: [tags.keyword, tags.meta, tags.punctuation, tags.separator], color: '#d2a8ff' },
  { tag: tags.comment, color: '#8b949e', fontStyle: 'italic' },
  { tag: [tags.typeName, tags.labelName], color: '#7ee787' },
]);

const darkTheme = [
  syntaxHighlighting(darkHighlight),
  EditorView.theme(
  {
    '&': { backgroundColor: '#17181c', color: '#e3e5ea' },
    '.cm-gutters': { backgroundColor: '#17181c', color: '#8b919e', border: 'none' },
    '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: '#23262f' },
    '.cm-cursor': { borderLeftColor: '#8fa6ff' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: '#3b4a7a' },
    '.cm-panels': { backgroundColor: '#23262f', color: '#e3e5ea' },
  },
  { dark: true },
  ),
];

export class EditorPane {
  private view: EditorView | undefined;
  private resolve: ((text: string | null) => void) | undefined;
  /** Text last written with `:w` (what `:q` returns). */
  private written: string | null = null;
  private readonly theme = new Compartment();
  private readonly status: HTMLElement;
  private readonly title: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly host: HTMLElement;
  private request: EditRequest | undefined;

  constructor(private readonly root: HTMLElement) {
    root.classList.add('kl-editor');
    root.setAttribute('role', 'region');
    root.innerHTML = '';
    const header = document.createElement('div');
    header.className = 'kl-editor-header';
    this.title = document.createElement('strong');
    this.hint = document.createElement('span');
    this.hint.className = 'kl-editor-hint';
    const save = document.createElement('button');
    save.type = 'button';
    save.textContent = 'Save';
    save.addEventListener('click', () => this.finish(true));
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Discard';
    cancel.addEventListener('click', () => this.finish(false));
    header.append(this.title, this.hint, save, cancel);
    this.host = document.createElement('div');
    this.host.className = 'kl-editor-host';
    this.status = document.createElement('p');
    this.status.className = 'kl-editor-status';
    this.status.setAttribute('role', 'status');
    root.append(header, this.host, this.status);
  }

  get isOpen(): boolean {
    return this.resolve !== undefined;
  }

  /** The text in the editor (tests and the touch fallback read it). */
  get text(): string {
    return this.view?.state.doc.toString() ?? '';
  }

  /** Opens the pane on `req`; resolves with the saved text, or null if discarded. */
  open(req: EditRequest): Promise<string | null> {
    if (this.resolve) this.finish(false);
    this.request = req;
    this.written = null;
    active = this;
    this.title.textContent = req.fileName.split('/').pop() ?? req.fileName;
    this.root.setAttribute('aria-label', `Editor: ${req.fileName}`);
    this.hint.textContent =
      req.mode === 'vim' ? ':wq saves and closes, :q! discards' : 'Ctrl-S saves and closes, Esc or Ctrl-X discards';
    this.status.textContent = '';
    this.view?.destroy();
    this.view = new EditorView({
      parent: this.host,
      state: EditorState.create({ doc: req.content, extensions: this.extensions(req) }),
    });
    this.root.hidden = false;
    this.root.scrollIntoView({ block: 'nearest' });
    this.view.focus();
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  setDark(dark: boolean): void {
    this.view?.dispatch({ effects: this.theme.reconfigure(dark ? darkTheme : []) });
  }

  /** `:w` — keeps the pane open; `:w name` is not supported, the file is fixed. */
  write(arg?: string): void {
    if (arg && arg.trim() !== '') {
      this.status.textContent = 'E32: saving under another name is not supported here';
      return;
    }
    this.written = this.text;
    const lines = this.view?.state.doc.lines ?? 0;
    this.status.textContent = `"${this.request?.fileName ?? ''}" ${lines}L, ${this.written.length}B written`;
  }

  /** `:q` (refused with unsaved changes, like vim) or `:q!`. */
  quit(force: boolean): void {
    const changed = this.text !== (this.written ?? this.request?.content ?? '');
    if (!force && changed) {
      this.status.textContent = 'E37: No write since last change (add ! to override)';
      return;
    }
    this.close(this.written);
  }

  /** Closes the pane, saving the text (true) or discarding it (false, keeping any `:w`). */
  finish(save: boolean): void {
    this.close(save ? this.text : this.written);
  }

  private close(result: string | null): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    this.root.hidden = true;
    if (active === this) active = undefined;
    this.view?.destroy();
    this.view = undefined;
    resolve?.(result);
  }

  private extensions(req: EditRequest): Extension[] {
    const exts: Extension[] = [];
    if (req.mode === 'vim') exts.push(vim({ status: true }));
    exts.push(
      basicSetup,
      this.theme.of(req.dark ? darkTheme : []),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': `Contents of ${req.fileName}` }),
    );
    if (isYamlFile(req.fileName)) {
      exts.push(
        yaml(),
        lintGutter(),
        linter((view): Diagnostic[] =>
          yamlProblems(view.state.doc.toString()).map((p) => ({ from: p.from, to: p.to, severity: 'error', message: p.message })),
        { delay: 300 }),
      );
    }
    const saveKey = () => {
      this.finish(true);
      return true;
    };
    const discardKey = () => {
      this.finish(false);
      return true;
    };
    const keys = [{ key: 'Mod-s', run: saveKey, preventDefault: true }];
    if (req.mode === 'nano') {
      keys.push(
        { key: 'Ctrl-o', run: saveKey, preventDefault: true },
        { key: 'Ctrl-x', run: discardKey, preventDefault: true },
        { key: 'Escape', run: discardKey, preventDefault: true },
      );
    }
    exts.push(keymap.of(keys));
    return exts;
  }
}

