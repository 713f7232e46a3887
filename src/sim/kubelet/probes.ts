/**
 * Probe stages: readiness, liveness and startup probes run every periodSeconds after
 * initialDelaySeconds against the simulated container.
 */
import type { Stage } from './stages.ts';

export const probeStages: readonly Stage[] = [];
