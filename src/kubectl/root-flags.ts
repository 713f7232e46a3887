/**
 * What kubectl does with its root flags before a command runs, beyond -n and --context: the
 * profiling flags are checked by the root's PersistentPreRunE (kubectl/pkg/cmd/profiling.go
 * initProfiling), and --request-timeout when a command builds its client config
 * (client-go tools/clientcmd ParseTimeout). Nothing is profiled here and requests have no
 * transport to time out, so valid values change nothing.
 */
import { KubectlError } from './errors.ts';
import { str, type ParsedArgs } from './flags.ts';

/** `none`, `cpu`, and the profiles runtime/pprof knows by name. */
const PROFILES = new Set(['none', 'cpu', 'block', 'mutex', 'goroutine', 'threadcreate', 'heap', 'allocs']);

/** Commands that never build a client config (they read the kubeconfig file or print text). */
function isClientless(verb: string, parsed: ParsedArgs): boolean {
  return verb === 'options' || verb === 'config' || verb.startsWith('config ') || (verb === 'version' && parsed.flags.get('client') === true);
}

/** A non-negative integer (seconds) or a Go duration, as ParseTimeout accepts. */
export function isRequestTimeout(text: string): boolean {
  if (/^\+?\d+$/.test(text)) return true;
  return /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/.test(text);
}

/** Throws the error kubectl reports for a bad --profile or --request-timeout. */
export function checkRootFlags(parsed: ParsedArgs, verb: string): void {
  const profile = str(parsed, 'profile') ?? 'none';
  if (!PROFILES.has(profile)) throw new KubectlError(`unknown profile '${profile}'`);
  const timeout = str(parsed, 'request-timeout') ?? '0';
  if (!isClientless(verb, parsed) && !isRequestTimeout(timeout)) {
    throw new KubectlError(
      'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
    );
  }
}
