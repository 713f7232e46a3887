/**
 * The shape of a table printer: its column definitions as data (`priority: 1` marks the columns only
 * `-o wide` shows) and a row function returning every cell in definition order, as the print
 * handlers of pkg/printers/internalversion/printers.go do.
 */
import type { Stored } from '../../sim/apiserver/types.ts';

export interface Column {
  /** As upstream names it (`Nominated Node`); the header is its upper-case form. */
  name: string;
  priority?: 0 | 1;
}

export interface PrintContext {
  /** The cluster's virtual now, in ms. */
  now: number;
}

export interface KindPrinter {
  kind: string;
  columns: readonly Column[];
  /** One row per object, every column's cell in definition order (wide cells included). */
  row(obj: Stored, ctx: PrintContext): string[];
}

/** The header of a column: upper case, as tableprinter.go prints it. */
export function header(c: Column): string {
  return c.name.toUpperCase();
}
