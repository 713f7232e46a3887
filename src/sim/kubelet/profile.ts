/**
 * The kubelet's stage list in priority order (ties on due time go to the earlier stage): deletion
 * first, then a postStart hook returning, admission, volumes, sandbox, container exits, probes,
 * restarts, pulls, starts.
 */
import { LIFECYCLE as L, type Stage } from './stages.ts';
import { probeStage } from './probes.ts';

export const STAGES: readonly Stage[] = [
  L.kill,
  L.stop,
  L.postStartDone,
  L.remove,
  L.accept,
  L.mountWait,
  L.sandbox,
  L.exit,
  L.redefine,
  probeStage,
  L.crashLoopBackOff,
  L.restart,
  L.pulled,
  L.imagePullBackOff,
  L.pull,
  L.start,
];
