/**
 * Objects for describe goldens, shaped as the API server and controllers store them, behind a
 * read-only API that answers the lists describers make (pods, events, replica sets, slices).
 */
import { describerFor } from '../../../src/kubectl/describe/index.ts';
import { matchesSelector, type Selector } from '../../../src/sim/apiserver/selectors.ts';
import type { KubeObject, Stored } from '../../../src/sim/apiserver/types.ts';
import type { Cluster } from '../../../src/sim/cluster.ts';
import { EPOCH_MS } from '../../../src/sim/clock.ts';

export const NOW = EPOCH_MS + 10 * 60_000;

export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function fakeCluster(objects: KubeObject[]): Cluster {
  const api = {
    list(kind: string, opts: { namespace?: string; labelSelector?: Selector } = {}) {
      return objects.filter(
        (o) =>
          o.kind === kind &&
          (opts.namespace === undefined || o.metadata.namespace === opts.namespace) &&
          (!opts.labelSelector || matchesSelector(opts.labelSelector, o.metadata.labels)),
      );
    },
    tryGet(kind: string, namespace: string | undefined, name: string) {
      return objects.find((o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));
    },
  };
  return { api, clock: { now: () => NOW } } as unknown as Cluster;
}

/** `kubectl describe` text for `target`, with `others` (pods, events…) in the cluster. */
export function describeText(target: KubeObject, others: KubeObject[] = []): string {
  const cluster = fakeCluster([target, ...others]);
  return describerFor(target.kind).describe(target as Stored, { cluster, now: NOW, showEvents: true });
}

export function event(obj: KubeObject, reason: string, message: string, opts: { type?: string; component: string; host?: string; first: number; last?: number; count?: number }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${obj.metadata.name}.${reason}`, namespace: obj.metadata.namespace ?? 'default' },
    involvedObject: { kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, apiVersion: obj.apiVersion },
    reason,
    message,
    source: opts.host ? { component: opts.component, host: opts.host } : { component: opts.component },
    firstTimestamp: ago(opts.first),
    lastTimestamp: ago(opts.last ?? opts.first),
    count: opts.count ?? 1,
    type: opts.type ?? 'Normal',
    eventTime: null,
    reportingComponent: opts.component,
    reportingInstance: opts.host ?? '',
  };
}
