/**
 * The describer kubectl falls back to for kinds without their own (describe.go genericDescriber):
 * every field of the object, keys turned into labels (`apiVersion` → `API Version`) by
 * smartLabelFor, maps and lists nested one level deeper.
 */
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';
import { goSprint } from '../format/go-value.ts';

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

export function genericDescriber(kind: string): Describer {
  return {
    kind,
    describe(obj, { cluster, now, showEvents }) {
      const w = new DescribeWriter();
      w.write(0, `Name:\t${obj.metadata.name}\n`);
      w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
      labelsMultiline(w, 'Labels', obj.metadata.labels);
      annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
      printContent(w, 0, obj as Record<string, unknown>, '');
      if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
      return w.toString();
    },
  };
}

function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    if (value === undefined) continue;
    const path = `${prefix}.${field}`;
    if (SKIP.includes(path)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goSprint(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goSprint(value)}\n`);
    }
  }
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor: camelCase split into Title Case words, known acronyms upper-cased. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** fatih/camelcase Split: runs of lower, upper, digit, other; `HTTPServer` → `HTTP Server`. */
function camelSplit(s: string): string[] {
  const cls = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i]![0]!) === 2 && cls(runs[i + 1]![0]!) === 1) {
      runs[i + 1] = [runs[i]!.pop()!, ...runs[i + 1]!];
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
