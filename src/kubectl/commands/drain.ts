/**
 * kubectl drain NODE: cordons the node, then evicts its pods, refusing (unless told otherwise)
 * DaemonSet-managed pods, pods with emptyDir data and pods no controller would re-create
 * (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go, pkg/drain/filters.go).
 */
import type { KubeObject, Stored } from '../../sim/apiserver/types.ts';
import { controllerOf } from '../../sim/apiserver/types.ts';
import { dryRunOf, DRY_RUN_FLAG } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError, RawError } from '../errors.ts';
import { bool, int, parseDuration, str } from '../flags.ts';
import { nodesFromArgs, setUnschedulable } from '../node-schedulable.ts';

type Verdict = { kind: 'delete' } | { kind: 'skip' } | { kind: 'warn'; message: string } | { kind: 'error'; message: string };

const MSG_DAEMONSET_ERR = 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const MSG_DAEMONSET_WARN = 'ignoring DaemonSet-managed Pods';
const MSG_LOCAL_ERR = 'cannot delete Pods with local storage (use --delete-emptydir-data to override)';
const MSG_LOCAL_WARN = 'deleting Pods with local storage';
const MSG_UNMANAGED_ERR = 'cannot delete Pods that declare no controller (use --force to override)';
const MSG_UNMANAGED_WARN = 'deleting Pods that declare no controller';

function isFinished(pod: Stored<KubeObject>): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function isMirror(pod: Stored<KubeObject>): boolean {
  return Boolean(pod.metadata.annotations?.['kubernetes.io/config.mirror']);
}

function hasEmptyDir(pod: Stored<KubeObject>): boolean {
  return (pod.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir !== undefined);
}

/**
 * The filters of pkg/drain/filters.go, in their order (DaemonSet, mirror, local storage,
 * unreplicated); the first filter that keeps a pod from deletion ends the chain for that pod.
 */
function verdicts(pod: Stored<KubeObject>, opts: { ignoreDaemonSets: boolean; deleteEmptyDir: boolean; force: boolean }): Verdict[] {
  const out: Verdict[] = [];
  const owner = controllerOf(pod);
  if (owner?.kind === 'DaemonSet') {
    return [opts.ignoreDaemonSets ? { kind: 'warn', message: MSG_DAEMONSET_WARN } : { kind: 'error', message: MSG_DAEMONSET_ERR }];
  }
  if (isMirror(pod)) return [{ kind: 'skip' }];
  if (hasEmptyDir(pod) && !isFinished(pod)) {
    if (!opts.deleteEmptyDir) return [{ kind: 'error', message: MSG_LOCAL_ERR }];
    out.push({ kind: 'warn', message: MSG_LOCAL_WARN });
  }
  if (!owner && !isFinished(pod)) {
    if (!opts.force) return [{ kind: 'error', message: MSG_UNMANAGED_ERR }];
    out.push({ kind: 'warn', message: MSG_UNMANAGED_WARN });
  }
  return out.length ? out : [{ kind: 'delete' }];
}

/** Messages grouped with their pods, in filter order (upstream iterates a Go map: no fixed order). */
const MESSAGE_ORDER = [MSG_DAEMONSET_ERR, MSG_DAEMONSET_WARN, MSG_LOCAL_ERR, MSG_LOCAL_WARN, MSG_UNMANAGED_ERR, MSG_UNMANAGED_WARN];

function group(entries: { message: string; pod: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const e of entries) m.set(e.message, [...(m.get(e.message) ?? []), e.pod]);
  return new Map([...m].sort(([a], [b]) => MESSAGE_ORDER.indexOf(a) - MESSAGE_ORDER.indexOf(b)));
}

export const drain: KubectlCommand = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  long: "Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.\n\n 'drain' waits for graceful termination. You should not operate on the machine until the command completes.\n\n When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.\n\nhttps://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg",
  example: `# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
kubectl drain foo --force

# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
kubectl drain foo --grace-period=900`,
  usage: 'kubectl drain NODE [options]',
  flags: [
    { name: 'force', type: 'bool', help: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'ignore-daemonsets', type: 'bool', help: 'Ignore DaemonSet-managed pods.' },
    { name: 'delete-emptydir-data', type: 'bool', help: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'timeout', type: 'duration', default: '0s', help: 'The length of time to wait before giving up, zero means infinite' },
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on' },
    DRY_RUN_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    if (p.args.length === 0 && !str(p, 'selector')) throw new KubectlError('USAGE: drain NODE [flags]\nSee \'kubectl drain -h\' for help and examples');
    const dryRun = dryRunOf(inv);
    const opts = { ignoreDaemonSets: bool(p, 'ignore-daemonsets'), deleteEmptyDir: bool(p, 'delete-emptydir-data'), force: bool(p, 'force') };
    const grace = int(p, 'grace-period') ?? -1;
    const timeout = parseDuration(str(p, 'timeout') ?? '0s') ?? 0;
    const { api } = inv.cluster;
    for (const node of nodesFromArgs(inv, p.args, str(p, 'selector'))) {
      const nodeName = node.metadata.name!;
      setUnschedulable(inv, node, true, dryRun);
      const pods = api.list('Pod', { fieldSelector: [{ field: 'spec.nodeName', op: '=', value: nodeName }] });
      const errors: { message: string; pod: string }[] = [];
      const warnings: { message: string; pod: string }[] = [];
      const toEvict: Stored<KubeObject>[] = [];
      for (const pod of pods) {
        const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
        const vs = verdicts(pod, opts);
        if (vs.some((v) => v.kind === 'skip')) continue;
        for (const v of vs) {
          if (v.kind === 'error') errors.push({ message: v.message, pod: ref });
          if (v.kind === 'warn') warnings.push({ message: v.message, pod: ref });
        }
        if (!vs.some((v) => v.kind === 'error') && !vs.some((v) => v.kind === 'warn' && v.message === MSG_DAEMONSET_WARN)) toEvict.push(pod);
      }
      if (errors.length) {
        const lines = [...group(errors)].map(([m, ps]) => `${m}: ${ps.join(', ')}`);
        inv.io.err(`error: unable to drain node "${nodeName}", aborting command...\n\nThere are pending nodes to be drained:\n ${nodeName}\n`);
        throw new RawError(lines.length === 1 ? `error: ${lines[0]}\n` : lines.map((l) => l + '\n').join(''));
      }
      const warned = [...group(warnings)].map(([m, ps]) => `${m}: ${ps.join(', ')}`);
      if (warned.length) inv.io.err(`Warning: ${warned.join('; ')}\n`);
      if (dryRun === 'client') {
        for (const pod of toEvict) inv.io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
        inv.io.out(`node/${nodeName} drained (dry run)\n`);
        continue;
      }
      const pending = new Map<string, Stored<KubeObject>>();
      for (const pod of toEvict) {
        inv.io.err(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
        api.delete('Pod', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: grace >= 0 ? grace : undefined });
        pending.set(pod.metadata.uid!, pod);
      }
      const isGone = (pod: Stored<KubeObject>) => api.tryGet('Pod', pod.metadata.namespace, pod.metadata.name!)?.metadata.uid !== pod.metadata.uid;
      const limit = timeout > 0 ? timeout : 168 * 3600_000;
      const deadline = inv.cluster.clock.now() + limit;
      while (pending.size) {
        const ok = await inv.host.time.waitUntil(inv.cluster, () => [...pending.values()].some(isGone), deadline - inv.cluster.clock.now(), inv.io.signal);
        if (!ok) {
          throw new KubectlError(`drain did not complete within ${str(p, 'timeout')}`);
        }
        for (const [uid, pod] of [...pending]) {
          if (!isGone(pod)) continue;
          inv.io.out(`pod/${pod.metadata.name} evicted\n`);
          pending.delete(uid);
        }
      }
      inv.io.out(`node/${nodeName} drained\n`);
    }
    return 0;
  },
};
