/**
 * The cluster view beside a terminal: nodes as boxes (Ready, NotReady, cordoned, tainted; a lost
 * node greyed), the pods on each coloured by phase and marked by the controller that owns them,
 * pods not yet scheduled, the controllers with their pods, claims linked to volumes, and the latest
 * "why" lines from the controllers. Redrawn from the worker's summaries; every box is focusable and
 * a plain-text summary is available for screen readers.
 */
import type { ClusterSummary, PodSummary } from '../../worker/cluster-summary.ts';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A stable small colour index for an owner, so a controller's pods share a marker colour. */
function ownerHue(owner: string): number {
  let h = 0;
  for (let i = 0; i < owner.length; i++) h = (h * 31 + owner.charCodeAt(i)) >>> 0;
  return h % 8;
}

function podLabel(p: PodSummary): string {
  return `${p.name}, ${p.status}${p.ready ? ', ready' : ''}${p.owner ? `, owned by ${p.owner}` : ''}`;
}

function podChip(p: PodSummary): string {
  const owner = p.owner ? ` data-owner="${ownerHue(p.owner)}"` : '';
  return `<li class="kl-pod" data-key="pod/${esc(p.namespace)}/${esc(p.name)}" data-phase="${esc(p.phase)}" data-status="${esc(p.status)}"${owner} tabindex="0" aria-label="${esc(podLabel(p))}" title="${esc(podLabel(p))}">${esc(p.name)}</li>`;
}

function nodeState(n: ClusterSummary['nodes'][number]): string {
  const parts: string[] = [n.lost ? 'lost' : n.health];
  if (n.cordoned) parts.push('SchedulingDisabled');
  if (n.roles.length) parts.push(n.roles.join(','));
  return parts.join(' · ');
}

/** A plain-text account of the summary, line by line. */
export function describeCluster(s: ClusterSummary): string[] {
  const lines: string[] = [];
  for (const n of s.nodes) {
    const pods = s.pods.filter((p) => p.node === n.name);
    const taints = n.taints.length ? `, taints ${n.taints.join(' ')}` : '';
    lines.push(
      `Node ${n.name} (${nodeState(n)}${taints}): ${pods.length ? pods.map((p) => `${p.name} ${p.status}`).join(', ') : 'no pods'}`,
    );
  }
  const pending = s.pods.filter((p) => !p.node);
  if (pending.length) lines.push(`Not scheduled: ${pending.map((p) => `${p.name} ${p.status}`).join(', ')}`);
  for (const c of s.controllers) {
    const pods = s.pods.filter((p) => p.owner === c.ref).map((p) => p.name);
    const count = c.desired !== null ? ` ${c.ready ?? 0}/${c.desired} ready` : '';
    lines.push(`${c.kind} ${c.name}${count}: ${pods.length ? pods.join(', ') : 'no pods'}`);
  }
  for (const c of s.claims) lines.push(`Claim ${c.name} ${c.phase}${c.volume ? ` → volume ${c.volume}` : ''}`);
  for (const v of s.volumes.filter((v) => !v.claim)) lines.push(`Volume ${v.name} ${v.phase}, unclaimed`);
  return lines;
}

/** The summary without its clock: what the drawing depends on. */
function drawnPart(s: ClusterSummary): string {
  return JSON.stringify({ ...s, time: 0 });
}

export class ClusterView {
  private last: ClusterSummary | undefined;
  /** What the view shows now (drawnPart), so a summary that changes only the time redraws nothing. */
  private drawn = '';
  private frame = 0;

  constructor(private readonly root: HTMLElement) {
    root.classList.add('kl-cluster');
  }

  /**
   * Takes the newest summary and redraws at the next animation frame, once however many arrive,
   * so that redrawing never competes with the terminal writing a command's output.
   */
  update(s: ClusterSummary): void {
    this.last = s;
    if (this.root.hidden || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.redrawIfChanged();
    });
  }

  /** Redraws (when the view is shown again). */
  refresh(): void {
    this.drawn = '';
    this.redrawIfChanged();
  }

  private redrawIfChanged(): void {
    if (!this.last || this.root.hidden) return;
    const part = drawnPart(this.last);
    if (part === this.drawn) return;
    this.drawn = part;
    this.render();
  }

  private render(): void {
    const s = this.last!;
    const openDetails = new Set(
      [...this.root.querySelectorAll('details[open]')].map((d) => d.className),
    );
    const focused = (document.activeElement as HTMLElement | null)?.closest?.('[data-key]')?.getAttribute('data-key');
    const nodes = s.nodes
      .map((n) => {
        const pods = s.pods.filter((p) => p.node === n.name).sort((a, b) => (a.owner ?? '').localeCompare(b.owner ?? ''));
        const label = `Node ${n.name}, ${nodeState(n)}${n.taints.length ? ', tainted' : ''}, ${pods.length} pods`;
        return `<article class="kl-node" data-key="node/${esc(n.name)}" data-health="${n.health}"${n.cordoned ? ' data-cordoned' : ''}${n.lost ? ' data-lost' : ''}${n.taints.length ? ' data-tainted' : ''} tabindex="0" aria-label="${esc(label)}">
  <header><span class="kl-node-name">${esc(n.name)}</span> <span class="kl-node-state">${esc(nodeState(n))}</span></header>
  ${n.taints.length ? `<p class="kl-taints">${n.taints.map(esc).join('<br>')}</p>` : ''}
  <ul class="kl-pods">${pods.map(podChip).join('')}</ul>
</article>`;
      })
      .join('');
    const pending = s.pods.filter((p) => !p.node);
    const controllers = s.controllers
      .map((c) => {
        const pods = s.pods.filter((p) => p.owner === c.ref);
        const count = c.desired !== null ? `${c.ready ?? 0}/${c.desired}` : '';
        return `<li data-key="ctl/${esc(c.ref)}" tabindex="0" data-owner="${ownerHue(c.ref)}" aria-label="${esc(`${c.kind} ${c.name}, ${count} ready, pods ${pods.map((p) => p.name).join(' ') || 'none'}`)}"><span class="kl-owner-mark"></span>${esc(c.kind)} <strong>${esc(c.name)}</strong> ${esc(count)} <span class="kl-ctl-pods">${pods.map((p) => esc(p.name)).join(' ')}</span></li>`;
      })
      .join('');
    const storage = [
      ...s.claims.map(
        (c) =>
          `<li data-key="pvc/${esc(c.namespace)}/${esc(c.name)}" tabindex="0">PVC <strong>${esc(c.name)}</strong> <span data-phase="${esc(c.phase)}">${esc(c.phase)}</span>${c.volume ? ` → PV <strong>${esc(c.volume)}</strong>` : ''}</li>`,
      ),
      ...s.volumes
        .filter((v) => !v.claim)
        .map((v) => `<li data-key="pv/${esc(v.name)}" tabindex="0">PV <strong>${esc(v.name)}</strong> ${esc(v.phase)}</li>`),
    ].join('');
    this.root.innerHTML = `<div class="kl-nodes">${nodes}</div>
${pending.length ? `<div class="kl-pending" data-key="pending" tabindex="0"><h4>Not scheduled</h4><ul class="kl-pods">${pending.map(podChip).join('')}</ul></div>` : ''}
${controllers ? `<h4>Controllers</h4><ul class="kl-controllers">${controllers}</ul>` : ''}
${storage ? `<h4>Storage</h4><ul class="kl-storage">${storage}</ul>` : ''}
${s.explanations.length ? `<details class="kl-why"${openDetails.has('kl-why') ? ' open' : ''}><summary>Why the controllers acted</summary><ul>${s.explanations.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></details>` : ''}
<details class="kl-text-alt"${openDetails.has('kl-text-alt') ? ' open' : ''}><summary>Text summary</summary><ul>${describeCluster(s).map((l) => `<li>${esc(l)}</li>`).join('')}</ul></details>`;
    if (focused) (this.root.querySelector(`[data-key="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus();
  }
}
