/**
 * Builds objects shaped as the API server stores them and renders them through kubectl's output
 * path (`printFormatted`) with a fixed virtual now, so printer goldens do not depend on controllers.
 */
import type { Invocation } from '../../../src/kubectl/command.ts';
import { parseFlags } from '../../../src/kubectl/flags.ts';
import { OUTPUT_FLAGS, parseOutputNow, printFormatted } from '../../../src/kubectl/output.ts';
import type { KubeObject, Stored } from '../../../src/sim/apiserver/types.ts';
import type { Cluster } from '../../../src/sim/cluster.ts';
import { EPOCH_MS } from '../../../src/sim/clock.ts';

/** Ten minutes after the cluster epoch. */
export const NOW = EPOCH_MS + 10 * 60_000;

/** RFC 3339 for `secondsAgo` before NOW. */
export function ago(secondsAgo: number): string {
  return new Date(NOW - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');
}

const EXTRA = [
  { name: 'all-namespaces', short: 'A', type: 'bool' as const, help: '' },
];

/** Renders objects as `kubectl get` would with these flags (e.g. `-o wide -A --show-labels`). */
export function render(objects: KubeObject[], argv: string[] = [], opts: { withKind?: boolean } = {}): string {
  const parsed = parseFlags(argv, [...OUTPUT_FLAGS, ...EXTRA]);
  let out = '';
  const inv = {
    verb: 'get',
    parsed,
    io: { stdin: '', out: (s: string) => (out += s), err: (s: string) => (out += s) },
    cluster: { clock: { now: () => NOW } } as unknown as Cluster,
    namespace: 'default',
    namespaceExplicit: false,
  } as unknown as Invocation;
  const format = parseOutputNow(inv, parsed.flags.get('output') as string | undefined);
  printFormatted(inv, objects as Stored[], format, {
    allNamespaces: parsed.flags.get('all-namespaces') === true,
    withKind: opts.withKind,
    singleItem: false,
  });
  return out;
}

export function meta(name: string, secondsAgo: number, extra: Record<string, unknown> = {}): KubeObject['metadata'] {
  return { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: ago(secondsAgo), ...extra };
}

export function pod(name: string, secondsAgo: number, status: Record<string, unknown>, spec: Record<string, unknown> = {}, extraMeta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, secondsAgo, extraMeta),
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
    status,
  };
}

export const running = (name = 'app', ready = true, restartCount = 0) => ({
  name,
  ready,
  restartCount,
  state: { running: { startedAt: ago(100) } },
});
