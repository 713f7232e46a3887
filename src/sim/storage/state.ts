/**
 * Storage operations that take time, kept as plain data in `runtime.state.storage` so a snapshot
 * taken mid-operation resumes it: a provisioning started for a claim, a deletion, an attach in
 * progress, a detach the attach/detach controller is waiting to do, an expansion.
 */
import type { Runtime } from '../runtime.ts';

export interface StorageOperations {
  /** Claim uid → virtual time its volume will have been created. */
  provisioning: Record<string, number>;
  /** Volume name → virtual time the external provisioner finishes deleting it. */
  deleting: Record<string, number>;
  /** VolumeAttachment name → virtual time the external attacher reports it attached. */
  attaching: Record<string, number>;
  /** VolumeAttachment name → virtual time the attach/detach controller first wanted it detached. */
  detachRequested: Record<string, number>;
  /** Claim uid → virtual time the external resizer finishes expanding its volume. */
  resizing: Record<string, number>;
}

export function storageOps(runtime: Runtime): StorageOperations {
  const ops = (runtime.state.storage ??= { provisioning: {}, deleting: {}, attaching: {}, detachRequested: {}, resizing: {} });
  ops.resizing ??= {};
  return ops;
}
