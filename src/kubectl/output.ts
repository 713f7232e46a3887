/**
 * How kubectl prints objects: `-o` formats (table, wide, yaml, json, name, jsonpath,
 * jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file), the table decorations
 * (NAMESPACE with -A, `kind/` name prefixes, `-L` label columns, `--show-labels`, `--no-headers`),
 * `--sort-by`, and the `v1 List` wrapping of several objects for yaml/json.
 *
 * Tables follow cli-runtime's tableprinter.go: one tab-writer flush per resource type, widths reset
 * between types, a blank line between types.
 */
import { resourceForKind } from '../sim/apiserver/resources.ts';
import { formatLabels } from '../sim/apiserver/selectors.ts';
import type { KubeObject, Stored } from '../sim/apiserver/types.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import { bool, type FlagSpec, str, strings, type ParsedArgs } from './flags.ts';
import { goQuote, goSprint, goSyntax } from './format/go-value.ts';
import { toJson } from './format/json.ts';
import { JsonPath, JsonPathError, relaxedJsonPath } from './format/jsonpath.ts';
import { TabWriter } from './format/tabwriter.ts';
import { toYaml } from './format/yaml.ts';
import { printerFor } from './printers/index.ts';
import { header, type KindPrinter } from './printers/types.ts';

export { toYaml } from './format/yaml.ts';
export { toJson } from './format/json.ts';

export const OUTPUT_FLAGS: FlagSpec[] = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).',
  },
  { name: 'show-labels', type: 'bool', help: 'When printing, show all labels as the last column (default hide labels column)' },
  {
    name: 'label-columns',
    short: 'L',
    type: 'stringArray',
    help: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
  },
  {
    name: 'sort-by',
    type: 'string',
    help: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}').",
  },
  { name: 'no-headers', type: 'bool', help: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
  { name: 'show-kind', type: 'bool', help: 'If present, list the resource type for the requested object(s).' },
  {
    name: 'allow-missing-template-keys',
    type: 'bool',
    default: true,
    help: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  },
  { name: 'show-managed-fields', type: 'bool', help: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
];

export type OutputFormat =
  | { type: 'table'; wide: boolean }
  | { type: 'yaml' | 'json' | 'name' }
  | { type: 'jsonpath'; path: JsonPath; asJson: boolean }
  | { type: 'custom-columns'; columns: { header: string; path: JsonPath }[] };

const FORMATS = 'json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide';

/** Parses `-o`; the file-based formats (jsonpath-file, custom-columns-file) read through the host. */
export async function parseOutput(inv: Invocation, output: string | undefined): Promise<OutputFormat> {
  const text = output ?? '';
  const eq = text.indexOf('=');
  const name = eq === -1 ? text : text.slice(0, eq);
  const arg = eq === -1 ? '' : text.slice(eq + 1);
  if (name === 'jsonpath-file') {
    const content = arg ? await inv.host.readFile(arg) : undefined;
    if (content === undefined) throw new KubectlError(`error reading --template ${arg}, open ${arg}: no such file or directory`);
    return parseOutputNow(inv, `jsonpath=${content}`);
  }
  if (name === 'custom-columns-file') {
    const content = arg ? await inv.host.readFile(arg) : undefined;
    if (content === undefined) throw new KubectlError(`error reading template ${arg}, open ${arg}: no such file or directory`);
    return { type: 'custom-columns', columns: customColumnsFile(content) };
  }
  return parseOutputNow(inv, output);
}

function customColumns(spec: string): { header: string; path: JsonPath }[] {
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon === -1) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), path: columnPath(part.slice(colon + 1)) };
  });
}

function customColumnsFile(content: string): { header: string; path: JsonPath }[] {
  const lines = content.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 2) throw new KubectlError(`invalid template, expected two lines, found ${lines.length}`);
  const headers = lines[0]!.trim().split(/\s+/);
  const paths = lines[1]!.trim().split(/\s+/);
  if (headers.length !== paths.length) {
    throw new KubectlError(`number of headers (${headers.length}) and field specifications (${paths.length}) don't match`);
  }
  return headers.map((h, i) => ({ header: h, path: columnPath(paths[i]!) }));
}

function columnPath(expr: string): JsonPath {
  try {
    const p = new JsonPath(relaxedJsonPath(expr));
    p.allowMissingKeys = true;
    return p;
  } catch (e) {
    throw new KubectlError((e as Error).message);
  }
}

/** `pod/web-0`, `statefulset.apps/web`: what `-o name` prints. */
export function nameOf(obj: Stored): string {
  return `${kindPrefix(obj.kind)}/${obj.metadata.name}`;
}

/** `pod`, `statefulset.apps`: lower-case GroupKind. */
export function kindPrefix(kind: string): string {
  const t = resourceForKind(kind);
  return (t?.group ? `${kind}.${t.group}` : kind).toLowerCase();
}

/** An object as -o yaml/json shows it: managedFields hidden unless asked for. */
export function forDisplay(obj: Stored, showManagedFields = false): KubeObject {
  if (showManagedFields || !obj.metadata.managedFields) return obj as KubeObject;
  const { managedFields: _m, ...metadata } = obj.metadata;
  return { ...obj, metadata } as KubeObject;
}

export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  withKind: boolean;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
  /** For watches with --output-watch-events: the EVENT cell of each row. */
  watchEvent?: string;
}

/** The table options `get` and friends read from the output flags. */
export function tableOptions(p: ParsedArgs, wide: boolean, withNamespace: boolean, withKind: boolean): TableOptions {
  return {
    wide,
    withNamespace,
    withKind: withKind || bool(p, 'show-kind'),
    showLabels: bool(p, 'show-labels'),
    labelColumns: strings(p, 'label-columns')
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter((s) => s),
    noHeaders: bool(p, 'no-headers'),
  };
}

/** The header cells of a kind's table under these options. */
export function tableHeader(printer: KindPrinter, opts: TableOptions): string[] {
  const cells = printer.columns.filter((c) => opts.wide || !c.priority).map(header);
  if (opts.withNamespace) cells.unshift('NAMESPACE');
  if (opts.watchEvent !== undefined) cells.unshift('EVENT');
  for (const l of opts.labelColumns) cells.push(l.split('/').pop()!.toUpperCase());
  if (opts.showLabels) cells.push('LABELS');
  return cells;
}

/** One object's row, decorated as tableprinter.go decorateTable does. */
export function tableRow(printer: KindPrinter, obj: Stored, opts: TableOptions, now: number): string[] {
  const all = printer.row(obj, { now });
  const cells = all.filter((_, i) => opts.wide || !printer.columns[i]?.priority).map(cleanCell);
  if (opts.withKind) {
    const nameIdx = printer.columns.filter((c) => opts.wide || !c.priority).findIndex((c) => c.name === 'Name');
    if (nameIdx !== -1) cells[nameIdx] = `${kindPrefix(obj.kind)}/${cells[nameIdx]}`;
  }
  if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
  if (opts.watchEvent !== undefined) cells.unshift(opts.watchEvent);
  const labels = obj.metadata.labels ?? {};
  for (const l of opts.labelColumns) cells.push(labels[l] ?? '');
  if (opts.showLabels) cells.push(formatLabels(labels));
  return cells;
}

/** A cell holding a newline is cut there and marked with `...` (tableprinter.go). */
function cleanCell(cell: string): string {
  const nl = cell.indexOf('\n');
  return nl === -1 ? cell : cell.slice(0, nl) + '...';
}

/**
 * Sorts objects by a --sort-by JSONPath as kubectl's table sorter does: strings in natural order,
 * numbers numerically, objects without the field first; stable.
 */
export function sortObjects<T extends Stored>(objects: readonly T[], sortBy: string): T[] {
  let path: JsonPath;
  let field: string;
  try {
    field = relaxedJsonPath(sortBy);
  } catch {
    field = sortBy;
  }
  try {
    path = new JsonPath(field);
  } catch (e) {
    throw new KubectlError(`sorting error: ${(e as Error).message}`);
  }
  path.allowMissingKeys = true;
  const keyed = objects.map((o) => {
    let values: unknown[][];
    try {
      values = path.findResults(o);
    } catch (e) {
      throw new KubectlError(`Failed to get values for ${goSyntax(o)} using ${field} (${(e as Error).message})`);
    }
    const first = values[0]?.length ? values[0][0] : undefined;
    return { o, present: values.length > 0 && values[0]!.length > 0, value: first };
  });
  if (objects.length > 0 && !keyed.some((k) => k.present)) {
    throw new KubectlError(`couldn't find any field with path ${goQuote(field)} in the list of objects`);
  }
  const less = (a: (typeof keyed)[number], b: (typeof keyed)[number]): boolean => {
    if (!a.present) return true;
    if (!b.present) return false;
    return isLess(a.value, b.value, field);
  };
  return keyed
    .map((k, i) => ({ k, i }))
    .sort((x, y) => {
      if (!x.k.present && !y.k.present) return x.i - y.i;
      if (less(x.k, y.k)) return -1;
      if (less(y.k, x.k)) return 1;
      return x.i - y.i;
    })
    .map((x) => x.k.o);
}

function isLess(a: unknown, b: unknown, field: string): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return naturalLess(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  throw new KubectlError(`Field ${field} in ${typeof a === 'object' ? 'map[string]interface {}' : typeof a} is an unsortable type`);
}

/** vbom.ml/util/sortorder.NaturalLess: digit runs compare as numbers (`web-9` < `web-10`). */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i]!;
    const cb = b[j]!;
    const da = ca >= '0' && ca <= '9';
    const db = cb >= '0' && cb <= '9';
    if (da && db) {
      let ei = i;
      while (ei < a.length && a[ei]! >= '0' && a[ei]! <= '9') ei++;
      let ej = j;
      while (ej < b.length && b[ej]! >= '0' && b[ej]! <= '9') ej++;
      const na = a.slice(i, ei).replace(/^0+/, '');
      const nb = b.slice(j, ej).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (ei - i !== ej - j) return ei - i < ej - j;
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca < cb;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

export interface PrintOptions {
  /** Overrides `-o`. */
  output?: string;
  /** One object named on its own prints as itself with yaml/json; otherwise as a `v1 List`. */
  singleItem?: boolean;
  /** NAMESPACE column (with -A). */
  allNamespaces?: boolean;
  /** Kind prefixes on names (several kinds requested). */
  withKind?: boolean;
}

/**
 * Prints objects in the format `-o` asks for and returns whether anything went to stdout. Tables
 * are grouped by kind in order of appearance.
 */
export async function printObjectsAsync(inv: Invocation, objects: readonly Stored[], opts: PrintOptions = {}): Promise<boolean> {
  const format = await parseOutput(inv, opts.output ?? str(inv.parsed, 'output'));
  return printFormatted(inv, objects, format, opts);
}

/**
 * The synchronous form for formats that need no file: yaml, json, name, wide, jsonpath and
 * custom-columns (what create/apply/set `-o` use).
 */
export function printObjects(inv: Invocation, objects: readonly Stored[], opts: PrintOptions = {}): void {
  const output = opts.output ?? (inv.parsed.flags.has('output') ? str(inv.parsed, 'output') : undefined);
  printFormatted(inv, objects, parseOutputNow(inv, output), opts);
}

/** Parses every `-o` value that needs no file. */
export function parseOutputNow(inv: Invocation, output: string | undefined): OutputFormat {
  const text = output ?? '';
  if (text === '') return { type: 'table', wide: false };
  if (text === 'wide') return { type: 'table', wide: true };
  if (text === 'yaml' || text === 'json' || text === 'name') return { type: text };
  const eq = text.indexOf('=');
  const name = eq === -1 ? text : text.slice(0, eq);
  const arg = eq === -1 ? '' : text.slice(eq + 1);
  if (name === 'jsonpath' || name === 'jsonpath-as-json') {
    if (arg === '') throw new KubectlError('template format specified but no template given');
    try {
      const path = new JsonPath(arg);
      path.allowMissingKeys = inv.parsed.flags.get('allow-missing-template-keys') !== false;
      return { type: 'jsonpath', path, asJson: name === 'jsonpath-as-json' };
    } catch (e) {
      throw new KubectlError(`error parsing jsonpath ${arg}, ${(e as Error).message}`);
    }
  }
  if (name === 'custom-columns') {
    if (arg === '') throw new KubectlError('custom-columns format specified but no custom columns given');
    return { type: 'custom-columns', columns: customColumns(arg) };
  }
  if (['go-template', 'go-template-file', 'template', 'templatefile'].includes(name)) {
    throw new KubectlError(`unable to match a printer suitable for the output format "${text}": go templates are not supported here; use -o jsonpath`);
  }
  throw new KubectlError(`unable to match a printer suitable for the output format "${text}", allowed formats are: ${FORMATS}`);
}

/** Prints already-parsed output; returns whether anything was written to stdout. */
export function printFormatted(inv: Invocation, objects: readonly Stored[], format: OutputFormat, opts: PrintOptions = {}): boolean {
  const p = inv.parsed;
  const sortBy = str(p, 'sort-by');
  const showManaged = bool(p, 'show-managed-fields');
  const now = inv.cluster.clock.now();
  if (format.type === 'table') {
    let written = false;
    const groups = groupByKind(objects);
    for (const group of groups) {
      const sorted = sortBy ? sortObjects(group, sortBy) : group;
      const printer = printerFor(sorted[0]!.kind);
      const t = resourceForKind(sorted[0]!.kind);
      const topts = tableOptions(p, format.wide, Boolean(opts.allNamespaces) && t?.namespaced !== false, Boolean(opts.withKind));
      let text = '';
      const w = new TabWriter((s) => (text += s));
      if (!topts.noHeaders) w.print(tableHeader(printer, topts).join('\t') + '\n');
      for (const obj of sorted) w.print(tableRow(printer, obj, topts, now).join('\t') + '\n');
      w.flush();
      if (text) {
        if (written && !topts.noHeaders) inv.io.out('\n');
        inv.io.out(text);
        written = true;
      }
    }
    return written;
  }
  const items = sortBy ? sortObjects(objects, sortBy) : [...objects];
  const single = opts.singleItem ?? items.length === 1;
  const doc: unknown =
    single && items.length === 1
      ? forDisplay(items[0]!, showManaged)
      : { apiVersion: 'v1', items: items.map((o) => forDisplay(o, showManaged)), kind: 'List', metadata: { resourceVersion: '' } };
  switch (format.type) {
    case 'yaml':
      inv.io.out(toYaml(doc));
      return true;
    case 'json':
      inv.io.out(toJson(doc));
      return true;
    case 'name':
      for (const o of items) inv.io.out(nameOf(o) + '\n');
      return items.length > 0;
    case 'jsonpath': {
      format.path.outputJson = format.asJson;
      let text: string;
      try {
        text = format.path.execute(doc);
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        const tmpl = format.path.template;
        throw new KubectlError(
          `error executing jsonpath ${goQuote(tmpl)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
            `\ttemplate was:\n\t\t${tmpl}\n` +
            `\tobject given to jsonpath engine was:\n\t\t${goSyntax(doc)}\n\n`,
        );
      }
      inv.io.out(text);
      return text.length > 0;
    }
    case 'custom-columns': {
      let text = '';
      const w = new TabWriter((s) => (text += s));
      if (!bool(p, 'no-headers')) w.print(format.columns.map((c) => c.header).join('\t') + '\n');
      for (const o of items) {
        const cells = format.columns.map((c) => {
          let values: unknown[][];
          try {
            values = c.path.findResults(forDisplay(o, showManaged));
          } catch (e) {
            if (e instanceof JsonPathError) throw new KubectlError(e.message);
            throw e;
          }
          if (values.length === 0 || values[0]!.length === 0) return '<none>';
          return values.flat().map(goSprint).join(',');
        });
        w.print(cells.join('\t') + '\n');
      }
      w.flush();
      inv.io.out(text);
      return text.length > 0;
    }
  }
}

/** Consecutive runs of objects of one kind, in order. */
function groupByKind(objects: readonly Stored[]): Stored[][] {
  const groups: Stored[][] = [];
  for (const o of objects) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.kind === o.kind) last.push(o);
    else groups.push([o]);
  }
  return groups;
}
