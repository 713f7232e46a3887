/**
 * Per-kind behaviour of the API server: defaulting, validation, which fields are status, how
 * deletion is graceful. One strategy per kind, registered from `kinds.ts`, mirroring upstream's
 * `pkg/registry/<group>/<kind>/strategy.go`.
 */
import type { Cause } from './errors.ts';
import type { KubeObject, Stored } from './types.ts';
import type { Random } from '../random.ts';

export interface StrategyContext {
  now: number;
  random: Random;
  /** Reads the current state (e.g. to allocate a free ClusterIP or nodePort). */
  list(kind: string, namespace?: string): readonly Stored[];
  /** Allocator state kept in the store's snapshot (next IPs and ports). */
  counters: Record<string, number>;
}

export interface KindStrategy {
  /** True when `spec` edits bump metadata.generation (workloads, pods since v1.33). */
  generation?: boolean;
  /**
   * True when defaulting needs the new object's uid (a Job's generated selector): the uid is then
   * assigned before `defaults` rather than after validation.
   */
  uidBeforeDefaults?: boolean;
  /** True when the main resource ignores `status` on update (the status subresource exists). */
  statusSubresource?: boolean;
  /** Fills defaults on create (mutates `obj`). */
  defaults?(obj: KubeObject, ctx: StrategyContext): void;
  /** Fills defaults on update (mutates `obj`); `old` is the stored version. */
  defaultsOnUpdate?(obj: KubeObject, old: Stored, ctx: StrategyContext): void;
  validate?(obj: KubeObject): Cause[];
  validateUpdate?(obj: KubeObject, old: Stored): Cause[];
  /**
   * The grace period a delete gets when the client gives none, or 0 to delete at once
   * (e.g. a pod that was never scheduled).
   */
  gracePeriod?(obj: Stored, requested: number | undefined): number;
  /** Extra field selectors beyond metadata.name / metadata.namespace. */
  fieldSelectors?: Record<string, (obj: Stored) => string | undefined>;
}

const strategies = new Map<string, KindStrategy>();

export function registerStrategy(kind: string, s: KindStrategy): void {
  strategies.set(kind, s);
}

export function strategyFor(kind: string): KindStrategy {
  return strategies.get(kind) ?? {};
}
