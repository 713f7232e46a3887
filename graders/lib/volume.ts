/**
 * Reading what is stored on a claim's volume: the simulator keeps volume contents beside the API
 * objects, and graders may read (never write) them to check that data survived.
 */
import { readFile } from '../../src/sim/storage/volume-data.ts';
import { pvDataLocation, type PV } from '../../src/sim/storage/volume-identity.ts';
import { check, type Check } from './check.ts';
import type { GradeContext } from './context.ts';

/** The contents of `path` on the volume bound to claim `claim`, or undefined. */
export function readClaimFile(ctx: GradeContext, claim: string, path: string): string | undefined {
  const pvc = ctx.cluster.api.tryGet('PersistentVolumeClaim', ctx.namespace, claim);
  const pvName: string | undefined = pvc?.spec?.volumeName;
  if (!pvName) return undefined;
  return readVolumeFile(ctx, pvName, path);
}

/** The contents of `path` on PersistentVolume `pvName`, or undefined. */
export function readVolumeFile(ctx: GradeContext, pvName: string, path: string): string | undefined {
  const pv = ctx.cluster.api.tryGet('PersistentVolume', undefined, pvName) as PV | undefined;
  if (!pv) return undefined;
  const affinity = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.find((e) => e.key === 'kubernetes.io/hostname');
  const node = affinity?.values?.[0] ?? usedOn(ctx, pvName);
  const loc = pvDataLocation(pv, node);
  return loc ? readFile(ctx.cluster.runtime, loc, path) : undefined;
}

/** A file on a claim's volume contains `text`. */
export function expectClaimFile(ctx: GradeContext, claim: string, path: string, text: string, name = `${path} on ${claim} holds "${text}"`): Check {
  const found = readClaimFile(ctx, claim, path);
  return check(
    name,
    found !== undefined && found.includes(text),
    found === undefined ? `expected ${path} on the volume of claim ${claim}, found no such file` : `expected ${path} on claim ${claim} to contain "${text}", found "${found.trim().slice(0, 80)}"`,
    `${path} on claim ${claim} contains "${text}"`,
  );
}

function usedOn(ctx: GradeContext, pvName: string): string | undefined {
  for (const pvc of ctx.cluster.api.list('PersistentVolumeClaim')) {
    if (pvc.spec?.volumeName !== pvName) continue;
    for (const pod of ctx.cluster.api.list('Pod', { namespace: pvc.metadata.namespace })) {
      const uses = (pod.spec?.volumes ?? []).some((v: { persistentVolumeClaim?: { claimName: string } }) => v.persistentVolumeClaim?.claimName === pvc.metadata.name);
      if (uses && pod.spec?.nodeName) return pod.spec.nodeName;
    }
  }
  return undefined;
}
