/**
 * kubectl rollout status: prints the rollout's progress on every change of the object until it
 * is done, using the status viewers of polymorphichelpers/rollout_status.go word for word.
 * Waiting lets (virtual or real) time pass through the host's TimeDriver.
 */
import type { KubeObject, Stored } from '../../../sim/apiserver/types.ts';
import type { KubectlCommand } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { fileFlags } from '../../file-flags.ts';
import { bool, int, parseDuration, str } from '../../flags.ts';
import { aggregate } from '../../submit.ts';
import { rolloutObjects, SELECTOR_FLAGS } from './resources.ts';

export interface RolloutStatus {
  message: string;
  done: boolean;
}

/** How long `--timeout=0` (wait forever) may let virtual time run before giving up. */
const FOREVER_MS = 7 * 24 * 3600_000;

/** The status viewer of each kind; throws the viewer's error (e.g. an exceeded deadline). */
export function rolloutStatus(obj: Stored<KubeObject>, revision: number): RolloutStatus {
  const name = JSON.stringify(obj.metadata.name);
  const spec = obj.spec ?? {};
  const st = obj.status ?? {};
  const generation = obj.metadata.generation ?? 0;
  switch (obj.kind) {
    case 'Deployment': {
      if (revision > 0) {
        const rev = Number(obj.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
        if (rev !== revision) throw new KubectlError(`desired revision (${revision}) is different from the running revision (${rev})`);
      }
      if (generation <= (st.observedGeneration ?? 0)) {
        const cond = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
        if (cond?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment ${name} exceeded its progress deadline`);
        const replicas = spec.replicas ?? 1;
        const updated = st.updatedReplicas ?? 0;
        if (updated < replicas) return { message: `Waiting for deployment ${name} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
        if ((st.replicas ?? 0) > updated) return { message: `Waiting for deployment ${name} rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
        if ((st.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment ${name} rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
        return { message: `deployment ${name} successfully rolled out\n`, done: true };
      }
      return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
    }
    case 'DaemonSet': {
      if ((spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
      if (generation <= (st.observedGeneration ?? 0)) {
        const desired = st.desiredNumberScheduled ?? 0;
        if ((st.updatedNumberScheduled ?? 0) < desired) return { message: `Waiting for daemon set ${name} rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
        if ((st.numberAvailable ?? 0) < desired) return { message: `Waiting for daemon set ${name} rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
        return { message: `daemon set ${name} successfully rolled out\n`, done: true };
      }
      return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
    }
    case 'StatefulSet': {
      if ((spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
      if (!st.observedGeneration || generation > st.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
      // rollout_status.go StatefulSetStatusViewer: the API server defaults rollingUpdate.partition
      // to 0, so a RollingUpdate set always takes the partitioned branch and is done only when
      // spec.replicas - partition pods are ready and updated (terminating pods count neither).
      const replicas: number | undefined = spec.replicas;
      const ready = st.readyReplicas ?? 0;
      if (replicas !== undefined && ready < replicas) return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
      const rollingUpdate = spec.updateStrategy?.rollingUpdate;
      if (rollingUpdate) {
        const updated = st.updatedReplicas ?? 0;
        const partition: number | undefined = rollingUpdate.partition;
        if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
          return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`, done: false };
        }
        return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
      }
      if (st.updateRevision !== st.currentRevision) {
        return { message: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
      }
      return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
    }
    default:
      throw new KubectlError(`no status viewer has been implemented for ${obj.kind}`);
  }
}

export const status: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
  example: `# Watch the rollout status of a deployment
kubectl rollout status deployment/nginx`,
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    ...fileFlags('identifying the resource to get from a server.'),
    ...SELECTOR_FLAGS,
    { name: 'watch', short: 'w', type: 'bool', default: true, help: 'Watch the status of the rollout until it\'s done.' },
    { name: 'revision', type: 'int', default: 0, help: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', type: 'duration', default: '0s', help: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  ],
  async run(inv) {
    const p = inv.parsed;
    const revision = int(p, 'revision') ?? 0;
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    const timeoutText = str(p, 'timeout') ?? '0s';
    const timeout = parseDuration(timeoutText);
    if (timeout === undefined) throw new KubectlError(`invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);
    const errors: unknown[] = [];
    const objects = await rolloutObjects(inv, errors);
    if (errors.length) throw aggregate(inv, errors);
    if (objects.length !== 1) {
      throw new KubectlError(`rollout status is only supported on individual resources and resource collections, but ${objects.length} resources were found`);
    }
    const obj = objects[0]!;
    const first = rolloutStatus(obj, revision);
    inv.io.out(first.message);
    if (first.done || !bool(p, 'watch')) return 0;

    const api = inv.cluster.api;
    let finished = false;
    let failure: unknown;
    const unwatch = api.watch((ev) => {
      if (finished || ev.object.metadata.uid !== obj.metadata.uid) return;
      if (ev.type === 'DELETED') {
        failure = new KubectlError('object has been deleted');
        finished = true;
        return;
      }
      try {
        const s = rolloutStatus(ev.object as Stored<KubeObject>, revision);
        inv.io.out(s.message);
        if (s.done) finished = true;
      } catch (e) {
        failure = e;
        finished = true;
      }
    });
    try {
      const ok = await inv.host.time.waitUntil(inv.cluster, () => finished, timeout === 0 ? FOREVER_MS : timeout, inv.io.signal);
      if (failure) throw failure;
      if (!ok) throw new KubectlError('timed out waiting for the condition');
    } finally {
      unwatch();
    }
    return 0;
  },
};
