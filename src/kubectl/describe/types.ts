/** The shape of a describer: one per kind, returning describe.go's text for one object. */
import type { Stored } from '../../sim/apiserver/types.ts';
import type { Cluster } from '../../sim/cluster.ts';

export interface DescribeContext {
  cluster: Cluster;
  now: number;
  /** `--show-events` (default true). */
  showEvents: boolean;
}

export interface Describer {
  kind: string;
  describe(obj: Stored, ctx: DescribeContext): string;
}
