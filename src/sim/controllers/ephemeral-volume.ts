/**
 * The ephemeral volume controller (pkg/controller/volume/ephemeral): for each pod volume with an
 * `ephemeral.volumeClaimTemplate`, create the claim `<pod>-<volume>` owned by the pod, so the
 * garbage collector deletes it with the pod. A claim of that name the pod does not own is left
 * alone; the pod then cannot use it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { refOf, type K8s, type WatchEvent } from '../apiserver/types.ts';
import { claimNameOf } from '../storage/ephemeral.ts';
import type { Controller, ControllerContext } from './controller.ts';

export class EphemeralVolumeController implements Controller {
  readonly name = 'ephemeral-volume';
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'Pod' && ev.type === 'ADDED' && (o.spec?.volumes ?? []).some((v: { ephemeral?: unknown }) => v.ephemeral)) {
      this.ctx.enqueue(`${o.metadata.namespace}/${o.metadata.name}`);
    }
  }

  sync(key: string): void {
    const slash = key.indexOf('/');
    const pod = this.ctx.api.tryGet<K8s<Pod>>('Pod', key.slice(0, slash), key.slice(slash + 1));
    if (!pod || pod.metadata.deletionTimestamp) return;
    for (const v of pod.spec?.volumes ?? []) {
      const template = v.ephemeral?.volumeClaimTemplate;
      if (!template) continue;
      const name = claimNameOf(pod.metadata.name!, v)!;
      const existing = this.ctx.api.tryGet('PersistentVolumeClaim', pod.metadata.namespace, name);
      if (existing) {
        if (!existing.metadata.ownerReferences?.some((r) => r.uid === pod.metadata.uid)) {
          this.ctx.explain.add(this.name, refOf(pod), `claim ${name} exists but does not belong to this pod; the pod cannot use it`);
        }
        continue;
      }
      this.ctx.api.create({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name,
          namespace: pod.metadata.namespace,
          ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
          ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
          ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name!, uid: pod.metadata.uid!, controller: true, blockOwnerDeletion: true }],
        },
        spec: structuredClone(template.spec) as Record<string, unknown>,
      });
      this.ctx.explain.add(this.name, refOf(pod), `created claim ${name} for ephemeral volume ${v.name}`);
    }
  }
}
