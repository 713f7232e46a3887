/**
 * Label and field selectors, parsed and matched as apimachinery's `labels.Parse` and
 * `fields.ParseSelector` do.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Requirement =
  | { key: string; op: '=' | '!='; values: [string] }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!'; values: [] };

export type Selector = Requirement[];

export class SelectorError extends Error {}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

/** Parses `app=web,tier!=db,env in (a,b),!legacy,canary`. An empty string selects everything. */
export function parseLabelSelector(text: string): Selector {
  const reqs: Selector = [];
  const src = text.trim();
  let i = 0;
  const skipWs = () => {
    while (i < src.length && src[i] === ' ') i++;
  };
  const readWord = () => {
    skipWs();
    const start = i;
    while (i < src.length && !' ,=!()'.includes(src[i]!)) i++;
    return src.slice(start, i);
  };
  while (i < src.length) {
    skipWs();
    let req: Requirement;
    if (src[i] === '!') {
      i++;
      const key = readWord();
      checkKey(key);
      req = { key, op: '!', values: [] };
    } else {
      const key = readWord();
      checkKey(key);
      skipWs();
      if (src.startsWith('==', i) || (src[i] === '=' && src[i + 1] !== '=')) {
        i += src.startsWith('==', i) ? 2 : 1;
        req = { key, op: '=', values: [readValue()] };
      } else if (src.startsWith('!=', i)) {
        i += 2;
        req = { key, op: '!=', values: [readValue()] };
      } else if (/^(in|notin)\s*\(/.test(src.slice(i))) {
        const op = src.startsWith('notin', i) ? 'notin' : 'in';
        i += op.length;
        skipWs();
        i++; // (
        const values: string[] = [];
        for (;;) {
          skipWs();
          const v = readWord();
          if (v) {
            checkValue(v);
            values.push(v);
          }
          skipWs();
          if (src[i] === ',') {
            i++;
            continue;
          }
          if (src[i] === ')') {
            i++;
            break;
          }
          throw new SelectorError(`unable to parse requirement: found '${src[i] ?? ''}', expected: ',', ')'`);
        }
        req = { key, op, values };
      } else if (i >= src.length || src[i] === ',') {
        req = { key, op: 'exists', values: [] };
      } else {
        throw new SelectorError(`unable to parse requirement: found '${src[i]}', expected: in, notin, =, ==, !=, gt, lt`);
      }
    }
    reqs.push(req);
    skipWs();
    if (i < src.length) {
      if (src[i] !== ',') throw new SelectorError(`found '${src[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return reqs;

  function readValue(): string {
    const v = readWord();
    checkValue(v);
    return v;
  }
}

function checkKey(key: string): void {
  if (!key) throw new SelectorError('found \'\', expected: identifier');
  if (!KEY.test(key)) throw new SelectorError(`invalid label key "${key}"`);
}

function checkValue(v: string): void {
  if (v && !/^[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/.test(v)) {
    throw new SelectorError(`invalid label value: "${v}"`);
  }
}

export function matchesSelector(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
        if (!has || v !== r.values[0]) return false;
        break;
      case '!=':
        if (has && v === r.values[0]) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v!)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
    }
  }
  return true;
}

/**
 * Converts a metav1.LabelSelector to requirements. A nil selector matches nothing; an empty one
 * matches everything (metav1.LabelSelectorAsSelector).
 */
export function fromLabelSelector(sel: Readonly<LabelSelector> | undefined | null): Selector | null {
  if (!sel) return null;
  const reqs: Selector = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, op: '=', values: [value] });
  for (const e of sel.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In':
        reqs.push({ key: e.key, op: 'in', values: [...(e.values ?? [])] });
        break;
      case 'NotIn':
        reqs.push({ key: e.key, op: 'notin', values: [...(e.values ?? [])] });
        break;
      case 'Exists':
        reqs.push({ key: e.key, op: 'exists', values: [] });
        break;
      case 'DoesNotExist':
        reqs.push({ key: e.key, op: '!', values: [] });
        break;
    }
  }
  return reqs;
}

export function labelSelectorMatches(
  sel: Readonly<LabelSelector> | undefined | null,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  const reqs = fromLabelSelector(sel);
  return reqs !== null && matchesSelector(reqs, labels);
}

/** `metav1.FormatLabelSelector`: `app=web,tier in (a,b)`, `<none>` for empty. */
export function formatLabelSelector(sel: Readonly<LabelSelector> | undefined | null): string {
  if (!sel) return '<none>';
  const parts: string[] = [];
  const ml = sel.matchLabels ?? {};
  for (const k of Object.keys(ml).sort()) parts.push(`${k}=${ml[k]}`);
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
        parts.push(`${e.key} in (${vals})`);
        break;
      case 'NotIn':
        parts.push(`${e.key} notin (${vals})`);
        break;
      case 'Exists':
        parts.push(e.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${e.key}`);
        break;
    }
  }
  const s = parts.join(',');
  return s === '' ? '<none>' : s;
}

/** `k=v,k2=v2` sorted by key, `<none>` when empty (labels.FormatLabels). */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** Parses `status.phase=Running,spec.nodeName!=node01`. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const part of text.split(',')) {
    const p = part.trim();
    if (!p) continue;
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(p);
    if (!m) throw new SelectorError(`invalid selector: '${text}'; can't understand '${p}'`);
    out.push({ field: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]! });
  }
  return out;
}
