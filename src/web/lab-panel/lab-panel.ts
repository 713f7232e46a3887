/**
 * The lab panel beside a lab's terminal (below it on narrow screens): the lab's title and tasks,
 * a Check button per task, the checks of each task's latest result, hints revealed one at a time
 * with their cost on the button, the score, and the reference solution once every task passed or
 * the learner gave up.
 *
 * The panel holds no lab state: every action goes to the worker (the same functions `lab check`,
 * `lab hint` and `lab solution` use) and the panel renders whatever view the worker sends back or
 * streams after a command typed in the terminal, so the two never disagree.
 */
import type { LabTaskView, LabView } from '../../worker/protocol.ts';
import { renderMarkdown } from './markdown.ts';
import './lab-panel.css';

export interface LabPanelActions {
  check(task: string): Promise<LabView>;
  hint(task: string): Promise<LabView>;
  solution(): Promise<LabView>;
}

interface TaskElements {
  item: HTMLLIElement;
  mark: HTMLSpanElement;
  check: HTMLButtonElement;
  hint: HTMLButtonElement;
  result: HTMLDivElement;
  hints: HTMLDivElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** "Show hint (−10 points)", with a real minus sign; a free hint says so. */
export function hintButtonLabel(cost: number, first: boolean): string {
  const what = first ? 'Show hint' : 'Show next hint';
  return cost > 0 ? `${what} (−${cost} ${cost === 1 ? 'point' : 'points'})` : `${what} (free)`;
}

export class LabPanel {
  private readonly actions: LabPanelActions;
  private readonly title = el('h2', { class: 'kl-lab-title' });
  private readonly score = el('p', { class: 'kl-lab-score' });
  private readonly summary = el('p', { class: 'kl-lab-summary' });
  private readonly list = el('ol', { class: 'kl-lab-tasks' });
  private readonly solution = el('section', { class: 'kl-lab-solution', 'aria-label': 'Reference solution' });
  private readonly status = el('p', { class: 'kl-lab-status', role: 'status' });
  private tasks = new Map<string, TaskElements>();
  /** Lab id and task ids the task list was built for. */
  private shape = '';
  private view: LabView | undefined;
  private pending = false;

  constructor(root: HTMLElement, actions: LabPanelActions) {
    this.actions = actions;
    const titleId = `kl-lab-title-${Math.random().toString(36).slice(2, 8)}`;
    this.title.id = titleId;
    root.classList.add('kl-lab');
    root.setAttribute('role', 'region');
    root.setAttribute('aria-labelledby', titleId);
    this.title.textContent = 'Lab';
    this.status.textContent = 'Starting the lab…';
    const header = el('header', { class: 'kl-lab-header' });
    header.append(this.title, this.score);
    root.replaceChildren(header, this.summary, this.list, this.solution, this.status);
  }

  /** Renders the worker's view of the lab. */
  update(view: LabView): void {
    this.view = view;
    this.title.textContent = view.title;
    this.summary.textContent = view.summary;
    this.score.replaceChildren('Score ', el('strong', {}, `${view.score.earned}/${view.score.total}`));
    this.score.setAttribute('aria-label', `Score ${view.score.earned} of ${view.score.total} points`);
    const shape = JSON.stringify([view.id, view.tasks.map((t) => t.id)]);
    if (shape !== this.shape) this.build(view);
    for (const t of view.tasks) this.updateTask(t, this.tasks.get(t.id)!);
    this.updateSolution(view);
    if (this.status.textContent === 'Starting the lab…') this.status.textContent = '';
  }

  /** Shown when the terminal cannot answer (it restarts, or the action failed). */
  error(message: string): void {
    this.status.textContent = message;
  }

  private build(view: LabView): void {
    this.shape = JSON.stringify([view.id, view.tasks.map((t) => t.id)]);
    this.tasks.clear();
    this.list.replaceChildren();
    for (const [i, t] of view.tasks.entries()) {
      const item = el('li', { class: 'kl-lab-task', 'data-task': t.id });
      const heading = el('h3', { class: 'kl-lab-task-title' });
      const mark = el('span', { class: 'kl-lab-mark' });
      heading.append(mark, el('span', {}, `${i + 1}. ${t.title}`), el('span', { class: 'kl-lab-points' }, `${t.points} points`));
      const text = el('div', { class: 'kl-lab-text' });
      text.innerHTML = renderMarkdown(t.text, 4);
      const actions = el('div', { class: 'kl-lab-actions' });
      const check = el('button', { type: 'button', class: 'kl-lab-check', 'aria-label': `Check task ${i + 1}: ${t.title}` }, 'Check');
      check.addEventListener('click', () => void this.onCheck(t.id));
      const hint = el('button', { type: 'button', class: 'kl-lab-hint' });
      hint.addEventListener('click', () => void this.onHint(t.id));
      actions.append(check, hint);
      const result = el('div', { class: 'kl-lab-result', 'aria-live': 'polite' });
      const hints = el('div', { class: 'kl-lab-hints' });
      item.append(heading, text, actions, result, hints);
      this.list.append(item);
      this.tasks.set(t.id, { item, mark, check, hint, result, hints });
    }
  }

  private updateTask(t: LabTaskView, e: TaskElements): void {
    const state = t.passed ? 'passed' : t.result ? 'failed' : 'unchecked';
    e.item.dataset.state = state;
    e.mark.textContent = state === 'passed' ? '✓' : state === 'failed' ? '✗' : '·';
    e.mark.setAttribute('role', 'img');
    e.mark.setAttribute('aria-label', state === 'passed' ? 'passed' : state === 'failed' ? 'not passed yet' : 'not checked yet');

    const key = JSON.stringify(t.result ?? null);
    if (e.result.dataset.key !== key) {
      e.result.dataset.key = key;
      e.result.replaceChildren();
      if (t.result) {
        const passed = t.result.checks.filter((c) => c.passed).length;
        e.result.append(
          el('p', { class: 'kl-lab-verdict' }, t.result.passed ? `Passed: all ${t.result.checks.length} checks pass.` : `Not yet: ${passed} of ${t.result.checks.length} checks pass.`),
        );
        const ul = el('ul', { class: 'kl-lab-checks' });
        for (const c of t.result.checks) {
          const li = el('li', { class: 'kl-lab-checkline', 'data-passed': String(c.passed) });
          li.append(
            el('span', { class: 'kl-lab-mark', role: 'img', 'aria-label': c.passed ? 'pass' : 'fail' }, c.passed ? '✓' : '✗'),
            el('span', { class: 'kl-lab-check-name' }, c.name),
            el('span', { class: 'kl-lab-check-message' }, c.message),
          );
          ul.append(li);
        }
        e.result.append(ul);
      }
    }

    while (e.hints.children.length > t.hints.length) e.hints.lastElementChild!.remove();
    for (let i = e.hints.children.length; i < t.hints.length; i++) {
      const h = t.hints[i]!;
      const box = el('section', { class: 'kl-lab-hintbox', tabindex: '-1', 'aria-label': `Hint ${i + 1} of ${t.hintCount} for task “${t.title}”` });
      box.append(el('p', { class: 'kl-lab-hint-title' }, `Hint ${i + 1} of ${t.hintCount}${h.cost ? ` (−${h.cost} points)` : ''}`));
      const body = el('div', { class: 'kl-lab-text' });
      body.innerHTML = renderMarkdown(h.text, 4);
      box.append(body);
      e.hints.append(box);
    }
    if (t.nextHintCost === undefined) {
      e.hint.hidden = true;
    } else {
      e.hint.hidden = false;
      e.hint.textContent = hintButtonLabel(t.nextHintCost, t.hints.length === 0);
    }
  }

  private updateSolution(view: LabView): void {
    const key = JSON.stringify([view.solution ?? null, view.done, view.gaveUp]);
    if (this.solution.dataset.key === key) return;
    this.solution.dataset.key = key;
    this.solution.replaceChildren();
    if (view.solution !== undefined) {
      const heading = el('h3', { tabindex: '-1' }, view.done ? 'Every task passed. The reference solution' : 'The reference solution');
      const pre = el('pre', { class: 'kl-lab-code', tabindex: '0', 'aria-label': 'Reference solution script' });
      pre.append(el('code', {}, view.solution.trimEnd()));
      this.solution.append(heading, pre);
      return;
    }
    const giveUp = el('button', { type: 'button', class: 'kl-lab-giveup' }, 'Give up and show the solution');
    giveUp.addEventListener('click', () => void this.onGiveUp());
    this.solution.append(giveUp);
  }

  private async act(run: () => Promise<LabView>, busy: HTMLButtonElement | undefined, busyText: string): Promise<LabView | undefined> {
    if (this.pending) return undefined;
    this.pending = true;
    const label = busy?.textContent ?? '';
    if (busy) {
      busy.setAttribute('aria-disabled', 'true');
      busy.textContent = busyText;
    }
    try {
      const view = await run();
      this.status.textContent = '';
      this.update(view);
      return view;
    } catch (e) {
      this.error(`Could not reach the lab: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    } finally {
      this.pending = false;
      if (busy) {
        busy.removeAttribute('aria-disabled');
        if (busy.textContent === busyText) busy.textContent = label;
      }
    }
  }

  private async onCheck(task: string): Promise<void> {
    const e = this.tasks.get(task)!;
    // Clear the old result first, so a screen reader announces the new one even when it is the same.
    e.result.dataset.key = '';
    e.result.replaceChildren();
    const view = await this.act(() => this.actions.check(task), e.check, 'Checking…');
    if (!view) {
      const t = this.view?.tasks.find((x) => x.id === task);
      if (t) this.updateTask(t, e);
    }
  }

  private async onHint(task: string): Promise<void> {
    const e = this.tasks.get(task)!;
    const before = e.hints.children.length;
    const view = await this.act(() => this.actions.hint(task), e.hint, 'Revealing…');
    if (view && e.hints.children.length > before) (e.hints.lastElementChild as HTMLElement).focus();
  }

  private async onGiveUp(): Promise<void> {
    if (!window.confirm('Show the reference solution? You can still solve and check the tasks, but you will have seen the answer.')) return;
    const view = await this.act(() => this.actions.solution(), undefined, '');
    if (view) this.solution.querySelector<HTMLElement>('h3')?.focus();
  }
}
