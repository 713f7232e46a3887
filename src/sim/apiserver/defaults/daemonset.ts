/**
 * DaemonSet defaults (pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet) and the template
 * generation the registry strategy keeps in the `deprecated.daemonset.template.generation`
 * annotation (bumped whenever the template changes).
 */
import { sameContent } from '../store.ts';
import type { KubeObject, Stored } from '../types.ts';
import { defaultTemplate } from './statefulset.ts';

const GENERATION = 'deprecated.daemonset.template.generation';

export function defaultDaemonSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [GENERATION]: '1' };
}

export function defaultDaemonSetOnUpdate(obj: KubeObject, old: Stored): void {
  defaultDaemonSet(obj);
  const prev = Number(old.metadata.annotations?.[GENERATION] ?? '1');
  const next = sameContent(obj.spec?.template, old.spec?.template) ? prev : prev + 1;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [GENERATION]: String(next) };
}
