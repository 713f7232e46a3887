/**
 * One kubectl verb: its flags and what it does. Each verb lives in `commands/<verb>.ts` and is
 * listed in `commands/index.ts`.
 */
import type { Cluster } from '../sim/cluster.ts';
import type { FlagSpec, ParsedArgs } from './flags.ts';
import type { IO, KubeContext, KubectlHost } from './host.ts';

export interface Invocation {
  /** The verb as typed, e.g. `get` or `rollout status` (for error hints). */
  verb: string;
  parsed: ParsedArgs;
  host: KubectlHost;
  io: IO;
  /** The context this command talks to (`--context` or the current one). */
  context: KubeContext;
  cluster: Cluster;
  /** `-n`, else the context's namespace, else `default`. */
  namespace: string;
  /** True when `-n` was given explicitly. */
  namespaceExplicit: boolean;
  /** Warnings the API server sent back during this command (for `--warnings-as-errors`). */
  serverWarnings?: number;
}

export interface KubectlCommand {
  name: string;
  aliases?: string[];
  /** The one-line summary shown by `kubectl --help`. */
  short: string;
  /**
   * The long description `kubectl <verb> --help` starts with, as kubectl prints it after
   * templates.LongDesc (heredoc, then blackfriday's ASCII rendering: a leading space on later
   * paragraphs, `  *  item` list items). Without it the help starts with `short`.
   */
  long?: string;
  /** The `Examples:` text, one example line a line; printed indented by two spaces. */
  example?: string;
  /**
   * Where a group run without a sub-command prints its help (DefaultSubCommandRun's writer):
   * stderr unless `stdout` (rollout passes streams.Out, config, set and create secret ErrOut).
   */
  bareHelpTo?: 'stdout';
  /**
   * What `--help` prints when the command has its own help template instead of the common one
   * (`kubectl options` sets an empty one, templates.go OptionsHelpTemplate).
   */
  helpText?: string;
  /** Usage line, e.g. `kubectl get [(-o|--output=)json|yaml|…] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]`. */
  usage: string;
  flags: FlagSpec[];
  /** Sub-commands (`rollout status`, `config use-context`). */
  subcommands?: KubectlCommand[];
  /** Runs the verb; returns the exit code. Throw ApiError/KubectlError for failures. */
  run?(inv: Invocation): Promise<number>;
}
