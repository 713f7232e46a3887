/**
 * Command-line flags as kubectl (cobra + pflag) parses them: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, grouped short booleans (`-it`), `--` ending flags, repeatable flags.
 */

/**
 * pflag value types as the help prints them; `value` is any other flag.Value (e.g. klog's
 * moduleSpec): parsed as text, its default printed without quotes.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'duration' | 'value';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  /** One-line help, shown by `kubectl <verb> --help`. */
  help: string;
  /** A hidden flag (pflag's MarkHidden): accepted, but not listed by `--help` or completion. */
  hidden?: boolean;
}

export interface ParsedArgs {
  /** Positional arguments (before `--`). */
  args: string[];
  /** Arguments after `--` (e.g. the command of `kubectl exec`). */
  rest: string[];
  /** True when `--` appeared. */
  dashDash: boolean;
  flags: Map<string, string | number | boolean | string[]>;
  /** Flags the user actually set. */
  set: Set<string>;
}

export class FlagError extends Error {}

/**
 * Flags every kubectl command accepts: the root's persistent flags, which `kubectl options` lists.
 * Their names, defaults and usage texts are kubectl v1.34's: the config flags of cli-runtime's
 * genericclioptions/config_flags.go (WithDeprecatedPasswordFlag adds --username and --password;
 * --cache-dir defaults to $HOME/.kube/cache), --match-server-version (cmd/util/kubectl_match_version.go),
 * --warnings-as-errors, --kuberc and the profiling flags (kubectl/pkg/cmd/cmd.go, kuberc/kuberc.go,
 * profiling.go), and the logging flags component-base/cli adds (-v, --vmodule, --log-flush-frequency).
 * Only -n, --context and -h change what our kubectl does; the others are accepted and have no effect
 * here (one simulated cluster, no transport, no klog output).
 */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', help: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', help: 'The name of the kubeconfig context to use' },
  { name: 'help', short: 'h', type: 'bool', help: 'help for this command' },
  { name: 'as', type: 'string', help: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.' },
  { name: 'as-group', type: 'stringArray', default: [], help: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.' },
  { name: 'as-uid', type: 'string', help: 'UID to impersonate for the operation.' },
  { name: 'cache-dir', type: 'string', default: '/root/.kube/cache', help: 'Default cache directory' },
  { name: 'certificate-authority', type: 'string', help: 'Path to a cert file for the certificate authority' },
  { name: 'client-certificate', type: 'string', help: 'Path to a client certificate file for TLS' },
  { name: 'client-key', type: 'string', help: 'Path to a client key file for TLS' },
  { name: 'cluster', type: 'string', help: 'The name of the kubeconfig cluster to use' },
  { name: 'disable-compression', type: 'bool', help: 'If true, opt-out of response compression for all requests to the server' },
  {
    name: 'insecure-skip-tls-verify',
    type: 'bool',
    help: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
  },
  { name: 'kubeconfig', type: 'string', help: 'Path to the kubeconfig file to use for CLI requests.' },
  {
    name: 'kuberc',
    type: 'string',
    help: 'Path to the kuberc file to use for preferences. This can be disabled by exporting KUBECTL_KUBERC=false feature gate or turning off the feature KUBERC=off.',
  },
  { name: 'log-flush-frequency', type: 'duration', default: '5s', help: 'Maximum number of seconds between log flushes' },
  { name: 'match-server-version', type: 'bool', help: 'Require server version to match client version' },
  { name: 'password', type: 'string', help: 'Password for basic authentication to the API server' },
  { name: 'profile', type: 'string', default: 'none', help: 'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof', help: 'Name of the file to write the profile to' },
  {
    name: 'request-timeout',
    type: 'string',
    default: '0',
    help: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
  },
  { name: 'server', short: 's', type: 'string', help: 'The address and port of the Kubernetes API server' },
  {
    name: 'tls-server-name',
    type: 'string',
    help: 'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used',
  },
  { name: 'token', type: 'string', help: 'Bearer token for authentication to the API server' },
  { name: 'user', type: 'string', help: 'The name of the kubeconfig user to use' },
  { name: 'username', type: 'string', help: 'Username for basic authentication to the API server' },
  // klog's flags come from Go's flag package: pflag gives the one-letter -v its shorthand, and
  // their values (klog.Level, moduleSpec) are not "string", so their defaults print unquoted.
  { name: 'v', short: 'v', type: 'int', help: 'number for the log level verbosity' },
  {
    name: 'vmodule',
    type: 'value',
    help: 'comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)',
  },
  { name: 'warnings-as-errors', type: 'bool', help: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
];

export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedArgs {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const out: ParsedArgs = { args: [], rest: [], dashDash: false, flags: new Map(), set: new Set() };
  for (const s of all) if (s.default !== undefined) out.flags.set(s.name, s.default);

  const assign = (spec: FlagSpec, raw: string, shown: string) => {
    out.set.add(spec.name);
    switch (spec.type) {
      case 'bool': {
        if (raw !== 'true' && raw !== 'false') {
          throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        }
        out.flags.set(spec.name, raw === 'true');
        break;
      }
      case 'int': {
        if (!/^-?\d+$/.test(raw)) {
          throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        }
        out.flags.set(spec.name, Number(raw));
        break;
      }
      case 'stringArray': {
        const prev = out.set.has(spec.name + '\0seen') ? (out.flags.get(spec.name) as string[]) : [];
        out.set.add(spec.name + '\0seen');
        out.flags.set(spec.name, [...prev, raw]);
        break;
      }
      default:
        out.flags.set(spec.name, raw);
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.dashDash = true;
      out.rest = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq !== -1) assign(spec, a.slice(eq + 1), `--${name}`);
      else if (spec.type === 'bool') assign(spec, 'true', `--${name}`);
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        assign(spec, argv[++i]!, `--${name}`);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      // Grouped shorthands: -it, -ojson, -n default
      let j = 1;
      while (j < a.length) {
        const ch = a[j]!;
        const spec = byShort.get(ch);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${ch}' in ${a}`);
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            assign(spec, a.slice(j + 2), `-${ch}, --${spec.name}`);
            j = a.length;
          } else {
            assign(spec, 'true', `-${ch}, --${spec.name}`);
            j++;
          }
          continue;
        }
        let value = a.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        if (value === '') {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${ch}' in -${ch}`);
          value = argv[++i]!;
        }
        assign(spec, value, `-${ch}, --${spec.name}`);
        j = a.length;
      }
      continue;
    }
    out.args.push(a);
  }
  return out;
}

export function str(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  return v === undefined ? undefined : String(v);
}

export function bool(p: ParsedArgs, name: string): boolean {
  return p.flags.get(name) === true;
}

export function int(p: ParsedArgs, name: string): number | undefined {
  const v = p.flags.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function strings(p: ParsedArgs, name: string): string[] {
  const v = p.flags.get(name);
  return Array.isArray(v) ? v : v === undefined ? [] : [String(v)];
}

/**
 * Parses a Go duration (`30s`, `5m`, `1h30m`, `500ms`) to ms; a bare number means seconds, as
 * kubectl's `--timeout` accepts. Returns undefined when malformed.
 */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const n = Number(m[1]);
    const unit = m[2]!;
    total += n * ({ ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as Record<string, number>)[unit]!;
    matched += m[0].length;
  }
  return matched === text.length && matched > 0 ? total : undefined;
}
