/**
 * Turns errors into the text kubectl prints (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go,
 * checkErr / StandardErrorMessage).
 */
import { ApiError, causeText } from '../sim/apiserver/errors.ts';
import { FlagError } from './flags.ts';

/** A client-side error: printed as `error: <message>`. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** An error that already carries its complete text (printed as is). */
export class RawError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * Rewrites an API error's message as `error when <verb> "<source>": <message>` (AddSourceToErr),
 * keeping its reason.
 */
export function withSource(e: unknown, verb: string, source: string | undefined): unknown {
  if (!source || !(e instanceof ApiError) || e.reason === 'Invalid') return e;
  return new ApiError(e.reason, e.code, `error when ${verb} "${source}": ${e.message}`, e.details);
}

export function formatError(e: unknown, command: string): string {
  if (e instanceof ApiError) return formatApiError(e);
  if (e instanceof FlagError) {
    // templater.go FlagErrorFunc: `kubectl options` has no help of its own to point to.
    if (command === 'options') return `error: ${e.message}\nRun 'kubectl options' without flags.\n`;
    return `error: ${e.message}\nSee 'kubectl ${command} --help' for usage.\n`;
  }
  if (e instanceof RawError) return e.message.endsWith('\n') ? e.message : e.message + '\n';
  const message = e instanceof Error ? e.message : String(e);
  return message.startsWith('error: ') ? `${message}\n` : `error: ${message}\n`;
}

export function formatApiError(e: ApiError): string {
  if (e.reason === 'Invalid' && e.details.kind && e.details.name !== undefined) {
    const causes = dedupe((e.details.causes ?? []).map(causeText));
    if (causes.length === 0) return `The ${e.details.kind} "${e.details.name}" is invalid\n`;
    if (causes.length === 1) return `The ${e.details.kind} "${e.details.name}" is invalid: ${causes[0]}\n`;
    return `The ${e.details.kind} "${e.details.name}" is invalid: \n${causes.map((c) => `* ${c}`).join('\n')}\n`;
  }
  return `Error from server (${e.reason}): ${e.message}\n`;
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}

export function exitCodeOf(e: unknown): number {
  if (e instanceof KubectlError || e instanceof RawError) return e.exitCode;
  return 1;
}
