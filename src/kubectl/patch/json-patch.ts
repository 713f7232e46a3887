/**
 * JSON patch (RFC 6902): a list of add/remove/replace/move/copy/test operations on JSON pointers,
 * with the error texts of github.com/evanphx/json-patch (what the API server uses).
 */

export class JsonPatchError extends Error {}

type Container = Record<string, unknown> | unknown[];

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${JSON.stringify(p)}`);
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parent(doc: unknown, path: string, op: string): { container: Container; key: string } {
  const parts = parsePointer(path);
  if (parts.length === 0) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  let cur: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[part];
    else cur = undefined;
    if (cur === undefined || cur === null || typeof cur !== 'object') {
      throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    }
  }
  return { container: cur as Container, key: parts[parts.length - 1]! };
}

function get(doc: unknown, path: string): unknown {
  let cur = doc;
  for (const part of parsePointer(path)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[part];
    else return undefined;
  }
  return cur;
}

function arrayIndex(arr: unknown[], key: string, forAdd: boolean, op: string, path: string): number {
  if (forAdd && key === '-') return arr.length;
  if (!/^\d+$/.test(key)) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  const i = Number(key);
  if (i > arr.length || (!forAdd && i >= arr.length)) {
    throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return i;
}

function add(doc: unknown, path: string, value: unknown, op = 'add'): unknown {
  if (path === '') return value;
  const { container, key } = parent(doc, path, op);
  if (Array.isArray(container)) container.splice(arrayIndex(container, key, true, op, path), 0, value);
  else container[key] = value;
  return doc;
}

function remove(doc: unknown, path: string, op = 'remove'): unknown {
  const { container, key } = parent(doc, path, op);
  if (Array.isArray(container)) container.splice(arrayIndex(container, key, false, op, path), 1);
  else {
    if (!(key in container)) {
      throw new JsonPatchError(`${op} operation does not apply: doc is missing key: ${path}: missing value`);
    }
    delete container[key];
  }
  return doc;
}

/** Applies the operations to a copy of `doc`. */
export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let out = structuredClone(doc);
  for (const raw of ops as Operation[]) {
    const op = raw?.op;
    const path = raw?.path ?? '';
    switch (op) {
      case 'add':
        out = add(out, path, structuredClone(raw.value));
        break;
      case 'remove':
        out = remove(out, path);
        break;
      case 'replace': {
        if (path !== '' && get(out, path) === undefined) {
          throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
        }
        out = path === '' ? structuredClone(raw.value) : add(remove(out, path, 'replace'), path, structuredClone(raw.value), 'replace');
        break;
      }
      case 'move': {
        const value = get(out, raw.from ?? '');
        if (value === undefined) throw new JsonPatchError(`move operation does not apply: doc is missing from path: ${raw.from}: missing value`);
        out = add(remove(out, raw.from ?? '', 'move'), path, value, 'move');
        break;
      }
      case 'copy': {
        const value = get(out, raw.from ?? '');
        if (value === undefined) throw new JsonPatchError(`copy operation does not apply: doc is missing from path: ${raw.from}: missing value`);
        out = add(out, path, structuredClone(value), 'copy');
        break;
      }
      case 'test': {
        if (JSON.stringify(get(out, path)) !== JSON.stringify(raw.value)) {
          throw new JsonPatchError(`testing value ${path} failed: test failed`);
        }
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${op}`);
    }
  }
  return out;
}
