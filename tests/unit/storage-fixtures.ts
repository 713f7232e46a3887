/**
 * Storage test fixtures: a cluster with kubelab's storage classes, builders for volumes, claims
 * and pods, and the storage invariants checked after every store change.
 */
import { expect } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import type { KubeObject, Stored } from '../../src/sim/apiserver/types.ts';
import { isMultiAttachAllowed, type PV } from '../../src/sim/storage/volume-identity.ts';

export const STANDARD_CLASS = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'kubelab.dev/network',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'Immediate',
  allowVolumeExpansion: true,
};

export const LOCAL_CLASS = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'local' },
  provisioner: 'kubernetes.io/no-provisioner',
  volumeBindingMode: 'WaitForFirstConsumer',
};

export const LOCAL_PATH_CLASS = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'local-path' },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
};

export interface StorageCluster extends Cluster {
  violations: string[];
}

/** A fresh cluster with the standard, local and local-path classes and invariant checking. */
export function storageCluster(seed = 1): StorageCluster {
  const cluster = createCluster({ seed }) as StorageCluster;
  for (const sc of [STANDARD_CLASS, LOCAL_CLASS, LOCAL_PATH_CLASS]) {
    if (!cluster.api.tryGet('StorageClass', undefined, sc.metadata.name)) cluster.api.create(sc);
  }
  cluster.violations = [];
  cluster.api.watch(() => {
    for (const v of storageViolations(cluster)) if (!cluster.violations.includes(v)) cluster.violations.push(v);
  });
  cluster.settle();
  return cluster;
}

/** Every storage invariant that does not hold right now. */
export function storageViolations(cluster: Cluster): string[] {
  const api = cluster.api;
  const out: string[] = [];
  const claims = api.list('PersistentVolumeClaim');
  const volumes = api.list('PersistentVolume') as PV[];
  for (const pv of volumes) {
    const boundClaims = claims.filter((c) => c.status?.phase === 'Bound' && c.spec?.volumeName === pv.metadata.name);
    if (boundClaims.length > 1) out.push(`PV ${pv.metadata.name} bound to ${boundClaims.length} claims`);
  }
  for (const c of claims) {
    const boundVolumes = volumes.filter((pv) => pv.status?.phase === 'Bound' && pv.spec?.claimRef?.uid === c.metadata.uid);
    if (boundVolumes.length > 1) out.push(`claim ${c.metadata.name} bound to ${boundVolumes.length} volumes`);
  }
  for (const pv of volumes) {
    if (isMultiAttachAllowed(pv)) continue;
    const nodes = api
      .list('VolumeAttachment')
      .filter((va) => va.spec?.source?.persistentVolumeName === pv.metadata.name && va.status?.attached)
      .map((va) => va.spec.nodeName);
    if (nodes.length > 1) out.push(`RWO volume ${pv.metadata.name} attached to ${nodes.join(', ')}`);
  }
  return out;
}

export function expectHealthy(cluster: StorageCluster): void {
  expect(cluster.violations).toEqual([]);
  expect(cluster.failures).toEqual([]);
}

export function hostPathPV(name: string, size: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` }, storageClassName: '', ...extra },
  };
}

export function localPV(name: string, node: string, size = '1Gi'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: {
      capacity: { storage: size },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: 'local',
      local: { path: '/mnt/disks/vol1' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
    },
  };
}

export function claim(name: string, spec: Record<string, unknown> = {}, namespace = 'default'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
  };
}

export function podWithClaim(name: string, claimName: string, node?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      ...(node ? { nodeSelector: { 'kubernetes.io/hostname': node } } : {}),
      containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
    },
  };
}

export function phaseOf(cluster: Cluster, kind: 'PersistentVolume' | 'PersistentVolumeClaim', name: string, ns?: string): string | undefined {
  return cluster.api.tryGet(kind, kind === 'PersistentVolume' ? undefined : (ns ?? 'default'), name)?.status?.phase;
}

/** Reason and message of the events recorded for an object, in order. */
export function eventsFor(cluster: Cluster, name: string, kind?: string): string[] {
  return cluster.api
    .list('Event')
    .filter((e) => e.involvedObject?.name === name && (!kind || e.involvedObject?.kind === kind))
    .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0))
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

export function podPhase(cluster: Cluster, name: string): string | undefined {
  const p: Stored | undefined = cluster.api.tryGet('Pod', 'default', name);
  if (!p) return undefined;
  if (p.metadata.deletionTimestamp) return 'Terminating';
  const waiting = p.status?.containerStatuses?.[0]?.state?.waiting?.reason;
  return waiting ?? p.status?.phase;
}
