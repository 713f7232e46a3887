/**
 * API errors shaped like metav1.Status, worded as the API server words them
 * (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go).
 */
import { groupKind, groupResource, type ResourceType } from './resources.ts';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'Timeout'
  | 'InternalError';

/** One field problem, as field.Error renders it: `<field>: <type>: <detail>` (see `causeText`). */
export interface Cause {
  field: string;
  /** e.g. `Required value`, `Invalid value: "x"`, `Forbidden`, `Unsupported value: "x": supported values: "a", "b"`. */
  message: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: Cause[];
}

export class ApiError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  readonly details: StatusDetails;

  constructor(reason: StatusReason, code: number, message: string, details: StatusDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.reason = reason;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export function isNotFound(e: unknown): boolean {
  return isApiError(e) && e.reason === 'NotFound';
}

export function notFound(t: ResourceType, name: string): ApiError {
  return new ApiError('NotFound', 404, `${groupResource(t)} "${name}" not found`, {
    name,
    group: t.group,
    kind: t.plural,
  });
}

export function alreadyExists(t: ResourceType, name: string): ApiError {
  return new ApiError('AlreadyExists', 409, `${groupResource(t)} "${name}" already exists`, {
    name,
    group: t.group,
    kind: t.plural,
  });
}

export function conflict(t: ResourceType, name: string, why: string): ApiError {
  return new ApiError('Conflict', 409, `Operation cannot be fulfilled on ${groupResource(t)} "${name}": ${why}`, {
    name,
    group: t.group,
    kind: t.plural,
  });
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', 400, message);
}

export function forbidden(t: ResourceType, name: string, why: string): ApiError {
  return new ApiError('Forbidden', 403, `${groupResource(t)} "${name}" is forbidden: ${why}`, {
    name,
    group: t.group,
    kind: t.plural,
  });
}

/** `<field>: <message>` — the text of one cause. */
export function causeText(c: Cause): string {
  return c.field ? `${c.field}: ${c.message}` : c.message;
}

/** An Invalid (422) error; kubectl prints it as `The <Kind> "<name>" is invalid: …`. */
export function invalid(t: ResourceType, name: string, causes: Cause[]): ApiError {
  const text = causes.map(causeText);
  const joined = text.length === 1 ? text[0]! : `[${text.join(', ')}]`;
  return new ApiError('Invalid', 422, `${groupKind(t)} "${name}" is invalid: ${joined}`, {
    name,
    group: t.group,
    kind: t.kind,
    causes,
  });
}

/** field.ErrorList helpers, worded as k8s.io/apimachinery/pkg/util/validation/field does. */
export const field = {
  required: (path: string, detail = ''): Cause => ({
    field: path,
    message: detail ? `Required value: ${detail}` : 'Required value',
  }),
  invalid: (path: string, value: unknown, detail: string): Cause => ({
    field: path,
    message: `Invalid value: ${goValue(value)}: ${detail}`,
  }),
  notSupported: (path: string, value: unknown, supported: string[]): Cause => ({
    field: path,
    message: `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
  }),
  forbidden: (path: string, detail: string): Cause => ({ field: path, message: `Forbidden: ${detail}` }),
  duplicate: (path: string, value: unknown): Cause => ({ field: path, message: `Duplicate value: ${goValue(value)}` }),
  tooLong: (path: string, max: number): Cause => ({
    field: path,
    message: `Too long: must have at most ${max} bytes`,
  }),
  immutable: (path: string, value: unknown): Cause => ({
    field: path,
    message: `Invalid value: ${goValue(value)}: field is immutable`,
  }),
};

/**
 * Renders a value the way field.Error does: strings quoted, numbers and booleans bare, and
 * anything else as a raw pre-rendered string (callers pass Go `%#v` renderings as `GoLiteral`).
 */
export class GoLiteral {
  constructor(readonly text: string) {}
}

export function goValue(value: unknown): string {
  if (value instanceof GoLiteral) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}
