/**
 * kubectl set env: adds, changes (`KEY=VALUE`), removes (`KEY-`) or lists (`--list`) container
 * environment variables of pods and pod templates, or imports every key of a ConfigMap or Secret
 * (`--from`, `--prefix`, `--keys`) as valueFrom references; prints `deployment.apps/web env
 * updated` (staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go, set/env/env_parse.go,
 * set/env/env_resolve.go, set/helper.go updateEnv).
 */
import { decodeBase64 } from '../../../sim/apiserver/base64.ts';
import { intValue, milliValue } from '../../../sim/apiserver/quantity.ts';
import { isSameJson, type KubeObject } from '../../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../../change-output.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { KubectlError, RawError } from '../../errors.ts';
import { fileFlags } from '../../file-flags.ts';
import { bool, str, strings } from '../../flags.ts';
import { readAllManifests } from '../../manifest/read.ts';
import { getTarget, NO_RESOURCES_TEXT, parseTargets } from '../../targets.ts';
import { checkLocalDryRun, type ContainerLike, type EnvVar, localFlag, noPodTemplateText, objectName, podSpecOf, selectContainers, setErrors, setTargets } from './pod-template.ts';

/** `anything=anything` (env_parse.go argumentEnvironment). */
function isEnvironmentArgument(s: string): boolean {
  return /^.+=/s.test(s);
}

/** `word=anything`: the only KEY=VALUE form that is accepted (validArgumentEnvironment). */
function isValidEnvironmentArgument(s: string): boolean {
  return /^\w+=/s.test(s);
}

/** Resources first, then environment changes (SplitEnvironmentFromResources); undefined when mixed. */
function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = isEnvironmentArgument(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length === 0) resources.push(s);
    else return undefined;
  }
  return { resources, envArgs };
}

/** A plain variable; an empty value is left out, as EnvVar's `value,omitempty` leaves it out of the JSON. */
function envVar(name: string, value: string): EnvVar {
  return value === '' ? { name } : { name, value };
}

/** `NAME=value` lines of stdin for `-e -`; text after `#` is dropped (readEnv). */
function readEnv(text: string): EnvVar[] {
  const env: EnvVar[] = [];
  for (let line of text.split('\n')) {
    const hash = line.indexOf('#');
    if (hash !== -1) line = line.slice(0, hash);
    const eq = line.indexOf('=');
    if (eq !== -1) env.push(envVar(line.slice(0, eq), line.slice(eq + 1)));
  }
  return env;
}

/** ParseEnv: the variables to set and the names to remove. */
function parseEnv(specs: string[], stdin: string): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const spec of specs) {
    if (!isValidEnvironmentArgument(spec) && !spec.endsWith('-')) {
      throw new KubectlError('environment variables must be of the form key=value and can only contain letters, numbers, and underscores');
    }
    if (spec === '-') {
      env.push(...readEnv(stdin));
    } else if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      set.add(spec.slice(0, eq));
      env.push(envVar(spec.slice(0, eq), spec.slice(eq + 1)));
    } else {
      remove.push(spec.slice(0, -1));
    }
  }
  if (remove.some((r) => set.has(r))) throw new KubectlError('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/**
 * keyToEnvName: every character outside [a-zA-Z0-9_] becomes `_`, then upper case; a key that
 * changes on the way is reported (`Warning: key log.level transferred to LOG_LEVEL`).
 */
function keyToEnvName(inv: Invocation, key: string): string {
  const name = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
  if (name !== key) inv.io.err(`Warning: key ${key} transferred to ${name}\n`);
  return name;
}

/**
 * updateEnv: existing variables keep their place (replaced by a newer one of the same name,
 * dropped when removed); new ones follow in the order given.
 */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((x) => x.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** GetEnvVarRefString: `configmap app-config, key mode`. */
function envVarRefString(from: NonNullable<EnvVar['valueFrom']>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : '';
    return `resource field ${prefix}${from.resourceFieldRef.resource}`;
  }
  return 'invalid valueFrom';
}

/** `key=%q` lines of a label or annotation map, sorted by key (env_resolve.go formatMap). */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');
}

/** GetEnvVarRefValue for `--resolve`: the referenced value, or the error that explains why not. */
function envVarRefValue(inv: Invocation, from: NonNullable<EnvVar['valueFrom']>, obj: KubeObject, c: ContainerLike): string {
  const api = inv.cluster.api;
  if (from.secretKeyRef) {
    const s = api.get('Secret', inv.namespace, from.secretKeyRef.name ?? '');
    const v = (s.data as Record<string, string> | undefined)?.[from.secretKeyRef.key];
    if (v === undefined) throw new Error(`key ${from.secretKeyRef.key} not found in secret ${from.secretKeyRef.name ?? ''}`);
    return decodeBase64(v);
  }
  if (from.configMapKeyRef) {
    const cm = api.get('ConfigMap', inv.namespace, from.configMapKeyRef.name ?? '');
    const v = (cm.data as Record<string, string> | undefined)?.[from.configMapKeyRef.key];
    if (v === undefined) throw new Error(`key ${from.configMapKeyRef.key} not found in config map ${from.configMapKeyRef.name ?? ''}`);
    return v;
  }
  if (from.fieldRef) {
    const path = from.fieldRef.fieldPath;
    const sub = /^(.+)\['(.*)'\]$/s.exec(path);
    if (sub) {
      if (sub[1] === 'metadata.annotations') return obj.metadata.annotations?.[sub[2]!] ?? '';
      if (sub[1] === 'metadata.labels') return obj.metadata.labels?.[sub[2]!] ?? '';
      throw new Error(`fieldPath ${JSON.stringify(path)} does not support subscript`);
    }
    switch (path) {
      case 'metadata.annotations':
        return formatMap(obj.metadata.annotations);
      case 'metadata.labels':
        return formatMap(obj.metadata.labels);
      case 'metadata.name':
        return obj.metadata.name ?? '';
      case 'metadata.namespace':
        return obj.metadata.namespace ?? '';
      case 'metadata.uid':
        return obj.metadata.uid ?? '';
    }
    throw new Error(`unsupported fieldPath: ${path}`);
  }
  if (from.resourceFieldRef) {
    const [kind, name] = from.resourceFieldRef.resource.split('.', 2) as [string, string];
    const list = kind === 'limits' ? c.resources?.limits : kind === 'requests' ? c.resources?.requests : undefined;
    if (list === undefined && kind !== 'limits' && kind !== 'requests') throw new Error(`Unsupported container resource : ${from.resourceFieldRef.resource}`);
    const divisor = from.resourceFieldRef.divisor && from.resourceFieldRef.divisor !== '0' ? from.resourceFieldRef.divisor : '1';
    const q = list?.[name] ?? '0';
    if (name === 'cpu') return String(Math.ceil(milliValue(q) / milliValue(divisor)));
    if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) return String(Math.ceil(intValue(q) / intValue(divisor)));
    throw new Error(`Unsupported container resource : ${from.resourceFieldRef.resource}`);
  }
  throw new Error('invalid valueFrom');
}

/** The valueFrom variables `--from=configmap/NAME|secret/NAME` brings in (keys in sorted order). */
function envFrom(inv: Invocation, from: string, keys: string[]): EnvVar[] {
  const t = parseTargets([from]);
  if (t.types.length) throw new KubectlError('resource(s) were provided, but no name was specified');
  return envFromObjects(inv, t.named.map((n) => getTarget(inv, n)), keys);
}

/** With --local, --from reads what the files hold (set_env.go builds that builder from -f too). */
async function envFromFiles(inv: Invocation, keys: string[]): Promise<EnvVar[]> {
  const files = strings(inv.parsed, 'filename');
  if (files.length === 0) throw new KubectlError(NO_RESOURCES_TEXT);
  return envFromObjects(inv, (await readAllManifests(inv, files)).map((m) => m.object), keys);
}

/** One valueFrom variable per key of each ConfigMap or Secret; any other kind is refused. */
function envFromObjects(inv: Invocation, objects: readonly KubeObject[], keys: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  for (const obj of objects) {
    const data = (obj.data ?? {}) as Record<string, string>;
    const names = Object.keys(data)
      .sort()
      .filter((k) => keys.length === 0 || keys.includes(k));
    if (obj.kind === 'Secret') {
      for (const key of names) out.push({ name: keyToEnvName(inv, key), valueFrom: { secretKeyRef: { name: obj.metadata.name, key } } });
    } else if (obj.kind === 'ConfigMap') {
      for (const key of names) out.push({ name: keyToEnvName(inv, key), valueFrom: { configMapKeyRef: { name: obj.metadata.name, key } } });
    } else {
      throw new KubectlError('unsupported resource specified in --from');
    }
  }
  return out;
}

export const env: KubectlCommand = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  long: "Update environment variables on a pod template.\n\n List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.\n\n If \"--env -\" is passed, environment variables can be read from STDIN using the standard env syntax.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)",
  example: `# Update deployment 'registry' with a new environment variable
kubectl set env deployment/registry STORAGE_DIR=/local

# List the environment variables defined on a deployments 'sample-build'
kubectl set env deployment/sample-build --list

# List the environment variables defined on all pods
kubectl set env pods --all --list

# Output modified deployment in YAML, and does not alter the object on the server
kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml

# Update all containers in all replication controllers in the project to have ENV=prod
kubectl set env rc --all ENV=prod

# Import environment from a secret
kubectl set env --from=secret/mysecret deployment/myapp

# Import environment from a config map with a prefix
kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp

# Import specific keys from a config map
kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp

# Remove the environment variable ENV from container 'c1' in all deployment configs
kubectl set env deployments --all --containers="c1" ENV-

# Remove the environment variable ENV from a deployment definition on disk and
# update the deployment config on the server
kubectl set env -f deploy.json ENV-

# Set some of the local shell environment into a deployment config on the server
env | grep RAILS_ | kubectl set env -e - deployment/registry`,
  usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
  flags: [
    ...fileFlags('the resource to update the env'),
    { name: 'containers', short: 'c', type: 'string', default: '*', help: 'The names of containers in the selected pod templates to change - may use wildcards' },
    { name: 'from', type: 'string', help: 'The name of a resource from which to inject environment variables' },
    { name: 'prefix', type: 'string', help: 'Prefix to append to variable names' },
    { name: 'env', short: 'e', type: 'stringArray', help: 'Specify a key-value pair for an environment variable to set into each container.' },
    { name: 'keys', type: 'stringArray', help: 'Comma-separated list of keys to import from specified resource' },
    { name: 'list', type: 'bool', help: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.' },
    { name: 'resolve', type: 'bool', help: 'If true, show secret or configmap references when listing variables' },
    localFlag('env'),
    { name: 'all', type: 'bool', help: 'If true, select all resources in the namespace of the specified resource types' },
    { name: 'overwrite', type: 'bool', default: true, help: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-set', help: 'Name of the manager used to track field ownership.' },
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    // Complete
    if (bool(p, 'all') && str(p, 'selector')) throw new KubectlError('cannot set --all and --selector at the same time');
    const split = splitEnvironmentFromResources(p.args);
    if (!split) throw new KubectlError(`all resources must be specified before environment changes: ${p.args.join(' ')}`);
    const output = checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    // Validate
    if (strings(p, 'filename').length === 0 && split.resources.length < 1) {
      throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    }
    const local = bool(p, 'local');
    checkLocalDryRun(local, dryRun);
    const list = bool(p, 'list');
    if (list && output) throw new KubectlError('--list and --output may not be specified together');
    const keys = strings(p, 'keys').flatMap((k) => k.split(','));
    const from = str(p, 'from') ?? '';
    if (keys.length > 0 && !from) throw new KubectlError('when specifying --keys, a configmap or secret must be provided with --from');
    // RunEnv
    const { env: vars, remove } = parseEnv([...strings(p, 'env'), ...split.envArgs], inv.io.stdin);
    if (from) vars.push(...(local ? await envFromFiles(inv, keys) : envFrom(inv, from, keys)));
    const prefix = str(p, 'prefix') ?? '';
    if (prefix) for (const v of vars) v.name = `${prefix}${v.name}`;
    const selector = str(p, 'containers') ?? '*';
    const overwrite = p.flags.get('overwrite') !== false;
    const resolve = bool(p, 'resolve');

    const targets = await setTargets(inv, local ? [] : split.resources);
    // Each target's outcome, in order: its changed copy, or the error of its mutation.
    const outcomes: (KubeObject | RawError)[] = [];
    for (const obj of targets) {
      const copy = structuredClone(obj) as KubeObject;
      const spec = podSpecOf(copy);
      if (!spec) {
        outcomes.push(new RawError(`error: ${objectName(obj)} ${noPodTemplateText(obj)}\n`));
        continue;
      }
      const containers = selectContainers(spec, selector);
      if (containers.length === 0) {
        inv.io.err(`Warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
        continue;
      }
      let failure: string | undefined;
      let unresolved = false;
      for (const c of containers) {
        if (!overwrite) {
          const clash = vars.map((e) => [e, c.env?.find((x) => x.name === e.name)] as const).find(([e, cur]) => cur && (cur.value ?? '') !== (e.value ?? ''));
          if (clash) {
            failure = `'${clash[1]!.name}' already has a value (${clash[1]!.value ?? ''}), and --overwrite is false`;
            break;
          }
        }
        const next = updateEnv(c.env ?? [], vars, remove);
        if (next.length) c.env = structuredClone(next);
        else delete c.env;
        if (!list) continue;
        const resolveErrors = new Map<string, string[]>();
        inv.io.out(`# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) {
          if (!e.valueFrom) {
            inv.io.out(`${e.name}=${e.value ?? ''}\n`);
            continue;
          }
          if (resolve) {
            try {
              inv.io.out(`${e.name}=${envVarRefValue(inv, e.valueFrom, obj, c)}\n`);
              continue;
            } catch (err) {
              const text = err instanceof Error ? err.message : String(err);
              resolveErrors.set(text, [...(resolveErrors.get(text) ?? []), e.name]);
              unresolved = true;
            }
          }
          inv.io.out(`# ${e.name} from ${envVarRefString(e.valueFrom)}\n`);
        }
        const lines = [...resolveErrors].map(([err, names]) => `error retrieving reference for ${[...names].sort().join(', ')}: ${err}`).sort();
        for (const l of lines) inv.io.err(`${l}\n`);
      }
      if (failure === undefined && unresolved) failure = 'failed to retrieve valueFrom references';
      if (failure !== undefined) {
        outcomes.push(new RawError(`error: ${objectName(obj)} ${failure}\n`));
        continue;
      }
      if (!isSameJson(copy, obj)) outcomes.push(copy);
    }
    if (list) return 0;
    const errors: unknown[] = [];
    let count = 0;
    for (const copy of outcomes) {
      if (copy instanceof RawError) {
        errors.push(copy);
        continue;
      }
      if (local || dryRun === 'client') {
        reportChange(inv, copy, 'env updated', dryRun, count++);
        continue;
      }
      let result: KubeObject;
      try {
        result = inv.cluster.api.update(copy, { dryRun: dryRun === 'server' }) as KubeObject;
      } catch (e) {
        errors.push(new KubectlError(`failed to patch env update to pod template: ${e instanceof Error ? e.message : String(e)}`));
        continue;
      }
      // set_env.go checks this only after a successful patch.
      if (vars.length === 0 && split.envArgs.length === 0) throw new KubectlError('at least one environment variable must be provided');
      reportChange(inv, result, 'env updated', dryRun, count++);
    }
    if (errors.length) throw setErrors(errors);
    return 0;
  },
};
