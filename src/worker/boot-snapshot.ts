/**
 * The default cluster, booted at build time and shipped as data: `astro build` writes the snapshot
 * of `createCluster()` (the options a sandbox or preset terminal's session uses) to
 * dist/boot/default-cluster.json, and the worker hands it to the boot cache so the first session
 * restores it instead of replaying four minutes of virtual time. Same code, same seed, same state;
 * when the file is missing (dev server) or unreadable, the worker boots as before.
 */
import { createCluster, type ClusterSnapshot } from '../sim/cluster.ts';
import { preloadBootstrap } from '../sim/bootstrap.ts';

/** Where the built site serves the snapshot, relative to the site root. */
export const BOOT_SNAPSHOT_FILE = 'boot/default-cluster.json';

/** The snapshot a freshly created default cluster has (what the build writes). */
export function defaultBootSnapshot(): ClusterSnapshot {
  return createCluster().snapshot();
}

function isClusterSnapshot(v: unknown): v is ClusterSnapshot {
  const s = v as Partial<ClusterSnapshot> | null;
  return !!s && s.version === 1 && typeof s.seed === 'number' && typeof s.name === 'string' && !!s.store && !!s.clock;
}

/** Fetches the shipped snapshot; undefined when there is none. */
export async function fetchBootSnapshot(url: string): Promise<ClusterSnapshot | undefined> {
  try {
    const res = await fetch(url);
    if (!res.ok) return undefined;
    const data: unknown = await res.json();
    return isClusterSnapshot(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Gives the boot cache the shipped snapshot, if any. */
export function usePrebuiltBoot(snap: ClusterSnapshot | undefined): void {
  if (snap) preloadBootstrap(snap);
}
