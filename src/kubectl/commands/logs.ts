/**
 * kubectl logs: a container's output, with -c, --previous, --tail, --since, --timestamps,
 * --all-containers, -l, TYPE/NAME and -f (follow, while time passes)
 * (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseTime } from '../../sim/clock.ts';
import { readLogs, type LogOptions } from '../../sim/images/exec.ts';
import type { K8s } from '../../sim/apiserver/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, int, parseDuration, str } from '../flags.ts';
import { containerFor, podFor, type PodObj } from '../pod-picker.ts';
import { listTargets, resolveTypeOrThrow } from '../targets.ts';

/** How long `-f` follows at most before returning (cluster time). */
const FOLLOW_LIMIT_MS = 10 * 60_000;

function logOptions(inv: Invocation): LogOptions {
  const p = inv.parsed;
  const opts: LogOptions = { previous: bool(p, 'previous'), timestamps: bool(p, 'timestamps') };
  const tail = int(p, 'tail');
  if (tail !== undefined && tail >= 0) opts.tail = tail;
  const since = str(p, 'since');
  if (since) {
    const ms = parseDuration(since);
    if (ms === undefined) throw new KubectlError(`invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"`);
    opts.sinceMs = ms;
  }
  const sinceTime = str(p, 'since-time');
  if (sinceTime) {
    const t = parseTime(sinceTime);
    if (t === undefined) throw new KubectlError(`--since-time must be a valid RFC3339 timestamp`);
    opts.sinceTime = t;
  }
  if (since && sinceTime) throw new KubectlError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  const limit = int(p, 'limit-bytes');
  if (limit !== undefined && limit > 0) opts.limitBytes = limit;
  return opts;
}

function containersOf(pod: PodObj, all: boolean, chosen: string | undefined): string[] {
  if (!all) return [chosen ?? ''];
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
}

function isFinished(inv: Invocation, pod: PodObj, container: string): boolean {
  const cur = inv.cluster.api.tryGet<K8s<Pod>>('Pod', pod.metadata.namespace, pod.metadata.name!);
  if (!cur || cur.metadata.uid !== pod.metadata.uid) return true;
  const st = [...(cur.status?.containerStatuses ?? []), ...(cur.status?.initContainerStatuses ?? [])].find((s) => s.name === container);
  return Boolean(st?.state?.terminated) && (cur.spec?.restartPolicy === 'Never' || cur.status?.phase === 'Succeeded' || cur.status?.phase === 'Failed');
}

export const logs: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  long: "Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.",
  example: `# Return snapshot logs from pod nginx with only one container
kubectl logs nginx

# Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
kubectl logs nginx --prefix

# Return snapshot logs from pod nginx, limiting output to 500 bytes
kubectl logs nginx --limit-bytes=500

# Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
kubectl logs nginx --pod-running-timeout=20s

# Return snapshot logs from pod nginx with multi containers
kubectl logs nginx --all-containers=true

# Return snapshot logs from all pods in the deployment nginx
kubectl logs deployment/nginx --all-pods=true

# Return snapshot logs from all containers in pods defined by label app=nginx
kubectl logs -l app=nginx --all-containers=true

# Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
kubectl logs -l app=nginx --max-log-requests=10

# Return snapshot of previous terminated ruby container logs from pod web-1
kubectl logs -p -c ruby web-1

# Begin streaming the logs from pod nginx, continuing even if errors occur
kubectl logs nginx -f --ignore-errors=true

# Begin streaming the logs of the ruby container in pod web-1
kubectl logs -f -c ruby web-1

# Begin streaming the logs from all containers in pods defined by label app=nginx
kubectl logs -f -l app=nginx --all-containers=true

# Display only the most recent 20 lines of output in pod nginx
kubectl logs --tail=20 nginx

# Show all logs from pod nginx written in the last hour
kubectl logs --since=1h nginx

# Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true

# Show logs from a kubelet with an expired serving certificate
kubectl logs --insecure-skip-tls-verify-backend nginx

# Return snapshot logs from first container of a job named hello
kubectl logs job/hello

# Return snapshot logs from container nginx-1 of a deployment named nginx
kubectl logs deployment/nginx -c nginx-1`,
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', help: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', help: 'Specify if the logs should be streamed.' },
    { name: 'previous', short: 'p', type: 'bool', help: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'tail', type: 'int', default: -1, help: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'since', type: 'string', help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since-time', type: 'string', help: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'timestamps', type: 'bool', help: 'Include timestamps on each line in the log output' },
    { name: 'all-containers', type: 'bool', help: 'Get all containers\' logs in the pod(s).' },
    { name: 'prefix', type: 'bool', help: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.' },
    { name: 'limit-bytes', type: 'int', default: 0, help: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'max-log-requests', type: 'int', default: 5, help: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'ignore-errors', type: 'bool', help: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    { name: 'pod-running-timeout', type: 'string', default: '20s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  async run(inv) {
    const p = inv.parsed;
    const selector = str(p, 'selector');
    if (p.args.length === 0 && !selector) {
      throw new KubectlError(
        "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
      );
    }
    if (p.args.length > 0 && selector) throw new KubectlError('only a selector (-l) or a POD name is allowed');
    if (p.args.length > 2) throw new KubectlError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
    const opts = logOptions(inv);
    const all = bool(p, 'all-containers');
    let requested = str(p, 'container');
    if (p.args.length === 2) requested = p.args[1];
    if (all && requested) throw new KubectlError('--all-containers=true should not be specified with container name');

    let pods: PodObj[];
    if (selector) {
      if (!p.set.has('tail')) opts.tail = 10;
      pods = listTargets(inv, [resolveTypeOrThrow('pods')], selector) as PodObj[];
      if (pods.length === 0) {
        inv.io.err(`No resources found in ${inv.namespace} namespace.\n`);
        return 0;
      }
    } else {
      pods = [podFor(inv, p.args[0]!)];
    }
    const prefix = bool(p, 'prefix');
    const streams: { pod: PodObj; container: string | undefined; printed: number }[] = [];
    for (const pod of pods) {
      const chosen = all ? undefined : containerFor(inv, pod, requested);
      for (const c of containersOf(pod, all, chosen)) streams.push({ pod, container: c || undefined, printed: 0 });
    }
    const emit = (s: (typeof streams)[number], text: string) => {
      if (!text) return;
      const lines = text.split('\n').slice(0, -1);
      const tag = prefix ? `[pod/${s.pod.metadata.name}/${s.container}] ` : '';
      inv.io.out(lines.map((l) => `${tag}${l}\n`).join(''));
    };
    const full: LogOptions = { timestamps: opts.timestamps };
    for (const s of streams) {
      emit(s, readLogs(inv.cluster, s.pod, s.container, opts));
      if (!opts.previous) s.printed = readLogs(inv.cluster, s.pod, s.container, full).length;
    }
    if (!bool(p, 'follow') || opts.previous) return 0;
    const deadline = inv.cluster.clock.now() + FOLLOW_LIMIT_MS;
    for (;;) {
      const grew = () =>
        streams.some((s) => {
          try {
            return readLogs(inv.cluster, s.pod, s.container, full).length !== s.printed || isFinished(inv, s.pod, s.container ?? '');
          } catch {
            return true;
          }
        });
      const left = deadline - inv.cluster.clock.now();
      if (left <= 0) return 0;
      const changed = await inv.host.time.waitUntil(inv.cluster, grew, left, inv.io.signal);
      if (!changed || inv.io.signal?.aborted) return 0;
      let done = true;
      for (const s of streams) {
        let text = '';
        try {
          text = readLogs(inv.cluster, s.pod, s.container, full);
        } catch {
          continue;
        }
        emit(s, text.slice(s.printed));
        s.printed = text.length;
        if (!isFinished(inv, s.pod, s.container ?? '')) done = false;
      }
      if (done) return 0;
    }
  },
};
