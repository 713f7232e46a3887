/**
 * kubectl's entry point: finds the verb, parses its flags, resolves the context and namespace, runs
 * it and prints errors the way kubectl does.
 */
import { findVerb, VERBS } from './commands/index.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { exitCodeOf, formatError, KubectlError } from './errors.ts';
import { bool, FlagError, GLOBAL_FLAGS, parseFlags, str } from './flags.ts';
import { commandHelp, rootHelp } from './help.ts';
import { checkRootFlags } from './root-flags.ts';
import type { IO, KubectlHost } from './host.ts';

export type { IO, KubectlHost } from './host.ts';

export async function runKubectl(argv: string[], host: KubectlHost, io: IO): Promise<number> {
  const first = verbIndex(argv);
  if (argv.length === 0 || first === -1) {
    // Only flags: kubectl checks them, then shows its help.
    try {
      parseFlags(argv, []);
    } catch (e) {
      io.err(`error: ${e instanceof Error ? e.message : String(e)}\nSee 'kubectl --help' for usage.\n`);
      return 1;
    }
    io.out(rootHelp(VERBS));
    return 0;
  }
  const verbWord = argv[first]!;
  const found = findVerb(verbWord);
  if (!found) {
    io.err(`error: unknown command "${verbWord}" for "kubectl"\n`);
    return 1;
  }
  let command: KubectlCommand = await found.load();
  let verb = command.name;
  let rest = [...argv.slice(0, first), ...argv.slice(first + 1)];
  // Descend into sub-commands: `rollout status`, `config use-context`.
  while (command.subcommands) {
    const idx = verbIndex(rest);
    const sub: KubectlCommand | undefined = idx === -1 ? undefined : findCommand(command.subcommands, rest[idx]!);
    if (!sub) {
      if (!command.run) {
        // A group's Run is DefaultSubCommandRun: help then exit 1, or RequireNoArguments' usage error.
        if (rest.includes('--help') || rest.includes('-h')) {
          io.out(commandHelp(command, verb));
          return 0;
        }
        if (idx !== -1) {
          io.err(`error: unknown command "${rest[idx]}"\nSee 'kubectl ${verb} -h' for help and examples\n`);
          return 1;
        }
        const help = commandHelp(command, verb);
        if (command.bareHelpTo === 'stdout') io.out(help);
        else io.err(help);
        return 1;
      }
      break;
    }
    verb = `${verb} ${sub.name}`;
    rest = [...rest.slice(0, idx), ...rest.slice(idx + 1)];
    command = sub;
  }
  try {
    const parsed = parseFlags(rest, command.flags);
    if (bool(parsed, 'help')) {
      io.out(command.helpText ?? commandHelp(command, verb));
      return 0;
    }
    checkRootFlags(parsed, verb);
    const contextName = str(parsed, 'context') ?? host.kubeconfig.current;
    const context = host.kubeconfig.contexts.get(contextName);
    if (!context) {
      throw new KubectlError(`context was not found for specified context: ${contextName}`);
    }
    const nsFlag = str(parsed, 'namespace');
    const inv: Invocation = {
      verb,
      parsed,
      host,
      io,
      context,
      cluster: context.cluster,
      namespace: nsFlag || context.namespace || 'default',
      namespaceExplicit: nsFlag !== undefined,
    };
    if (!command.run) throw new KubectlError(`unknown command "${verb}"`);
    const code = await command.run(inv);
    // cmd.go PersistentPostRunE: after a successful run, --warnings-as-errors turns the warnings
    // the server sent (not kubectl's own `Warning:` lines) into the command's error.
    const warned = inv.serverWarnings ?? 0;
    if (code === 0 && warned > 0 && bool(parsed, 'warnings-as-errors')) {
      throw new KubectlError(`${warned} ${warned === 1 ? 'warning' : 'warnings'} received`);
    }
    return code;
  } catch (e) {
    io.err(formatError(e, verb));
    return exitCodeOf(e);
  } finally {
    context0(host)?.cluster.settle();
  }
}

function context0(host: KubectlHost) {
  return host.kubeconfig.contexts.get(host.kubeconfig.current);
}

/**
 * Where the verb is: the first word that is neither a flag nor the value of a global flag given
 * before it (`kubectl -n kube-system get pods`, `kubectl --context prod get ns`), as cobra finds it.
 */
function verbIndex(argv: readonly string[]): number {
  const takesValue = new Set(
    GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]),
  );
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (takesValue.has(a)) i++;
  }
  return -1;
}

function findCommand(list: KubectlCommand[], word: string): KubectlCommand | undefined {
  return list.find((c) => c.name === word || c.aliases?.includes(word));
}
