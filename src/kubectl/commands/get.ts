/**
 * kubectl get: lists or fetches objects of one or more types and prints them in the `-o` format,
 * or watches them (`-w`, `--watch-only`, `--output-watch-events`) and prints rows as they change
 * (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go).
 */
import { ApiError, isNotFound } from '../../sim/apiserver/errors.ts';
import { RESOURCE_TYPES, resolveResource, type ResourceType } from '../../sim/apiserver/resources.ts';
import {
  matchesSelector,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
  type FieldRequirement,
  type Selector,
} from '../../sim/apiserver/selectors.ts';
import { strategyFor } from '../../sim/apiserver/strategy.ts';
import type { Stored, WatchEvent } from '../../sim/apiserver/types.ts';
import { virtualTime } from '../../shell/time.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { formatError, KubectlError, RawError } from '../errors.ts';
import { bool, parseDuration, str, strings } from '../flags.ts';
import { fileFlags } from '../file-flags.ts';
import { TabWriter } from '../format/tabwriter.ts';
import { readManifests } from '../manifest/read.ts';
import {
  forDisplay,
  nameOf,
  OUTPUT_FLAGS,
  parseOutput,
  printFormatted,
  tableHeader,
  tableOptions,
  tableRow,
  toJson,
  toYaml,
  type OutputFormat,
} from '../output.ts';
import { printerFor } from '../printers/index.ts';

/** Without --request-timeout, a headless watch gives up after this much quiet-less cluster time. */
const HEADLESS_WATCH_LIMIT_MS = 10 * 60_000;
/** With real time, a watch runs until Ctrl-C (or this long). */
const INTERACTIVE_WATCH_LIMIT_MS = 24 * 3_600_000;

export const get: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  long: "Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.\n\n By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  example: `# List all pods in ps output format
kubectl get pods

# List all pods in ps output format with more information (such as node name)
kubectl get pods -o wide

# List a single replication controller with specified NAME in ps output format
kubectl get replicationcontroller web

# List deployments in JSON output format, in the "v1" version of the "apps" API group
kubectl get deployments.v1.apps -o json

# List a single pod in JSON output format
kubectl get -o json pod web-pod-13je7

# List a pod identified by type and name specified in "pod.yaml" in JSON output format
kubectl get -f pod.yaml -o json

# List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml
kubectl get -k dir/

# Return only the phase value of the specified pod
kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

# List resource information in custom columns
kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

# List all replication controllers and services together in ps output format
kubectl get rc,services

# List one or more resources by their type and names
kubectl get rc/web service/frontend pods/web-pod-13je7

# List the 'status' subresource for a single pod
kubectl get pod web-pod-13je7 --subresource status

# List all deployments in namespace 'backend'
kubectl get deployments.apps --namespace backend

# List all pods existing in all namespaces
kubectl get pods --all-namespaces`,
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  flags: [
    ...OUTPUT_FLAGS,
    { name: 'all-namespaces', short: 'A', type: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'selector', short: 'l', type: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'field-selector', type: 'string', help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'watch', short: 'w', type: 'bool', help: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', help: 'Watch for changes to the requested object(s), without listing/getting first.' },
    { name: 'output-watch-events', type: 'bool', help: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.' },
    { name: 'ignore-not-found', type: 'bool', help: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.' },
    { name: 'chunk-size', type: 'int', default: 500, help: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    { name: 'server-print', type: 'bool', default: true, help: 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.' },
    ...fileFlags('identifying the resource to get from a server.'),
  ],
  async run(inv) {
    const p = inv.parsed;
    const output = str(p, 'output');
    const watch = bool(p, 'watch') || bool(p, 'watch-only');
    const files = strings(p, 'filename');
    if (p.args.length === 0 && files.length === 0) {
      inv.io.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      throw new KubectlError(
        `Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
      );
    }
    if (bool(p, 'show-labels') && output && output !== 'wide') {
      throw new KubectlError(`--show-labels option cannot be used with ${output} printer`);
    }
    if (bool(p, 'output-watch-events') && !watch) {
      throw new KubectlError(`--output-watch-events option can only be used with --watch or --watch-only\nSee 'kubectl get -h' for help and examples`);
    }
    const format = await parseOutput(inv, output);
    const query = files.length ? await fileQuery(inv, files) : buildQuery(inv);
    if (watch) return runWatch(inv, query, format);

    const { objects, errors, namedSingle, allNamespaced } = fetch(inv, query);
    const kinds = new Set(objects.map((o) => o.kind));
    let written: boolean;
    if (format.type === 'table') {
      written = printFormatted(inv, objects, format, { allNamespaces: query.allNamespaces, withKind: kinds.size > 1 });
    } else if (objects.length === 0 && bool(p, 'ignore-not-found') && namedSingle) {
      written = false;
    } else {
      written = printFormatted(inv, objects, format, { singleItem: namedSingle && objects.length === 1 });
    }
    if (format.type === 'table' && !written && !bool(p, 'ignore-not-found') && errors.length === 0) {
      inv.io.err(allNamespaced && !query.allNamespaces ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
    }
    if (errors.length > 0) throw new RawError(errors.map((e) => formatError(e, 'get')).join(''));
    return 0;
  },
};

interface Query {
  /** Named objects (`TYPE NAME…`, `TYPE/NAME…`, or read from `-f`), in order. */
  named: { type: ResourceType; name: string; namespace?: string }[];
  /** An error reading `-f` manifests, reported after what was read. */
  readError?: Error;
  /** Types listed whole. */
  types: ResourceType[];
  allNamespaces: boolean;
  selector?: Selector;
  selectorText: string;
  fields?: FieldRequirement[];
  fieldText: string;
}

/** Expands `all` (and other categories) to their types, in discovery order. */
function typesFor(word: string): ResourceType[] {
  const category = RESOURCE_TYPES.filter((t) => t.categories?.includes(word));
  if (category.length > 0 && !resolveResource(word)) return category;
  const t = resolveResource(word);
  if (!t) throw new KubectlError(`the server doesn't have a resource type "${word}"`);
  return [t];
}

function buildQuery(inv: Invocation): Query {
  const p = inv.parsed;
  const args = p.args;
  const named: Query['named'] = [];
  let types: ResourceType[] = [];
  if (args.some((a) => a.includes('/'))) {
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash === -1) {
        throw new KubectlError(
          `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      }
      const name = a.slice(slash + 1);
      if (!name) throw new KubectlError('arguments in resource/name form must have a single resource and name');
      for (const t of typesFor(a.slice(0, slash))) named.push({ type: t, name });
    }
  } else {
    const wanted = args[0]!.split(',').filter((w) => w !== '').flatMap(typesFor);
    const seen = new Set<string>();
    const uniq = wanted.filter((t) => (seen.has(t.kind) ? false : (seen.add(t.kind), true)));
    const names = args.slice(1);
    if (names.length === 0) types = uniq;
    else for (const t of uniq) for (const name of names) named.push({ type: t, name });
  }
  const selectorText = str(p, 'selector') ?? '';
  const fieldText = str(p, 'field-selector') ?? '';
  let selector: Selector | undefined;
  let fields: FieldRequirement[] | undefined;
  try {
    if (selectorText) selector = parseLabelSelector(selectorText);
    if (fieldText) fields = parseFieldSelector(fieldText);
  } catch (e) {
    if (e instanceof SelectorError) throw new KubectlError(e.message);
    throw e;
  }
  if (named.length > 0 && selectorText) {
    throw new KubectlError('name cannot be provided when a selector is specified');
  }
  return { named, types, allNamespaces: bool(p, 'all-namespaces'), selector, selectorText, fields, fieldText };
}

/** `-f`: the objects the manifests name, looked up in their namespaces. */
async function fileQuery(inv: Invocation, files: string[]): Promise<Query> {
  if (inv.parsed.args.length > 0) throw new KubectlError(`Unexpected args: [${inv.parsed.args.join(' ')}]`);
  const read = await readManifests(inv, files, { recursive: bool(inv.parsed, 'recursive') });
  return {
    named: read.objects.map((o) => ({ type: o.type, name: o.object.metadata.name ?? '', namespace: o.type.namespaced ? o.object.metadata.namespace : undefined })),
    readError: read.error,
    types: [],
    allNamespaces: false,
    selectorText: '',
    fieldText: '',
  };
}

function resourceString(t: ResourceType): string {
  return `${t.group ? `${t.group}/` : '/'}${t.version}, Resource=${t.plural}`;
}

function fetch(inv: Invocation, q: Query): { objects: Stored[]; errors: unknown[]; namedSingle: boolean; allNamespaced: boolean } {
  const api = inv.cluster.api;
  const objects: Stored[] = [];
  const errors: unknown[] = [];
  const ignoreNotFound = bool(inv.parsed, 'ignore-not-found');
  let allNamespaced = true;
  if (q.readError) errors.push(q.readError);
  for (const { type, name, namespace } of q.named) {
    const ns = type.namespaced ? (namespace ?? inv.namespace) : undefined;
    try {
      objects.push(api.get(type.kind, ns, name));
    } catch (e) {
      if (ignoreNotFound && isNotFound(e)) continue;
      errors.push(e);
    }
  }
  for (const t of q.types) {
    try {
      const list = api.list(t.kind, {
        namespace: t.namespaced && !q.allNamespaces ? inv.namespace : undefined,
        labelSelector: q.selector,
        fieldSelector: q.fields,
      });
      objects.push(...list);
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'BadRequest') {
        errors.push(
          new ApiError(
            'BadRequest',
            400,
            `Unable to find "${resourceString(t)}" that match label selector "${q.selectorText}", field selector "${q.fieldText}": ${e.message}`,
            e.details,
          ),
        );
      } else errors.push(e);
    }
  }
  for (const o of objects) if (!resolveResource(o.kind)?.namespaced) allNamespaced = false;
  return { objects, errors, namedSingle: q.named.length === 1 && q.types.length === 0, allNamespaced };
}

function matchesQuery(inv: Invocation, q: Query, kind: string, obj: Stored): boolean {
  const t = resolveResource(kind)!;
  if (t.namespaced && !q.allNamespaces && obj.metadata.namespace !== inv.namespace) return false;
  if (q.named.length > 0 && !q.named.some((n) => n.name === obj.metadata.name)) return false;
  if (q.selector && !matchesSelector(q.selector, obj.metadata.labels)) return false;
  for (const r of q.fields ?? []) {
    let value: string | undefined;
    if (r.field === 'metadata.name') value = obj.metadata.name;
    else if (r.field === 'metadata.namespace') value = obj.metadata.namespace;
    else value = strategyFor(obj.kind).fieldSelectors?.[r.field]?.(obj);
    const eq = (value ?? '') === r.value;
    if (r.op === '=' ? !eq : eq) return false;
  }
  return true;
}

/** `get -w`: the current state (unless --watch-only), then a row per change until quiet, timeout or Ctrl-C. */
async function runWatch(inv: Invocation, q: Query, format: OutputFormat): Promise<number> {
  const p = inv.parsed;
  const kinds = new Set([...q.named.map((n) => n.type.kind), ...q.types.map((t) => t.kind)]);
  if (kinds.size > 1) {
    throw new KubectlError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  if (str(p, 'sort-by')) inv.io.err('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  const kind = [...kinds][0]!;
  const t = resolveResource(kind)!;
  const withEvents = bool(p, 'output-watch-events');
  const printer = printerFor(kind);
  const tabs = new TabWriter((s) => inv.io.out(s));
  let headerPrinted = false;
  let docs = 0;
  const now = () => inv.cluster.clock.now();

  const emit = (obj: Stored, type: string) => {
    switch (format.type) {
      case 'table': {
        const opts = tableOptions(p, format.wide, q.allNamespaces && t.namespaced, false);
        if (withEvents) opts.watchEvent = type;
        if (!headerPrinted && !opts.noHeaders) tabs.print(tableHeader(printer, opts).join('\t') + '\n');
        headerPrinted = true;
        tabs.print(tableRow(printer, obj, opts, now()).join('\t') + '\n');
        tabs.flush();
        return;
      }
      case 'name':
        inv.io.out(withEvents ? `${type} ${nameOf(obj)}\n` : `${nameOf(obj)}\n`);
        return;
      default: {
        const doc = withEvents ? { object: forDisplay(obj), type } : forDisplay(obj);
        if (format.type === 'yaml') {
          if (docs++ > 0) inv.io.out('---\n');
          inv.io.out(toYaml(doc));
        } else if (format.type === 'json') inv.io.out(toJson(doc));
        else printFormatted(inv, [obj], format, { singleItem: true });
      }
    }
  };

  if (!bool(p, 'watch-only')) {
    const { objects, errors } = fetch(inv, q);
    if (errors.length > 0) throw errors[0];
    for (const o of objects) emit(o, 'ADDED');
  }
  const unsubscribe = inv.cluster.api.watch((ev: WatchEvent) => {
    if (ev.object.kind !== kind || !matchesQuery(inv, q, kind, ev.object)) return;
    emit(ev.object, ev.type);
  });
  try {
    const headless = inv.host.time === virtualTime;
    const timeoutText = str(p, 'request-timeout');
    const requested = timeoutText && timeoutText !== '0' ? parseDuration(timeoutText) : undefined;
    const limit = requested ?? (headless ? HEADLESS_WATCH_LIMIT_MS : INTERACTIVE_WATCH_LIMIT_MS);
    const quiet = headless && requested === undefined ? () => !inv.cluster.clock.busy() : () => false;
    await inv.host.time.waitUntil(inv.cluster, () => quiet() || Boolean(inv.io.signal?.aborted), limit, inv.io.signal);
  } finally {
    unsubscribe();
  }
  return 0;
}
