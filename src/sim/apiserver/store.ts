/**
 * The API server's storage: create/get/list/update/patch/delete/watch over typed objects with
 * uid, resourceVersion, generation, ownerReferences, finalizers and graceful deletion.
 *
 * Objects are frozen once stored; readers get the stored object itself (no copy), writers clone,
 * change and `update`. Watch listeners run synchronously and must only enqueue work.
 */
import type { Random } from '../random.ts';
import { toRFC3339 } from '../clock.ts';
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  invalid,
  notFound,
  field,
  type Cause,
} from './errors.ts';
import { apiVersionOf, resourceForKind, type ResourceType } from './resources.ts';
import { matchesSelector, type FieldRequirement, type Selector } from './selectors.ts';
import { strategyFor, type StrategyContext } from './strategy.ts';
import { validateObjectMeta } from './validation/meta.ts';
import {
  clone,
  deepFreeze,
  type KubeObject,
  type Stored,
  type WatchEvent,
  type WatchListener,
} from './types.ts';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface ListOptions {
  namespace?: string;
  labelSelector?: Selector;
  fieldSelector?: FieldRequirement[];
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  dryRun?: boolean;
  /** Only delete if the uid still matches (the GC and controllers use this). */
  uid?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
}

export interface StoreState {
  resourceVersion: number;
  counters: Record<string, number>;
  objects: KubeObject[];
}

export class Store {
  private byKind = new Map<string, Map<string, Stored>>();
  private listeners = new Set<WatchListener>();
  private rv = 1000;
  readonly counters: Record<string, number> = {};

  constructor(
    private readonly now: () => number,
    private readonly random: Random,
  ) {}

  // ---------------------------------------------------------------- reads

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): Stored<T> {
    const obj = this.tryGet<T>(kind, namespace, name);
    if (!obj) throw notFound(this.type(kind), name);
    return obj;
  }

  tryGet<T extends KubeObject = KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Stored<T> | undefined {
    const t = this.type(kind);
    return this.bucket(kind).get(storageKey(t, namespace, name)) as Stored<T> | undefined;
  }

  /** Objects of a kind, sorted by namespace then name (as the API server lists them). */
  list<T extends KubeObject = KubeObject>(kind: string, opts: ListOptions = {}): Stored<T>[] {
    const t = this.type(kind);
    const out: Stored<T>[] = [];
    for (const obj of this.bucket(kind).values()) {
      if (t.namespaced && opts.namespace !== undefined && obj.metadata.namespace !== opts.namespace) continue;
      if (opts.labelSelector && !matchesSelector(opts.labelSelector, obj.metadata.labels)) continue;
      if (opts.fieldSelector && !this.matchesFields(obj, opts.fieldSelector)) continue;
      out.push(obj as Stored<T>);
    }
    out.sort(compareObjects);
    return out;
  }

  /** Every stored object of every kind (for snapshots and the cluster view). */
  all(): Stored[] {
    const out: Stored[] = [];
    for (const bucket of this.byKind.values()) out.push(...bucket.values());
    return out;
  }

  count(kind: string): number {
    return this.bucket(kind).size;
  }

  resourceVersion(): number {
    return this.rv;
  }

  // ---------------------------------------------------------------- writes

  create<T extends KubeObject = KubeObject>(input: KubeObject, opts: WriteOptions = {}): Stored<T> {
    const t = this.typeForObject(input);
    const obj = clone(input) as T;
    obj.apiVersion = obj.apiVersion || apiVersionOf(t);
    obj.metadata = obj.metadata ?? {};
    const meta = obj.metadata;
    if (t.namespaced) {
      if (!meta.namespace) meta.namespace = 'default';
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.random.suffix(5);
    if (!meta.name) {
      throw invalid(t, '', [field.required('metadata.name', 'name or generateName is required')]);
    }
    if (t.namespaced && t.kind !== 'Event') this.checkNamespace(t, meta.namespace!, meta.name);

    const strategy = strategyFor(t.kind);
    // Fields the server owns are reset on create.
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.resourceVersion;
    delete meta.uid;
    if (strategy.uidBeforeDefaults) meta.uid = this.random.uuid();
    strategy.defaults?.(obj, this.ctx());
    const causes: Cause[] = [...validateObjectMeta(obj, t), ...(strategy.validate?.(obj) ?? [])];
    if (causes.length) throw invalid(t, meta.name, causes);

    const key = storageKey(t, meta.namespace, meta.name);
    if (this.bucket(t.kind).has(key)) throw alreadyExists(t, meta.name);
    meta.uid ??= this.random.uuid();
    meta.creationTimestamp = toRFC3339(this.now());
    if (strategy.generation) meta.generation = 1;
    else delete meta.generation;
    if (opts.dryRun) return obj as Stored<T>;
    meta.resourceVersion = String(++this.rv);
    const stored = deepFreeze(obj) as Stored<T>;
    this.bucket(t.kind).set(key, stored);
    this.emit({ type: 'ADDED', object: stored });
    return stored;
  }

  /**
   * Replaces an object. If `metadata.resourceVersion` is set it must match (optimistic
   * concurrency). With a status subresource, the main resource keeps the stored status and the
   * `status` subresource keeps everything else. The `binding` subresource (the scheduler setting
   * spec.nodeName and the PodScheduled condition) writes both, skips update validation and leaves
   * the generation alone, as upstream's BindingREST does.
   */
  update<T extends KubeObject>(
    input: T | Stored<T>,
    opts: WriteOptions & { subresource?: 'status' | 'binding' } = {},
  ): Stored<T> {
    return this.write(input as T, opts, false);
  }

  /**
   * The update path. `owned` means the caller handed over a fresh copy it will not touch again
   * (`mutate` does), so it is stored without another deep copy; unchanged parts of the stored
   * object are shared rather than copied (they are frozen, so sharing is safe).
   */
  private write<T extends KubeObject>(
    input: T,
    opts: WriteOptions & { subresource?: 'status' | 'binding' },
    owned: boolean,
  ): Stored<T> {
    const t = this.typeForObject(input);
    const name = input.metadata?.name ?? '';
    const ns = t.namespaced ? (input.metadata?.namespace ?? 'default') : undefined;
    const key = storageKey(t, ns, name);
    const old = this.bucket(t.kind).get(key);
    if (!old) throw notFound(t, name);
    const rvIn = input.metadata?.resourceVersion;
    if (rvIn && rvIn !== old.metadata.resourceVersion) {
      throw conflict(t, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    const strategy = strategyFor(t.kind);
    let obj: KubeObject;
    if (opts.subresource === 'status') {
      obj = { ...old, metadata: { ...old.metadata }, status: owned ? input.status : clone(input.status) };
    } else {
      obj = owned ? input : (clone(input) as KubeObject);
      if (strategy.statusSubresource && opts.subresource !== 'binding') obj.status = old.status;
    }
    obj.apiVersion = obj.apiVersion || old.apiVersion;
    const meta = obj.metadata;
    // Server-owned metadata never changes through an update.
    meta.namespace = old.metadata.namespace;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    if (meta.deletionTimestamp === undefined) delete meta.deletionTimestamp;
    if (meta.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds;
    if (old.metadata.deletionTimestamp) {
      const added = (meta.finalizers ?? []).filter((f) => !(old.metadata.finalizers ?? []).includes(f));
      if (added.length) {
        throw invalid(t, name, [
          field.forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`),
        ]);
      }
    }
    // A status write keeps everything but status from the stored object: nothing to default.
    if (opts.subresource !== 'status') strategy.defaultsOnUpdate?.(obj, old, this.ctx());
    const causes: Cause[] = [
      ...validateObjectMeta(obj, t),
      ...(opts.subresource ? [] : (strategy.validate?.(obj) ?? [])),
      ...(opts.subresource ? [] : (strategy.validateUpdate?.(obj, old) ?? [])),
    ];
    if (causes.length) throw invalid(t, name, causes);
    if (strategy.generation && opts.subresource !== 'binding') {
      const specChanged = !sameContent(withoutMetaAndStatus(obj), withoutMetaAndStatus(old));
      const gen = old.metadata.generation ?? 1;
      meta.generation = specChanged ? gen + 1 : gen;
    }
    if (sameContent(obj, old)) return old as Stored<T>;
    if (opts.dryRun) return obj as Stored<T>;
    meta.resourceVersion = String(++this.rv);
    if (meta.deletionTimestamp && (meta.finalizers ?? []).length === 0 && this.finishesDeletion(t, obj)) {
      this.bucket(t.kind).delete(key);
      const gone = deepFreeze(obj) as Stored<T>;
      this.emit({ type: 'DELETED', object: gone, old });
      return gone;
    }
    const stored = deepFreeze(obj) as Stored<T>;
    this.bucket(t.kind).set(key, stored);
    this.emit({ type: 'MODIFIED', object: stored, old });
    return stored;
  }

  updateStatus<T extends KubeObject>(input: T | Stored<T>): Stored<T> {
    return this.update(input, { subresource: 'status' });
  }

  /**
   * Reads, changes and writes back an object in one step. `mutate` gets a mutable copy; return
   * nothing to write it, or `false` to skip the write.
   */
  mutate<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
    mutate: (obj: T) => void | false,
    opts: { subresource?: 'status' | 'binding' } = {},
  ): Stored<T> {
    const current = this.get<T>(kind, namespace, name);
    const copy = clone(current) as T;
    if (mutate(copy) === false) return current;
    copy.metadata.resourceVersion = current.metadata.resourceVersion;
    return this.write(copy, opts, true);
  }

  /**
   * Deletes an object. Objects with finalizers, and pods running on a node, only get a
   * deletionTimestamp; they go away when the finalizers are removed (or the kubelet confirms).
   */
  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Stored {
    const t = this.type(kind);
    const ns = t.namespaced ? (namespace ?? 'default') : undefined;
    const key = storageKey(t, ns, name);
    const old = this.bucket(kind).get(key);
    if (!old) throw notFound(t, name);
    if (opts.uid && old.metadata.uid !== opts.uid) {
      throw conflict(t, name, `Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    const strategy = strategyFor(kind);
    const grace = strategy.gracePeriod ? strategy.gracePeriod(old, opts.gracePeriodSeconds) : 0;
    const obj = clone(old);
    const meta = obj.metadata;
    const finalizers = new Set(meta.finalizers ?? []);
    const policy = opts.propagationPolicy;
    if (!meta.deletionTimestamp) {
      if (policy === 'Orphan') finalizers.add('orphan');
      if (policy === 'Foreground') finalizers.add('foregroundDeletion');
    }
    if (finalizers.size > 0) meta.finalizers = [...finalizers];
    if (opts.dryRun) return obj;

    const now = this.now();
    if (finalizers.size === 0 && grace === 0 && !isHeldBySpecFinalizers(obj)) {
      this.bucket(kind).delete(key);
      meta.resourceVersion = String(++this.rv);
      if (!meta.deletionTimestamp) meta.deletionTimestamp = toRFC3339(now);
      meta.deletionGracePeriodSeconds = 0;
      const gone = deepFreeze(obj);
      this.emit({ type: 'DELETED', object: gone, old });
      return gone;
    }
    // Graceful: set (or shorten) the deletion timestamp.
    const currentGrace = meta.deletionGracePeriodSeconds;
    if (meta.deletionTimestamp && currentGrace !== undefined && currentGrace <= grace) {
      if (sameContent(obj, old)) return old;
    } else {
      meta.deletionTimestamp = toRFC3339(now + grace * 1000);
      meta.deletionGracePeriodSeconds = grace;
    }
    meta.resourceVersion = String(++this.rv);
    const stored = deepFreeze(obj);
    this.bucket(kind).set(key, stored);
    this.emit({ type: 'MODIFIED', object: stored, old });
    return stored;
  }

  /**
   * Removes an object whose deletion has been confirmed (the kubelet after containers stopped, or a
   * force delete). Finalizers still hold it.
   */
  finalizeDeletion(kind: string, namespace: string | undefined, name: string, uid?: string): void {
    const obj = this.tryGet(kind, namespace, name);
    if (!obj || (uid && obj.metadata.uid !== uid)) return;
    this.delete(kind, namespace, name, { gracePeriodSeconds: 0, uid: obj.metadata.uid });
  }

  // ---------------------------------------------------------------- watch

  watch(listener: WatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---------------------------------------------------------------- snapshots

  snapshot(): StoreState {
    return {
      resourceVersion: this.rv,
      counters: { ...this.counters },
      objects: this.all().map((o) => clone(o)),
    };
  }

  restore(state: StoreState): void {
    this.byKind.clear();
    this.rv = state.resourceVersion;
    for (const k of Object.keys(this.counters)) delete this.counters[k];
    Object.assign(this.counters, state.counters);
    for (const o of state.objects) {
      const t = this.type(o.kind);
      this.bucket(o.kind).set(storageKey(t, o.metadata.namespace, o.metadata.name ?? ''), deepFreeze(clone(o)));
    }
  }

  // ---------------------------------------------------------------- internals

  type(kind: string): ResourceType {
    const t = resourceForKind(kind);
    if (!t) throw badRequest(`no kind "${kind}" is registered`);
    return t;
  }

  private typeForObject(obj: { kind?: string }): ResourceType {
    if (!obj.kind) throw badRequest('Object \'Kind\' is missing');
    return this.type(obj.kind);
  }

  private bucket(kind: string): Map<string, Stored> {
    let b = this.byKind.get(kind);
    if (!b) {
      b = new Map();
      this.byKind.set(kind, b);
    }
    return b;
  }

  private emit(event: WatchEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  private ctx(): StrategyContext {
    return {
      now: this.now(),
      random: this.random,
      list: (kind, namespace) => this.list(kind, { namespace }),
      counters: this.counters,
    };
  }

  private checkNamespace(t: ResourceType, namespace: string, name: string): void {
    const ns = this.bucket('Namespace').get(namespace);
    if (!ns) {
      throw new ApiError('NotFound', 404, `namespaces "${namespace}" not found`, { name: namespace, kind: 'namespaces' });
    }
    if (ns.metadata.deletionTimestamp) {
      throw forbidden(
        t,
        name,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  private finishesDeletion(t: ResourceType, obj: KubeObject): boolean {
    // A pod being deleted gracefully stays until its kubelet confirms with a zero grace period.
    if (t.kind === 'Pod') return obj.metadata.deletionGracePeriodSeconds === 0;
    return !isHeldBySpecFinalizers(obj);
  }

  private matchesFields(obj: Stored, reqs: FieldRequirement[]): boolean {
    const extra = strategyFor(obj.kind).fieldSelectors ?? {};
    for (const r of reqs) {
      let value: string | undefined;
      if (r.field === 'metadata.name') value = obj.metadata.name;
      else if (r.field === 'metadata.namespace') value = obj.metadata.namespace;
      else if (extra[r.field]) value = extra[r.field]!(obj);
      else throw badRequest(`field label not supported: ${r.field}`);
      const eq = (value ?? '') === r.value;
      if (r.op === '=' ? !eq : eq) return false;
    }
    return true;
  }
}

/** A Namespace stays (Terminating) until the namespace controller empties `spec.finalizers`. */
function isHeldBySpecFinalizers(obj: KubeObject): boolean {
  return obj.kind === 'Namespace' && (obj.spec?.finalizers ?? []).length > 0;
}

function storageKey(t: ResourceType, namespace: string | undefined, name: string): string {
  return t.namespaced ? `${namespace ?? 'default'}/${name}` : name;
}

function compareObjects(a: Stored, b: Stored): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? '';
  const mb = b.metadata.name ?? '';
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

function withoutMetaAndStatus(obj: KubeObject | Stored): Record<string, unknown> {
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

/** Structural equality of two JSON-like values. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
