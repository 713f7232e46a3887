/**
 * Expectations that read the cluster API and word their results as "expected …, found …".
 * Each returns one Check (or one per object) so a grader reads as a list of facts.
 */
import { resolveResource } from '../../src/sim/apiserver/resources.ts';
import { parseLabelSelector, matchesSelector } from '../../src/sim/apiserver/selectors.ts';
import type { Stored } from '../../src/sim/apiserver/types.ts';
import { check, fail, pass, type Check } from './check.ts';
import { initialKey, type GradeContext } from './context.ts';

/** Resolves `statefulset/quiz` to the stored object, or undefined. */
export function getObject(ctx: GradeContext, ref: string, namespace = ctx.namespace): Stored | undefined {
  const { kind, name } = parseRef(ref);
  const t = resolveResource(kind);
  if (!t) throw new Error(`grader refers to an unknown type in "${ref}"`);
  return ctx.cluster.api.tryGet(t.kind, t.namespaced ? namespace : undefined, name);
}

/** Reads a dotted path (`spec.updateStrategy.rollingUpdate.partition`, `spec.containers[0].image`). */
export function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter(Boolean))) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function expectExists(ctx: GradeContext, ref: string, name = `${ref} exists`): Check {
  return check(name, getObject(ctx, ref) !== undefined, `expected ${ref} to exist, found none`, `${ref} exists`);
}

export function expectAbsent(ctx: GradeContext, ref: string, name = `${ref} is gone`): Check {
  const obj = getObject(ctx, ref);
  return check(name, obj === undefined, `expected ${ref} to be deleted, found it still there`, `${ref} is gone`);
}

/** A field equals a value (deep equality on JSON values). */
export function expectField(ctx: GradeContext, ref: string, path: string, expected: unknown, name?: string): Check {
  const title = name ?? `${ref} ${path} is ${show(expected)}`;
  const obj = getObject(ctx, ref);
  if (!obj) return fail(title, `expected ${ref} to exist, found none`);
  const found = readPath(obj, path);
  return check(
    title,
    JSON.stringify(found) === JSON.stringify(expected),
    `expected ${path} of ${ref} to be ${show(expected)}, found ${show(found)}`,
    `${path} of ${ref} is ${show(expected)}`,
  );
}

/** The object still has the uid it had when the learner started: it was not deleted and recreated. */
export function expectNotRecreated(ctx: GradeContext, ref: string, name = `${ref} was not recreated`): Check {
  const { kind, name: objName } = parseRef(ref);
  const t = resolveResource(kind)!;
  const before = ctx.initial.get(initialKey(t.kind, t.namespaced ? ctx.namespace : undefined, objName));
  const now = getObject(ctx, ref);
  if (!before) return fail(name, `expected ${ref} to exist when the lab started, found none`);
  if (!now) return fail(name, `expected ${ref} to still exist, found it deleted`);
  return check(
    name,
    before.metadata.uid === now.metadata.uid,
    `expected ${ref} to keep uid ${before.metadata.uid}, found uid ${now.metadata.uid} (it was deleted and created again)`,
    `${ref} kept its uid`,
  );
}

export interface PodFilter {
  /** Label selector, e.g. `app=quiz`. */
  selector?: string;
  namespace?: string;
}

/** Pods matching a filter, sorted by name (ordinal order for StatefulSets up to 9 replicas). */
export function podsOf(ctx: GradeContext, filter: PodFilter): Stored[] {
  const sel = parseLabelSelector(filter.selector ?? '');
  return ctx.cluster.api
    .list('Pod', { namespace: filter.namespace ?? ctx.namespace })
    .filter((p) => matchesSelector(sel, p.metadata.labels))
    .sort((a, b) => ordinalOf(a) - ordinalOf(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

export function ordinalOf(pod: Stored): number {
  const m = /-(\d+)$/.exec(pod.metadata.name ?? '');
  return m ? Number(m[1]) : -1;
}

/** The condition of `type` with status True, if the object has it (Jobs, pods, nodes…). */
export function trueCondition(obj: Stored | undefined, type: string): { type: string; status: string; reason?: string } | undefined {
  return (obj?.status?.conditions ?? []).find((c: { type: string; status: string }) => c.type === type && c.status === 'True');
}

export function isReady(pod: Stored): boolean {
  return (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

export function isRunningAndReady(pod: Stored): boolean {
  return pod.status?.phase === 'Running' && isReady(pod) && !pod.metadata.deletionTimestamp;
}

export function imageOf(pod: Stored, container?: string): string | undefined {
  const cs: { name: string; image: string }[] = pod.spec?.containers ?? [];
  return (container ? cs.find((c) => c.name === container) : cs[0])?.image;
}

export function expectPods(ctx: GradeContext, filter: PodFilter) {
  const what = filter.selector ? `pods with ${filter.selector}` : 'pods';
  return {
    /** Exactly `n` pods match. */
    toHaveCount(n: number, name = `${n} ${what}`): Check {
      const pods = podsOf(ctx, filter);
      return check(name, pods.length === n, `expected ${n} ${what}, found ${pods.length}`, `${n} ${what} exist`);
    },
    /** Every matching pod (or those with the given ordinals) runs `image`. One check per pod. */
    toHaveImage(image: string, opts: { ordinals?: number[]; container?: string } = {}): Check[] {
      const pods = podsOf(ctx, filter).filter((p) => !opts.ordinals || opts.ordinals.includes(ordinalOf(p)));
      const missing = (opts.ordinals ?? []).filter((o) => !pods.some((p) => ordinalOf(p) === o));
      const checks = pods.map((p) => {
        const found = imageOf(p, opts.container);
        return check(
          `${p.metadata.name} runs ${image}`,
          found === image,
          `${p.metadata.name} should run ${image}, found ${found ?? 'no container'}`,
          `${p.metadata.name} runs ${image}`,
        );
      });
      for (const o of missing) checks.push(fail(`ordinal ${o} runs ${image}`, `expected a pod with ordinal ${o} running ${image}, found none`));
      if (checks.length === 0) checks.push(fail(`${what} run ${image}`, `expected ${what} running ${image}, found no pods`));
      return checks;
    },
    /** At least `count` (default: all, and at least one) matching pods are Running and Ready. */
    toBeRunningAndReady(count?: number, name?: string): Check {
      const pods = podsOf(ctx, filter);
      const ready = pods.filter(isRunningAndReady);
      const want = count ?? Math.max(pods.length, 1);
      const notReady = pods.filter((p) => !isRunningAndReady(p)).map((p) => p.metadata.name);
      return check(
        name ?? `${want} ${what} Running and Ready`,
        ready.length >= want,
        `expected ${want} ${what} Running and Ready, found ${ready.length}${notReady.length ? ` (not ready: ${notReady.join(', ')})` : ''}`,
        `${ready.length} ${what} are Running and Ready`,
      );
    },
    /** No matching pod runs on one of `nodes` (e.g. a lost node). */
    toAvoidNodes(nodes: string[], name = `${what} avoid ${nodes.join(', ')}`): Check {
      const bad = podsOf(ctx, filter).filter((p) => nodes.includes(p.spec?.nodeName));
      return check(
        name,
        bad.length === 0,
        `expected no ${what} on ${nodes.join(', ')}, found ${bad.map((p) => `${p.metadata.name} on ${p.spec.nodeName}`).join(', ')}`,
        `no ${what} on ${nodes.join(', ')}`,
      );
    },
  };
}

export function expectStatefulSet(ctx: GradeContext, name: string) {
  const ref = `statefulset/${name}`;
  const sts = () => getObject(ctx, ref);
  return {
    toHavePartition(n: number): Check {
      const s = sts();
      const found = s?.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
      if (!s) return fail(`partition is ${n}`, `expected ${ref} to exist, found none`);
      return check(`partition is ${n}`, found === n, `expected ${ref} partition ${n}, found ${found}`, `${ref} has partition ${n}`);
    },
    toHaveReplicas(n: number): Check {
      const s = sts();
      if (!s) return fail(`${n} replicas`, `expected ${ref} to exist, found none`);
      return check(`${n} replicas`, s.spec?.replicas === n, `expected ${ref} to want ${n} replicas, found ${s.spec?.replicas}`, `${ref} wants ${n} replicas`);
    },
    /** Every replica runs the update revision (currentRevision == updateRevision, all updated). */
    toBeRolledOut(): Check {
      const s = sts();
      const title = `${ref} fully rolled out`;
      if (!s) return fail(title, `expected ${ref} to exist, found none`);
      const st = s.status ?? {};
      const ok =
        st.observedGeneration === s.metadata.generation &&
        st.updatedReplicas === s.spec?.replicas &&
        st.currentRevision === st.updateRevision &&
        st.readyReplicas === s.spec?.replicas;
      return check(
        title,
        ok,
        `expected all ${s.spec?.replicas} replicas updated and ready at revision ${st.updateRevision}, found ${st.updatedReplicas ?? 0} updated, ${st.readyReplicas ?? 0} ready, current revision ${st.currentRevision}`,
        `all ${s.spec?.replicas} replicas run revision ${st.updateRevision}`,
      );
    },
  };
}

/** Claims that existed at the start still exist with the same uid and are Bound. */
export function expectClaimsKept(ctx: GradeContext, names: string[]): Check[] {
  return names.map((n) => {
    const ref = `pvc/${n}`;
    const before = ctx.initial.get(initialKey('PersistentVolumeClaim', ctx.namespace, n));
    const now = getObject(ctx, ref);
    const title = `claim ${n} kept`;
    if (!now) return fail(title, `expected claim ${n} to still exist, found it deleted`);
    if (before && before.metadata.uid !== now.metadata.uid) {
      return fail(title, `expected claim ${n} to be the original one, found a new claim (the data of the old one is gone)`);
    }
    if (now.status?.phase !== 'Bound') return fail(title, `expected claim ${n} to be Bound, found ${now.status?.phase ?? 'no phase'}`);
    return pass(title, `claim ${n} is the original and Bound to ${now.spec?.volumeName}`);
  });
}

function parseRef(ref: string): { kind: string; name: string } {
  const slash = ref.indexOf('/');
  if (slash === -1) throw new Error(`grader reference "${ref}" must be TYPE/NAME`);
  return { kind: ref.slice(0, slash), name: ref.slice(slash + 1) };
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
