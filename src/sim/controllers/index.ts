/**
 * Every controller of a simulated cluster, in the fixed order they run within a settle round.
 */
import type { Controller } from './controller.ts';
import { StatefulSetController } from './statefulset/controller.ts';

export function defaultControllers(): Controller[] {
  return [new StatefulSetController()];
}
