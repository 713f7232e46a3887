/**
 * Reads what `-f` names (files, directories with `-R`, `-` for stdin; URLs are refused as an
 * offline kubectl would fail to fetch them) and turns it into objects with their source, the way
 * cli-runtime's resource.Builder does: `List` kinds are flattened, kind/apiVersion are mapped to a
 * served type, and the namespace is filled in or checked against `-n`.
 */
import { resourceForKind, type ResourceType } from '../../sim/apiserver/resources.ts';
import type { KubeObject } from '../../sim/apiserver/types.ts';
import type { Invocation } from '../command.ts';
import { KubectlError, RawError } from '../errors.ts';
import { ManifestParseError, parseStream, type ManifestDocument } from './parse.ts';

/** One object read from a manifest. */
export interface ManifestObject {
  /** The `-f` argument it came from (as typed), or `STDIN`. */
  source: string;
  object: KubeObject;
  type: ResourceType;
}

/** Objects read in order, and the error that stopped reading (objects before it are still valid). */
export interface ManifestRead {
  objects: ManifestObject[];
  error?: Error;
}

/** File extensions kubectl reads from a directory (cli-runtime FileExtensions). */
const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** True for `http://` and `https://` arguments. */
export function isUrl(path: string): boolean {
  return /^https?:\/\//.test(path);
}

/**
 * Reads every `-f` argument. The first failure stops reading; what was read before it is returned
 * with the error so streaming verbs (create, delete) can act on it, as kubectl's visitors do.
 */
export async function readManifests(
  inv: Invocation,
  filenames: string[],
  opts: { recursive?: boolean } = {},
): Promise<ManifestRead> {
  const objects: ManifestObject[] = [];
  try {
    for (const name of filenames) {
      for (const doc of await readSource(inv, name, Boolean(opts.recursive))) {
        for (const obj of toObjects(doc)) objects.push(mapObject(inv, obj, doc.source));
      }
    }
  } catch (e) {
    return { objects, error: e instanceof Error ? e : new Error(String(e)) };
  }
  return { objects };
}

/** Reads all manifests or throws the first error (apply, replace: nothing happens on a bad file). */
export async function readAllManifests(
  inv: Invocation,
  filenames: string[],
  opts: { recursive?: boolean } = {},
): Promise<ManifestObject[]> {
  const read = await readManifests(inv, filenames, opts);
  if (read.error) throw read.error;
  return read.objects;
}

async function readSource(inv: Invocation, name: string, recursive: boolean): Promise<ManifestDocument[]> {
  if (name === '-') return parseOrThrow(inv.io.stdin, 'STDIN');
  if (isUrl(name)) {
    const host = name.replace(/^https?:\/\//, '').split(/[/:?#]/)[0];
    throw new KubectlError(`Get "${name}": dial tcp: lookup ${host} on 10.96.0.10:53: no such host`);
  }
  const entries = await inv.host.readDir(name);
  if (entries !== undefined) return readDirectory(inv, name, entries, recursive, true);
  const text = await inv.host.readFile(name);
  if (text === undefined) throw new KubectlError(`the path ${JSON.stringify(name)} does not exist`);
  return parseOrThrow(text, name);
}

async function readDirectory(
  inv: Invocation,
  dir: string,
  entries: string[],
  recursive: boolean,
  top: boolean,
): Promise<ManifestDocument[]> {
  const out: ManifestDocument[] = [];
  for (const entry of [...entries].sort()) {
    const path = `${dir.replace(/\/$/, '')}/${entry}`;
    const sub = await inv.host.readDir(path);
    if (sub !== undefined) {
      if (recursive) out.push(...(await readDirectory(inv, path, sub, recursive, false)));
      continue;
    }
    if (!MANIFEST_EXTENSIONS.some((ext) => entry.endsWith(ext))) continue;
    const text = await inv.host.readFile(path);
    if (text !== undefined) out.push(...parseOrThrow(text, path));
  }
  if (top && out.length === 0 && entries.length === 0) return out;
  return out;
}

function parseOrThrow(text: string, source: string): ManifestDocument[] {
  try {
    return parseStream(text, source);
  } catch (e) {
    if (e instanceof ManifestParseError) throw new KubectlError(e.message);
    throw e;
  }
}

/** Flattens `List` documents into their items. */
function toObjects(doc: ManifestDocument): { value: Record<string, unknown>; source: string }[] {
  const v = doc.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    throw new KubectlError(
      `error validating ${JSON.stringify(doc.source)}: error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
    );
  }
  const obj = v as Record<string, unknown>;
  if (typeof obj.kind === 'string' && /List$/.test(obj.kind) && Array.isArray(obj.items)) {
    return obj.items.flatMap((item) => toObjects({ source: doc.source, value: item }));
  }
  return [{ value: obj, source: doc.source }];
}

/** Maps apiVersion/kind to a served type, as the RESTMapper does, and settles the namespace. */
function mapObject(inv: Invocation, raw: { value: Record<string, unknown>; source: string }, source: string): ManifestObject {
  const v = raw.value;
  const json = JSON.stringify(v);
  if (typeof v.kind !== 'string' || v.kind === '') {
    throw new KubectlError(`unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${json}'`);
  }
  if (typeof v.apiVersion !== 'string' || v.apiVersion === '') {
    throw new KubectlError(`unable to decode ${JSON.stringify(source)}: Object 'apiVersion' is missing in '${json}'`);
  }
  const meta = (v.metadata && typeof v.metadata === 'object' ? v.metadata : {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  const type = resourceForKind(v.kind);
  if (!type || (type.group ? `${type.group}/${type.version}` : type.version) !== v.apiVersion) {
    throw new RawError(
      `error: resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(ns)} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(v.kind)} in version ${JSON.stringify(v.apiVersion)}\nensure CRDs are installed first`,
    );
  }
  const object = structuredClone(v) as KubeObject;
  if (type.namespaced) {
    if (object.metadata === undefined || object.metadata === null) object.metadata = {};
    if (typeof object.metadata !== 'object' || Array.isArray(object.metadata)) return { source, object, type };
    const own = typeof object.metadata.namespace === 'string' ? object.metadata.namespace : '';
    if (own && inv.namespaceExplicit && own !== inv.namespace) {
      throw new KubectlError(
        `the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(inv.namespace)}. You must pass '--namespace=${own}' to perform this operation.`,
      );
    }
    if (!own) object.metadata.namespace = inv.namespace;
  }
  return { source, object, type };
}
