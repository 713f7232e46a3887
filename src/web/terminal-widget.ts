/**
 * A live terminal on the page: xterm.js (themed to the site, fitted to its box) attached to its own
 * worker, with the clock controls, the cluster view, the editor pane, the touch-keyboard input box,
 * a screen-reader toggle and Reset. If the worker dies (an uncaught error, or it stops answering),
 * the widget says so, starts a new one and restores the last saved snapshot.
 *
 * Loaded on demand by the <Terminal> component; `mountTerminal(root)` reads its options from the
 * root element's data attributes.
 */
import * as Comlink from 'comlink';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { WorkerAttachAddon, type AttachBackend } from './worker-attach-addon.ts';
import { currentTheme, themeFor, watchTheme } from './xterm-theme.ts';
import { ClusterView } from './cluster-view/cluster-view.ts';
import type { EditorPane } from './editor/editor-pane.ts';
import type { EditorMode, InitResult, LabView, TerminalApi, TerminalState } from '../worker/protocol.ts';
import { forgetTerminal } from '../worker/snapshot-db.ts';

/** How long the worker may take to answer a heartbeat before it is presumed dead. */
const HEARTBEAT_TIMEOUT_MS = 10_000;
const HEARTBEAT_EVERY_MS = 3000;
const SPEEDS: { speed: number; label: string; name: string }[] = [
  { speed: 0, label: 'Pause', name: 'Pause the cluster clock' },
  { speed: 1, label: '1×', name: 'Run the clock in real time' },
  { speed: 10, label: '10×', name: 'Run the clock ten times faster' },
];

/** What tests (and the browser console) can reach through `window.kubelab.terminals`. */
export interface TerminalHandle {
  id: string;
  terminal: Terminal;
  /** Resolves once the prompt is shown. */
  ready: Promise<void>;
  /** Types text into the terminal as if from the keyboard. */
  type(data: string): void;
  /** The terminal's buffer as text, one line per row, trailing spaces trimmed. */
  text(): string;
  /** True while a command runs. */
  busy(): boolean;
  state(): TerminalState | undefined;
  /** Makes the worker crash (tests). */
  crash(): void;
  /** How many workers this terminal has started. */
  generation(): number;
  editorText(): string;
  editorOpen(): boolean;
}

declare global {
  interface Window {
    kubelab?: { terminals: Map<string, TerminalHandle> };
  }
}

interface Generation {
  worker: Worker;
  remote: Comlink.Remote<TerminalApi>;
  /** Rejects when this worker dies, so calls in flight end. */
  dead: Promise<never>;
  kill(reason: string): void;
  alive: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function clockText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

function loadHistory(id: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(`kubelab:history:${id}`) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Builds the terminal inside `root`. `firstWorker`, when given, is a terminal worker the page
 * already started (so it loaded in parallel with this module); restarts start their own.
 */
export function mountTerminal(root: HTMLElement, firstWorker?: Worker): TerminalHandle {
  const id = root.dataset.id ?? 'terminal';
  const lab = root.dataset.lab || undefined;
  const preset = root.dataset.preset || undefined;
  root.innerHTML = '';
  root.classList.add('kl-live');
  root.setAttribute('tabindex', '-1');

  // ----------------------------------------------------------------- layout
  const toolbar = el('div', { class: 'kl-toolbar', role: 'toolbar', 'aria-label': 'Terminal controls' });
  const clock = el('span', { class: 'kl-clock' });
  const clockValue = el('span', {}, 'starting…');
  clock.append(el('span', { class: 'sr-only' }, 'Cluster time '), clockValue);
  const speedGroup = el('span', { class: 'kl-speed', role: 'group', 'aria-label': 'Cluster clock speed' });
  const speedButtons = SPEEDS.map((s) => {
    const b = el('button', { type: 'button', 'aria-pressed': String(s.speed === 1), title: s.name, 'aria-label': s.name }, s.label);
    b.addEventListener('click', () => void call((r) => r.setSpeed(s.speed)));
    speedGroup.append(b);
    return { ...s, b };
  });
  const skip = el('button', { type: 'button', title: 'Skip ahead until nothing is left to do', 'aria-label': 'Skip ahead until the cluster is quiet' }, 'Skip');
  skip.addEventListener('click', () => void call((r) => r.skipUntilQuiet()));
  const viewToggle = el('button', { type: 'button', 'aria-expanded': 'false' }, 'Cluster view');
  const srToggle = el('button', { type: 'button', 'aria-pressed': 'false', title: 'Screen reader mode for the terminal' }, 'Screen reader');
  const expand = el('button', { type: 'button', class: 'kl-expand', 'aria-pressed': 'false', title: 'Widen the terminal to the whole window (Esc outside the terminal goes back)' }, 'Full width');
  const reset = el('button', { type: 'button', class: 'kl-reset' }, 'Reset');
  toolbar.append(clock, speedGroup, skip, viewToggle, srToggle, expand, reset);

  const body = el('div', { class: 'kl-body' });
  const screen = el('div', { class: 'kl-screen' });
  screen.style.height = root.dataset.height ?? '22rem';
  const editorRoot = el('div', { class: 'kl-editor-slot' });
  editorRoot.hidden = true;
  body.append(screen, editorRoot);
  // A lab's terminal gets the lab panel beside it (below it when narrow); its code loads only then.
  let labSlot: HTMLElement | undefined;
  if (lab) {
    labSlot = el('div', { class: 'kl-lab-slot' });
    body.append(labSlot);
  }

  const viewRoot = el('div', { class: 'kl-cluster-slot', 'aria-label': 'Cluster view' });
  viewRoot.hidden = true;
  const touch = el('form', { class: 'kl-touch' });
  const touchInput = el('input', {
    type: 'text',
    'aria-label': 'Command (for touch keyboards)',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'send',
    placeholder: 'Type a command',
  });
  const touchSend = el('button', { type: 'submit' }, 'Run');
  touch.append(touchInput, touchSend);
  const status = el('p', { class: 'kl-status', role: 'status' });
  root.append(toolbar, body, touch, viewRoot, status);

  // ----------------------------------------------------------------- terminal
  const srPreferred = localStorage.getItem('kubelab:screenReader') === 'true';
  const terminal = new Terminal({
    convertEol: true,
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: screen.clientWidth > 0 && screen.clientWidth < 480 ? 12 : 14,
    scrollback: 5000,
    theme: themeFor(currentTheme()),
    screenReaderMode: srPreferred,
  });
  srToggle.setAttribute('aria-pressed', String(srPreferred));
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(screen);
  const refit = () => {
    try {
      fit.fit();
    } catch {
      // Not laid out yet (hidden): the next resize fits it.
    }
  };
  refit();
  const resizeObserver = new ResizeObserver(() => refit());
  resizeObserver.observe(screen);
  terminal.attachCustomKeyEventHandler((e) => {
    if (e.type === 'keydown' && e.key === 'Escape' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // Esc leaves the terminal, so keyboard users are never trapped in it.
      root.focus();
      return false;
    }
    return true;
  });

  const stopTheme = watchTheme((t) => {
    terminal.options.theme = themeFor(t);
    editor?.setDark(t === 'dark');
  });
  srToggle.addEventListener('click', () => {
    const on = !terminal.options.screenReaderMode;
    terminal.options.screenReaderMode = on;
    srToggle.setAttribute('aria-pressed', String(on));
    localStorage.setItem('kubelab:screenReader', String(on));
  });

  // ----------------------------------------------------------------- full width
  // The terminal leaves the page's column to fill the window under the header (over the table of
  // contents, which is why it is the learner's choice); a spacer keeps its place in the page. It is
  // shown as a manual popover, in the top layer, since the page's main pane is a CSS container and
  // so the containing block of anything `position: fixed` inside it.
  const spacer = el('div', { class: 'kl-expand-spacer', 'aria-hidden': 'true' });
  const setExpanded = (on: boolean) => {
    if (on === root.classList.contains('kl-expanded')) return;
    const popover = typeof root.showPopover === 'function';
    if (on) {
      spacer.style.height = `${root.offsetHeight}px`;
      root.before(spacer);
      if (popover) {
        root.setAttribute('popover', 'manual');
        root.showPopover();
      }
    } else {
      spacer.remove();
      if (popover && root.hasAttribute('popover')) {
        root.hidePopover();
        root.removeAttribute('popover');
      }
    }
    root.classList.toggle('kl-expanded', on);
    expand.setAttribute('aria-pressed', String(on));
    refit();
  };
  expand.addEventListener('click', () => setExpanded(!root.classList.contains('kl-expanded')));
  root.addEventListener('keydown', (e) => {
    // Esc in the terminal leaves it for its box (the key handler above) and Esc in the editor is
    // vim's; anywhere else in the box (the box itself, a button) Esc leaves full width.
    const inside = e.target instanceof Element && e.target.closest('.xterm, .kl-editor-slot');
    if (e.key === 'Escape' && !inside && root.classList.contains('kl-expanded')) setExpanded(false);
  });

  // ----------------------------------------------------------------- cluster view
  const view = new ClusterView(viewRoot);
  viewToggle.addEventListener('click', () => {
    viewRoot.hidden = !viewRoot.hidden;
    viewToggle.setAttribute('aria-expanded', String(!viewRoot.hidden));
    view.refresh();
  });

  // ----------------------------------------------------------------- editor pane
  let editor: EditorPane | undefined;
  const openEditor = async (fileName: string, content: string, mode: EditorMode): Promise<string | null> => {
    const { EditorPane } = await import('./editor/editor-pane.ts');
    editor ??= new EditorPane(editorRoot);
    root.classList.add('kl-editing');
    editorRoot.hidden = false;
    refit();
    try {
      return await editor.open({ fileName, content, mode, dark: currentTheme() === 'dark' });
    } finally {
      root.classList.remove('kl-editing');
      editorRoot.hidden = true;
      refit();
      terminal.focus();
    }
  };

  // ----------------------------------------------------------------- worker
  let gen: Generation | undefined;
  let generations = 0;
  let lastState: TerminalState | undefined;
  let restarting = false;
  const history = loadHistory(id);

  const onState = (s: TerminalState) => {
    lastState = s;
    const speedName = s.speed === 0 ? 'paused' : `${s.speed}×`;
    clockValue.textContent = `${clockText(s.cluster.time)} · ${speedName}`;
    clock.title = `Cluster time ${clockText(s.cluster.time)} UTC, clock ${speedName}`;
    for (const b of speedButtons) b.b.setAttribute('aria-pressed', String(b.speed === s.speed));
    view.update(s.cluster);
  };

  function call<T>(f: (r: Comlink.Remote<TerminalApi>) => Promise<T> | T): Promise<T> {
    const g = gen;
    if (!g || !g.alive) return Promise.reject(new Error('the terminal is restarting'));
    return Promise.race([Promise.resolve(f(g.remote)), g.dead]);
  }

  const backend: AttachBackend = {
    run: (text, sink) => call((r) => r.run(text, sink)),
    interrupt: () => call((r) => r.interrupt()).catch(() => undefined),
    complete: (line, cursor) => call((r) => r.complete(line, cursor)),
    prompt: () => call((r) => r.prompt()),
  };

  const addon = new WorkerAttachAddon(backend, {
    history,
    onHistory: (h) => localStorage.setItem(`kubelab:history:${id}`, JSON.stringify(h.slice(-500))),
    onBackendError: () => void restart('the cluster stopped responding'),
  });
  terminal.loadAddon(addon);

  const labPanel = labSlot
    ? import('./lab-panel/lab-panel.ts').then(
        ({ LabPanel }) =>
          new LabPanel(labSlot, {
            check: (task) => call((r) => r.labCheck(task)),
            hint: (task) => call((r) => r.labHint(task)),
            solution: () => call((r) => r.labSolution()),
          }),
      )
    : undefined;

  let preloaded = firstWorker;
  function startWorker(): Generation {
    const worker = preloaded ?? new Worker(new URL('../worker/terminal-worker.ts', import.meta.url), { type: 'module', name: `kubelab-${id}` });
    preloaded = undefined;
    let kill!: (reason: string) => void;
    const dead = new Promise<never>((_, reject) => {
      kill = (reason) => reject(new Error(reason));
    });
    dead.catch(() => undefined);
    const g: Generation = {
      worker,
      remote: Comlink.wrap<TerminalApi>(worker),
      dead,
      alive: true,
      kill: (reason) => {
        if (!g.alive) return;
        g.alive = false;
        worker.terminate();
        kill(reason);
      },
    };
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      void restart(e.message || 'the cluster crashed');
    });
    generations++;
    return g;
  }

  async function boot(resume: boolean): Promise<InitResult> {
    gen = startWorker();
    const result = await call((r) => r.init({ id, lab, preset, resume }, Comlink.proxy(openEditor)));
    await call((r) => r.subscribe(Comlink.proxy(onState)));
    if (labPanel) {
      const panel = await labPanel;
      await call((r) => r.subscribeLab(Comlink.proxy((v: LabView) => panel.update(v))));
    }
    return result;
  }

  async function restart(reason: string): Promise<void> {
    if (restarting) return;
    restarting = true;
    gen?.kill(reason);
    editor?.finish(false);
    terminal.write(`\r\n\x1b[33m[${reason}: restarting it from your last saved state]\x1b[0m\r\n`);
    status.textContent = 'The cluster crashed and was restarted from the last save.';
    try {
      const r = await boot(true);
      restarting = false;
      await addon.begin(r.prompt);
    } catch (e) {
      restarting = false;
      terminal.write(`\x1b[31m[could not restart the cluster: ${e instanceof Error ? e.message : String(e)}]\x1b[0m\r\n`);
    }
  }

  reset.addEventListener('click', async () => {
    if (!window.confirm('Start over with a fresh cluster? Your files, history and objects in this terminal are lost.')) return;
    restarting = true;
    localStorage.removeItem(`kubelab:history:${id}`);
    addon.clearHistory();
    gen?.kill('reset');
    editor?.finish(false);
    terminal.reset();
    status.textContent = 'Started over with a fresh cluster.';
    try {
      await forgetTerminal(id).catch(() => undefined);
      const r = await boot(false);
      await addon.begin(r.prompt);
    } catch (e) {
      terminal.write(`\x1b[31m[could not start the cluster: ${e instanceof Error ? e.message : String(e)}]\x1b[0m\r\n`);
    } finally {
      restarting = false;
    }
  });

  // Heartbeat: a worker stuck in a loop answers nothing, which is a crash too.
  const heartbeat = setInterval(() => {
    const g = gen;
    if (!g?.alive || restarting || document.hidden) return;
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), HEARTBEAT_TIMEOUT_MS));
    void Promise.race([call((r) => r.ping()).catch(() => 'dead'), timeout]).then((answer) => {
      if (answer === 'timeout' && gen === g && g.alive) void restart('the cluster stopped responding');
    });
  }, HEARTBEAT_EVERY_MS);

  touch.addEventListener('submit', (e) => {
    e.preventDefault();
    addon.input(touchInput.value + '\r');
    touchInput.value = '';
  });

  const ready = (async () => {
    // Bright black, not dim: xterm draws dim text at half opacity, under 4.5:1 contrast on both themes.
    terminal.write('\x1b[90mStarting the cluster…\x1b[0m');
    try {
      const r = await boot(true);
      terminal.write('\r\x1b[K');
      if (r.resumed) {
        terminal.write('\x1b[90m[resumed your session; Reset starts over]\x1b[0m\r\n');
        status.textContent = 'Resumed your saved session.';
      }
      await addon.begin(r.prompt);
    } catch (e) {
      terminal.write(`\r\n\x1b[31m[could not start the cluster: ${e instanceof Error ? e.message : String(e)}]\x1b[0m\r\n`);
      throw e;
    }
  })();

  const handle: TerminalHandle = {
    id,
    terminal,
    ready,
    type: (data) => addon.input(data),
    text: () => {
      const buf = terminal.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < buf.length; i++) lines.push((buf.getLine(i)?.translateToString(true) ?? '').trimEnd());
      while (lines.length && lines[lines.length - 1] === '') lines.pop();
      return lines.join('\n');
    },
    busy: () => addon.busy,
    state: () => lastState,
    crash: () => void call((r) => r.crash()),
    generation: () => generations,
    editorText: () => editor?.text ?? '',
    editorOpen: () => editor?.isOpen ?? false,
  };
  window.kubelab ??= { terminals: new Map() };
  window.kubelab.terminals.set(id, handle);

  window.addEventListener('pagehide', () => {
    clearInterval(heartbeat);
    stopTheme();
    resizeObserver.disconnect();
  });
  return handle;
}
