/**
 * The schema of every kind the API server serves, by kind name. Importing this registers all
 * structs.
 */
import './meta.ts';
import './core.ts';
import './apps.ts';
import './batch.ts';
import './other.ts';
import { structNamed, type StructDef } from './types.ts';

/** The top-level struct of a kind (its Go type name is the kind itself). */
export function schemaForKind(kind: string): StructDef | undefined {
  return structNamed(kind);
}

export { structNamed } from './types.ts';
export type { FieldDef, FieldType, StructDef } from './types.ts';
