/**
 * The CONTAINERS and IMAGES cells every workload's wide output shares (printers.go
 * layoutContainerCells): names and images comma-joined in template order.
 */
import type { Container, PodTemplateSpec } from 'kubernetes-types/core/v1';

export function containerCells(template: PodTemplateSpec | undefined): [string, string] {
  const containers: readonly Container[] = template?.spec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}
