/**
 * Things that go wrong, on purpose: the small API labs and the `cluster` command script.
 */
import type { Cluster } from './cluster.ts';

export class Faults {
  constructor(private readonly cluster: Cluster) {}

  /** The names of nodes whose kubelet is currently stopped or lost. */
  downNodes(): string[] {
    return this.cluster.api
      .list('Node')
      .filter((n) => n.metadata.annotations?.['kubelab.dev/kubelet'] !== undefined)
      .map((n) => n.metadata.name!);
  }
}
