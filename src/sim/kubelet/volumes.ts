/**
 * Whether a pod's volumes can be mounted on its node yet — the kubelet's volume manager
 * (pkg/kubelet/volumemanager) reduced to a predicate. The kubelet asks before it creates the
 * pod's containers; until every volume is ready the pod stays ContainerCreating.
 *
 * - ConfigMap and Secret volumes (and projected sources) need their object, and every key named
 *   in `items`, unless marked optional.
 * - A claim must exist, not be terminating, and be Bound; a bound volume with node affinity must
 *   allow this node; a CSI volume must have been attached to this node by the attach/detach
 *   controller (`node.status.volumesAttached`).
 * - hostPath volumes are type-checked against the node's files; `DirectoryOrCreate` and
 *   `FileOrCreate` create what is missing (only when a runtime is given).
 */
import type { Pod, Volume } from 'kubernetes-types/core/v1';
import type { Store } from '../apiserver/store.ts';
import type { K8s, Stored } from '../apiserver/types.ts';
import type { Runtime } from '../runtime.ts';
import { parseQuantity } from '../apiserver/quantity.ts';
import { claimNameOf } from '../storage/ephemeral.ts';
import { isNodeAffinityMatch } from '../storage/pv-match.ts';
import { hostPathCheck } from '../storage/host-path.ts';
import { isAttachable, uniqueVolumeName, type PV } from '../storage/volume-identity.ts';

export interface VolumeWait {
  /** Event reason the kubelet records while waiting (FailedMount). */
  reason: string;
  /** The specific failure, recorded as it happens (e.g. `MountVolume.SetUp failed for volume …`). */
  message: string;
  /**
   * What the kubelet records when its wait for attach and mount times out (every ~2 min):
   * `Unable to attach or mount volumes: unmounted volumes=[…], unattached volumes=[…], …`.
   */
  timeoutMessage: string;
}

interface Problem {
  volume: string;
  /** Needs attaching and is not attached yet. */
  unattached: boolean;
  /** Not processable yet (claim missing, terminating or unbound). */
  unprocessed?: boolean;
  message?: string;
}

/** Returns undefined when every volume is ready to mount, or what the pod waits for. */
export function podVolumesWait(api: Store, pod: Stored<K8s<Pod>>, runtime?: Runtime): VolumeWait | undefined {
  const problems: Problem[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const p = volumeProblem(api, pod, v, runtime);
    if (p) problems.push(p);
  }
  if (problems.length === 0) return undefined;
  const unmounted = problems.map((p) => p.volume).sort();
  const unattached = problems.filter((p) => p.unattached).map((p) => p.volume).sort();
  const unprocessed = problems.filter((p) => p.unprocessed).map((p) => p.volume).sort();
  const timeoutMessage = `Unable to attach or mount volumes: unmounted volumes=[${unmounted.join(' ')}], unattached volumes=[${unattached.join(' ')}], failed to process volumes=[${unprocessed.join(' ')}]: timed out waiting for the condition`;
  const first = problems.find((p) => p.message);
  return { reason: 'FailedMount', message: first?.message ?? timeoutMessage, timeoutMessage };
}

function setUpFailed(volume: string, why: string): string {
  return `MountVolume.SetUp failed for volume "${volume}" : ${why}`;
}

function volumeProblem(api: Store, pod: Stored<K8s<Pod>>, v: Volume, runtime: Runtime | undefined): Problem | undefined {
  const ns = pod.metadata.namespace;
  const fail = (why: string): Problem => ({ volume: v.name, unattached: false, message: setUpFailed(v.name, why) });
  if (v.configMap) {
    const why = configMapProblem(api, ns, v.configMap.name ?? '', v.configMap.items, v.configMap.optional);
    return why ? fail(why) : undefined;
  }
  if (v.secret) {
    const why = secretProblem(api, ns, v.secret.secretName ?? '', v.secret.items, v.secret.optional);
    return why ? fail(why) : undefined;
  }
  if (v.projected) {
    for (const s of v.projected.sources ?? []) {
      const why = s.configMap
        ? configMapProblem(api, ns, s.configMap.name ?? '', s.configMap.items, s.configMap.optional)
        : s.secret
          ? secretProblem(api, ns, s.secret.name ?? '', s.secret.items, s.secret.optional)
          : undefined;
      if (why) return fail(why);
    }
    return undefined;
  }
  if (v.hostPath) {
    const node = pod.spec?.nodeName;
    if (!runtime || !node) return undefined;
    const why = hostPathCheck(runtime, node, v.hostPath.path, v.hostPath.type ?? '');
    return why ? fail(why) : undefined;
  }
  if (v.persistentVolumeClaim || v.ephemeral) return claimProblem(api, pod, v, runtime);
  return undefined;
}

function configMapProblem(
  api: Store,
  ns: string | undefined,
  name: string,
  items: readonly { key: string }[] | undefined,
  optional: boolean | undefined,
): string | undefined {
  const cm = api.tryGet('ConfigMap', ns, name);
  if (!cm) return optional ? undefined : `configmap "${name}" not found`;
  for (const it of items ?? []) {
    if (!(it.key in (cm.data ?? {})) && !(it.key in (cm.binaryData ?? {})) && !optional) {
      return `configmap references non-existent config key: ${it.key}`;
    }
  }
  return undefined;
}

function secretProblem(
  api: Store,
  ns: string | undefined,
  name: string,
  items: readonly { key: string }[] | undefined,
  optional: boolean | undefined,
): string | undefined {
  const s = api.tryGet('Secret', ns, name);
  if (!s) return optional ? undefined : `secret "${name}" not found`;
  for (const it of items ?? []) {
    if (!(it.key in (s.data ?? {})) && !optional) return `references non-existent secret key: ${it.key}`;
  }
  return undefined;
}

function claimProblem(api: Store, pod: Stored<K8s<Pod>>, v: Volume, runtime: Runtime | undefined): Problem | undefined {
  const ns = pod.metadata.namespace;
  const claimName = claimNameOf(pod.metadata.name!, v)!;
  // The desired-state populator cannot process the volume yet: it is not even waiting to attach.
  const unprocessed: Problem = { volume: v.name, unattached: false, unprocessed: true };
  const claim = api.tryGet('PersistentVolumeClaim', ns, claimName);
  if (!claim || claim.metadata.deletionTimestamp) return unprocessed;
  if (claim.status?.phase !== 'Bound' || !claim.spec?.volumeName) return unprocessed;
  const pv = api.tryGet('PersistentVolume', undefined, claim.spec.volumeName) as PV | undefined;
  if (!pv) return unprocessed;
  const nodeName = pod.spec?.nodeName;
  const node = nodeName ? api.tryGet('Node', undefined, nodeName) : undefined;
  if (!isNodeAffinityMatch(pv, node)) {
    return {
      volume: v.name,
      unattached: false,
      message: `MountVolume.NodeAffinity check failed for volume "${pv.metadata.name}" : no matching NodeSelectorTerms`,
    };
  }
  if (isAttachable(pv)) {
    const unique = uniqueVolumeName(pv);
    const attached = (node?.status?.volumesAttached ?? []).some((a: { name: string }) => a.name === unique);
    return attached ? undefined : { volume: v.name, unattached: true };
  }
  if (!runtime || !nodeName) return undefined;
  const host = pv.spec?.hostPath;
  if (host) {
    const why = hostPathCheck(runtime, nodeName, host.path, host.type ?? '');
    if (why) return { volume: v.name, unattached: false, message: setUpFailed(pv.metadata.name!, why) };
  }
  const local = pv.spec?.local;
  if (local && hostPathCheck(runtime, nodeName, local.path, 'Directory')) {
    return {
      volume: v.name,
      unattached: false,
      message: `MountVolume.NewMounter initialization failed for volume "${pv.metadata.name}" : path "${local.path}" does not exist`,
    };
  }
  return undefined;
}

/** Disk usage of a file tree as `du` counts it: whole 4 KiB blocks per file. */
export function treeUsageBytes(files: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const [path, content] of Object.entries(files)) {
    if (path.endsWith('/')) continue;
    total += Math.max(1, Math.ceil(content.length / 4096)) * 4096;
  }
  return total;
}

/**
 * The eviction manager's emptyDir check (pkg/kubelet/eviction emptyDirLimitEviction): the first
 * emptyDir whose usage exceeds its sizeLimit, with the eviction message, or undefined.
 */
export function emptyDirLimitExceeded(pod: Stored<K8s<Pod>>, runtime: Runtime): { volume: string; message: string } | undefined {
  for (const v of pod.spec?.volumes ?? []) {
    const limitText = v.emptyDir?.sizeLimit as string | undefined;
    const limit = parseQuantity(limitText);
    if (!limitText || limit === undefined || limit <= 0) continue;
    const tree = runtime.state.volumes[`emptydir/${pod.metadata.uid}/${v.name}`];
    if (tree && treeUsageBytes(tree.files) > limit) {
      return { volume: v.name, message: `Usage of EmptyDir volume "${v.name}" exceeds the limit "${limitText}". ` };
    }
  }
  return undefined;
}
