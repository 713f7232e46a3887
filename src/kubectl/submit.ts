/**
 * Sends objects to the API server the way kubectl's REST helper does: the server decodes the body
 * with field validation (`--validate=strict|warn|ignore`), then creates or replaces the object,
 * honouring `--dry-run=server`. Warnings come back and are printed as `Warning: …` on stderr.
 */
import { decodeObject, type FieldValidation } from '../sim/apiserver/schema/decode.ts';
import type { KubeObject, Stored } from '../sim/apiserver/types.ts';
import type { DryRun } from './change-output.ts';
import type { Invocation } from './command.ts';
import { formatError, KubectlError, RawError } from './errors.ts';
import type { FlagSpec } from './flags.ts';
import { str } from './flags.ts';

export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  help: `Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. "warn" will warn about unknown or duplicate fields without blocking the request. "false" or "ignore" will not perform any schema validation.`,
};

export function validationOf(inv: Invocation): FieldValidation {
  const v = (str(inv.parsed, 'validate') ?? 'strict').toLowerCase();
  if (v === 'strict' || v === 'true') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore' || v === 'false') return 'Ignore';
  throw new KubectlError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** Decodes as the server would, printing its warnings. */
export function serverDecode(inv: Invocation, obj: KubeObject, validation: FieldValidation): KubeObject {
  const { object, warnings } = decodeObject(obj, validation);
  for (const w of warnings) inv.io.err(`Warning: ${w}\n`);
  inv.serverWarnings = (inv.serverWarnings ?? 0) + warnings.length;
  return object;
}

/** POST: decode then create. With client dry run nothing is sent and the object is returned as is. */
export function submitCreate(inv: Invocation, obj: KubeObject, dryRun: DryRun, validation: FieldValidation): KubeObject | Stored<KubeObject> {
  if (dryRun === 'client') return obj;
  const decoded = serverDecode(inv, obj, validation);
  return inv.cluster.api.create(decoded, { dryRun: dryRun === 'server' });
}

/** PUT: decode then update. */
export function submitUpdate(inv: Invocation, obj: KubeObject, dryRun: DryRun, validation: FieldValidation): KubeObject | Stored<KubeObject> {
  if (dryRun === 'client') return obj;
  const decoded = serverDecode(inv, obj, validation);
  return inv.cluster.api.update(decoded, { dryRun: dryRun === 'server' });
}

/**
 * The errors of a multi-object command as one error. One error prints as usual; several print one
 * per line in their standard form, without an `error: ` prefix (helpers.go checkErr →
 * MultipleErrors).
 */
export function aggregate(inv: Invocation, errors: unknown[]): Error {
  if (errors.length === 1) {
    const only = errors[0];
    return only instanceof Error ? only : new KubectlError(String(only));
  }
  return new RawError(
    errors
      .map((e) => {
        if (e instanceof RawError) return e.message.endsWith('\n') ? e.message : e.message + '\n';
        if (e instanceof KubectlError || !(e instanceof Error) || !('reason' in e)) {
          return `${e instanceof Error ? e.message : String(e)}\n`;
        }
        return formatError(e, inv.verb);
      })
      .join(''),
  );
}
