/**
 * The metadata sections every describer shares: multi-line Labels and Annotations
 * (printLabelsMultiline, printAnnotationsMultiline), tolerations, taints, `Controlled By`, and the
 * pod-status counts of a controller.
 */
import type { Toleration } from 'kubernetes-types/core/v1';
import type { Stored } from '../../sim/apiserver/types.ts';
import { controllerOf } from '../../sim/apiserver/types.ts';
import type { DescribeWriter } from './writer.ts';

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** `Labels:\tk=v` then `\tk2=v2` per extra label, sorted; `<none>` when empty. */
export function labelsMultiline(
  w: DescribeWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, initialIndent + innerIndent);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

/** `Annotations:\tk: v`, long or multi-line values on their own lines; last-applied hidden. */
export function annotationsMultiline(w: DescribeWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = annotations![k]!.replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function tolerationsMultiline(w: DescribeWriter, title: string, tolerations: readonly Toleration[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) return w.line('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, initialIndent + '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + '\n');
  });
}

/** `StatefulSet/web`: printController. */
export function controlledBy(obj: Stored): string {
  const ref = controllerOf(obj);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** getPodStatusForController: phases of the pods a controller owns. */
export function podStatusCounts(pods: readonly Stored[], ownerUid: string | undefined): { running: number; waiting: number; succeeded: number; failed: number } {
  const c = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods) {
    if (controllerOf(p)?.uid !== ownerUid) continue;
    switch (p.status?.phase) {
      case 'Running':
        c.running++;
        break;
      case 'Pending':
        c.waiting++;
        break;
      case 'Succeeded':
        c.succeeded++;
        break;
      case 'Failed':
        c.failed++;
        break;
    }
  }
  return c;
}
