/**
 * NodeResourcesFit: requests must fit in allocatable minus what bound pods request, and the pod
 * count in allocatable `pods`. Scores with LeastAllocated over cpu and memory (equal weights), on
 * the non-zero requests (pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go).
 */
import { intValue, milliValue } from '../../apiserver/quantity.ts';
import type { FilterPlugin, ScorePlugin } from './plugin.ts';

export const nodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  filter(_pod, node, info, ctx) {
    const alloc = node.status?.allocatable ?? {};
    const reasons: string[] = [];
    const maxPods = alloc.pods === undefined ? 110 : intValue(alloc.pods);
    if (info.pods.size + 1 > maxPods) reasons.push('Too many pods');
    const req = ctx.requests;
    if (req.cpu > 0 && req.cpu > milliValue(alloc.cpu) - info.requested.cpu) reasons.push('Insufficient cpu');
    if (req.memory > 0 && req.memory > intValue(alloc.memory) - info.requested.memory) reasons.push('Insufficient memory');
    return reasons.length ? { reasons, unresolvable: false } : undefined;
  },
  score(_pod, node, info, ctx) {
    const alloc = node.status?.allocatable ?? {};
    const req = ctx.requests;
    const cpuCap = milliValue(alloc.cpu);
    const memCap = intValue(alloc.memory);
    const least = (requested: number, capacity: number) =>
      capacity <= 0 || requested > capacity ? 0 : Math.floor(((capacity - requested) * 100) / capacity);
    const cpu = least(info.requested.nonZeroCpu + req.nonZeroCpu, cpuCap);
    const mem = least(info.requested.nonZeroMemory + req.nonZeroMemory, memCap);
    return Math.floor((cpu + mem) / 2);
  },
};

/**
 * NodeResourcesBalancedAllocation: favours nodes whose cpu and memory fractions stay close,
 * computed on actual requests (balanced_allocation.go uses requested, not non-zero, values).
 */
export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(_pod, node, info, ctx) {
    const alloc = node.status?.allocatable ?? {};
    const req = ctx.requests;
    const cpuCap = milliValue(alloc.cpu);
    const memCap = intValue(alloc.memory);
    const cpuFrac = cpuCap > 0 ? Math.min(1, (info.requested.cpu + req.cpu) / cpuCap) : 1;
    const memFrac = memCap > 0 ? Math.min(1, (info.requested.memory + req.memory) / memCap) : 1;
    const mean = (cpuFrac + memFrac) / 2;
    const std = Math.sqrt(((cpuFrac - mean) ** 2 + (memFrac - mean) ** 2) / 2);
    return Math.floor((1 - std) * 100);
  },
};
