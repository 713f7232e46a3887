/**
 * `cluster`: the simulator's own controls, next to kubectl. Nodes going down or being lost,
 * volumes losing their data, virtual time, a reset to the starting state, and the controllers'
 * explanation log ("why did the cluster do that?"). Not a real-cluster command, so its texts are
 * our own.
 */
import { defineCommand, type Command } from 'just-bash';
import { resolveResource } from '../../sim/apiserver/resources.ts';
import type { Stored } from '../../sim/apiserver/types.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { toRFC3339 } from '../../sim/clock.ts';
import { nodeKubeletState } from '../../sim/faults.ts';
import type { ShellServices } from '../services.ts';

export const CLUSTER_HELP = `cluster: control the simulated cluster (kubectl talks to it like a real one)

  cluster nodes                  list the nodes, their readiness and whether their kubelet runs
  cluster node down NODE         stop the node's kubelet (heartbeats stop; NotReady after 50s)
  cluster node up NODE           start the node's kubelet again
  cluster node lose NODE         the machine is gone for good (it never comes back)
  cluster volume wipe PV         the PersistentVolume's data is lost (a failed disk)
  cluster time                   show the cluster's clock
  cluster advance DURATION       let time pass at once, e.g. 30s, 5m, 1h30m
  cluster explain [TYPE/NAME]    why the controllers acted (or waited), newest last
  cluster reset                  put the cluster back in its starting state
  cluster help                   this text
`;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `90`, `30s`, `5m`, `1h30m`, `1.5h` into ms; undefined when invalid. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let pos = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    pos = re.lastIndex;
  }
  if (pos !== text.length || text.length === 0) return undefined;
  return Math.round(total);
}

/** `1h5m3s`-style text for a duration. */
export function formatDuration(ms: number): string {
  let s = Math.round(ms / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const out = `${d ? d + 'd' : ''}${h ? h + 'h' : ''}${m ? m + 'm' : ''}${s ? s + 's' : ''}`;
  return out || '0s';
}

function isNodeReady(node: Stored): boolean {
  const conditions = (node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function nodeTable(cluster: Cluster): string {
  const rows = [['NAME', 'READY', 'KUBELET', 'ROLES']];
  for (const n of cluster.api.list('Node')) {
    const labels = n.metadata.labels ?? {};
    const roles = Object.keys(labels)
      .filter((k) => k.startsWith('node-role.kubernetes.io/'))
      .map((k) => k.slice('node-role.kubernetes.io/'.length))
      .join(',');
    const kubelet = nodeKubeletState(cluster.runtime, n.metadata.name);
    rows.push([n.metadata.name!, isNodeReady(n) ? 'yes' : 'no', kubelet === 'down' ? 'stopped' : kubelet, roles || '-']);
  }
  return table(rows);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd() + '\n').join('');
}

interface Result {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const ok = (stdout: string): Result => ({ stdout, stderr: '', exitCode: 0 });
const fail = (message: string): Result => ({ stdout: '', stderr: `cluster: ${message}\n`, exitCode: 1 });

function nodeCommand(cluster: Cluster, action: string | undefined, name: string | undefined): Result {
  if (!action || !['down', 'up', 'lose'].includes(action)) return fail('usage: cluster node down|up|lose NODE');
  if (!name) return fail(`usage: cluster node ${action} NODE`);
  const node = cluster.api.tryGet('Node', undefined, name);
  if (!node) {
    const names = cluster.api.list('Node').map((n) => n.metadata.name).join(', ');
    return fail(`no node named "${name}" (nodes: ${names})`);
  }
  const state = nodeKubeletState(cluster.runtime, name);
  try {
    if (action === 'down') {
      if (state !== 'running') return fail(`the kubelet on ${name} is already ${state === 'down' ? 'stopped' : 'lost'}`);
      cluster.faults.nodeDown(name);
      return ok(`kubelet on ${name} stopped: no more heartbeats; the node turns NotReady after ${formatDuration(cluster.timings.nodeMonitorGraceMs)}\n`);
    }
    if (action === 'up') {
      if (state === 'running') return fail(`the kubelet on ${name} is already running`);
      cluster.faults.nodeUp(name);
      return ok(`kubelet on ${name} started again\n`);
    }
    if (state === 'lost') return fail(`${name} is already lost`);
    cluster.faults.nodeLost(name);
    return ok(`${name} is lost for good: its kubelet will never report again\n`);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}

function explain(cluster: Cluster, target: string | undefined): Result {
  let filter: { kind?: string; name?: string } | undefined;
  if (target) {
    const slash = target.indexOf('/');
    if (slash <= 0 || slash === target.length - 1) return fail('usage: cluster explain [TYPE/NAME], e.g. cluster explain sts/web');
    const type = resolveResource(target.slice(0, slash));
    if (!type) return fail(`unknown resource type "${target.slice(0, slash)}"`);
    filter = { kind: type.kind, name: target.slice(slash + 1) };
  }
  const entries = cluster.explanations.list(filter);
  if (entries.length === 0) {
    return ok(target ? `no explanations recorded for ${target}\n` : 'no explanations recorded yet\n');
  }
  const lines = entries.map((e) => {
    const obj = `${e.object.kind.toLowerCase()}/${e.object.namespace ? e.object.namespace + '/' : ''}${e.object.name}`;
    return `${toRFC3339(e.time)}  ${e.controller}  ${obj}: ${e.message}\n`;
  });
  return ok(lines.join(''));
}

export function clusterCommand(s: ShellServices): Command {
  return defineCommand('cluster', async (args) => {
    const [sub, ...rest] = args;
    const cluster = s.current();
    switch (sub) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return ok(CLUSTER_HELP);
      case 'nodes':
        return ok(nodeTable(cluster));
      case 'node':
        return nodeCommand(cluster, rest[0], rest[1]);
      case 'volume': {
        if (rest[0] !== 'wipe' || !rest[1]) return fail('usage: cluster volume wipe PV');
        try {
          cluster.faults.deleteVolumeData(rest[1]);
        } catch (e) {
          return fail(e instanceof Error ? e.message : String(e));
        }
        return ok(`every file on persistentvolume ${rest[1]} is gone\n`);
      }
      case 'time': {
        const now = cluster.clock.now();
        const born = s.initialSnapshot(cluster).clock.now;
        return ok(`${toRFC3339(now)} (${formatDuration(now - born)} since the cluster was created)\n`);
      }
      case 'advance': {
        const ms = rest[0] === undefined ? undefined : parseDuration(rest[0]);
        if (ms === undefined) return fail('usage: cluster advance DURATION, e.g. cluster advance 5m');
        cluster.advance(ms);
        return ok(`advanced ${formatDuration(ms)}; the cluster's clock reads ${toRFC3339(cluster.clock.now())}\n`);
      }
      case 'explain':
        return explain(cluster, rest[0]);
      case 'reset':
        cluster.restore(s.initialSnapshot(cluster));
        return ok('the cluster is back in its starting state\n');
      default:
        return fail(`unknown subcommand "${sub}"; see cluster help`);
    }
  });
}
