/**
 * Every delay in the simulated cluster, as data. Defaults mimic a real cluster (kubelet v1.34,
 * kube-controller-manager defaults); labs and tests may override any of them.
 */
export interface Timings {
  /** Image pull per image, when not cached on the node: [min, max] ms. */
  imagePullMs: [number, number];
  /** Container create + start. */
  containerStartMs: [number, number];
  /** Kubelet node lease renewal (nodeLeaseDurationSeconds 40 → renew every 10 s). */
  leaseRenewMs: number;
  /** node-monitor-period: how often the node lifecycle controller checks leases. */
  nodeMonitorPeriodMs: number;
  /** node-monitor-grace-period: 50 s since v1.32. */
  nodeMonitorGraceMs: number;
  /** Default tolerationSeconds for not-ready/unreachable taints (DefaultTolerationSeconds admission). */
  evictionTolerationSeconds: number;
  /** Attach/detach controller's maxWaitForUnmountDuration (force-detach after 6 min). */
  forceDetachMs: number;
  /** A volume attach operation. */
  volumeAttachMs: [number, number];
  /** Dynamic provisioning of a volume. */
  provisionMs: [number, number];
  /** CrashLoopBackOff: initial and maximum back-off (kubelet: 10 s doubling to 5 min). */
  crashBackoffInitialMs: number;
  crashBackoffMaxMs: number;
  /** Image pull back-off: same doubling, 10 s to 5 min. */
  imageBackoffInitialMs: number;
  imageBackoffMaxMs: number;
  /** Job pod failure back-off: 10 s doubling to 6 min. */
  jobBackoffInitialMs: number;
  jobBackoffMaxMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  imagePullMs: [1000, 3000],
  containerStartMs: [500, 1200],
  leaseRenewMs: 10_000,
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGraceMs: 50_000,
  evictionTolerationSeconds: 300,
  forceDetachMs: 6 * 60_000,
  volumeAttachMs: [1000, 2000],
  provisionMs: [1000, 3000],
  crashBackoffInitialMs: 10_000,
  crashBackoffMaxMs: 300_000,
  imageBackoffInitialMs: 10_000,
  imageBackoffMaxMs: 300_000,
  jobBackoffInitialMs: 10_000,
  jobBackoffMaxMs: 360_000,
};
