/**
 * `kubectl describe node`: describe.go describeNode and describeNodeResource — taints, lease,
 * conditions, capacity, system info, the non-terminated pods with their requests, and the totals.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { nodeRoles } from '../printers/node.ts';
import { age } from '../format/duration.ts';
import { formatQuantity, quantityValue } from '../../sim/apiserver/quantity.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter, rfc1123z } from './writer.ts';

export const nodeDescriber: Describer = {
  kind: 'Node',
  describe(obj, { cluster, now, showEvents }) {
    const node = obj as Node;
    const st = node.status ?? {};
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
    w.write(0, 'Taints:\t');
    const taints = [...(node.spec?.taints ?? [])].sort((a, b) => {
      const ka = `${a.effect},${a.key}`;
      const kb = `${b.effect},${b.key}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    if (taints.length === 0) w.line('<none>');
    taints.forEach((t, i) => {
      if (i !== 0) w.write(0, '\t');
      w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
    });
    w.write(0, `Unschedulable:\t${Boolean(node.spec?.unschedulable)}\n`);
    const lease = cluster.api.tryGet('Lease', 'kube-node-lease', obj.metadata.name!);
    if (!lease) {
      w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${obj.metadata.name}" not found\n`);
    } else {
      w.write(0, 'Lease:\n');
      w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
      w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
      w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
    }
    if (st.conditions?.length) {
      w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of st.conditions) {
        w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(0, 'Addresses:\n');
    for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
    const resources = (list: Record<string, string>) => {
      for (const k of Object.keys(list).sort()) w.write(0, `  ${k}:\t${formatQuantity(list[k])}\n`);
    };
    if (Object.keys(st.capacity ?? {}).length) {
      w.write(0, 'Capacity:\n');
      resources(st.capacity as Record<string, string>);
    }
    if (Object.keys(st.allocatable ?? {}).length) {
      w.write(0, 'Allocatable:\n');
      resources(st.allocatable as Record<string, string>);
    }
    const info = st.nodeInfo;
    w.write(0, 'System Info:\n');
    w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
    const pods = (cluster.api.list('Pod') as unknown as Pod[]).filter(
      (p) => p.spec?.nodeName === obj.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
    describeNodeResource(w, node, pods, now);
    // The kubelet records node events with the node's name as uid, controllers with its uid.
    if (showEvents) describeEvents(w, [...eventsFor(cluster, obj), ...eventsFor(cluster, { ...obj, metadata: { ...obj.metadata, uid: obj.metadata.name } })], now);
    return w.toString();
  },
};

interface Totals {
  cpuReq: number;
  cpuLim: number;
  memReq: number;
  memLim: number;
  esReq: number;
  esLim: number;
}

function podTotals(pod: Pod): Totals {
  const t: Totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0, esReq: 0, esLim: 0 };
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests ?? {};
    const l = c.resources?.limits ?? {};
    t.cpuReq += quantityValue(r.cpu ?? l.cpu);
    t.cpuLim += quantityValue(l.cpu);
    t.memReq += quantityValue(r.memory ?? l.memory);
    t.memLim += quantityValue(l.memory);
    t.esReq += quantityValue(r['ephemeral-storage'] ?? l['ephemeral-storage']);
    t.esLim += quantityValue(l['ephemeral-storage']);
  }
  return t;
}

function cpu(cores: number): string {
  return formatQuantity(`${Math.round(cores * 1000)}m`);
}

function bytes(n: number): string {
  const b = Math.round(n);
  return b % 1024 === 0 && b !== 0 ? formatQuantity(`${b / 1024}Ki`) : formatQuantity(String(b));
}

function pct(value: number, total: number): number {
  return total === 0 ? 0 : Math.trunc((value / total) * 100);
}

function describeNodeResource(w: DescribeWriter, node: Node, pods: Pod[], now: number): void {
  const alloc = (Object.keys(node.status?.allocatable ?? {}).length ? node.status?.allocatable : node.status?.capacity) ?? {};
  const allocCpu = quantityValue(alloc.cpu);
  const allocMem = quantityValue(alloc.memory);
  const allocEs = quantityValue(alloc['ephemeral-storage']);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const sum: Totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0, esReq: 0, esLim: 0 };
  for (const p of pods) {
    const t = podTotals(p);
    for (const k of Object.keys(sum) as (keyof Totals)[]) sum[k] += t[k];
    w.write(
      1,
      `${p.metadata?.namespace}\t${p.metadata?.name}\t\t${cpu(t.cpuReq)} (${pct(t.cpuReq, allocCpu)}%)\t${cpu(t.cpuLim)} (${pct(t.cpuLim, allocCpu)}%)\t${bytes(t.memReq)} (${pct(t.memReq, allocMem)}%)\t${bytes(t.memLim)} (${pct(t.memLim, allocMem)}%)\t${age(p.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${cpu(sum.cpuReq)} (${pct(sum.cpuReq, allocCpu)}%)\t${cpu(sum.cpuLim)} (${pct(sum.cpuLim, allocCpu)}%)\n`);
  w.write(1, `memory\t${bytes(sum.memReq)} (${pct(sum.memReq, allocMem)}%)\t${bytes(sum.memLim)} (${pct(sum.memLim, allocMem)}%)\n`);
  w.write(1, `ephemeral-storage\t${bytes(sum.esReq)} (${pct(sum.esReq, allocEs)}%)\t${bytes(sum.esLim)} (${pct(sum.esLim, allocEs)}%)\n`);
  for (const k of Object.keys(alloc).filter((r) => r.startsWith('hugepages-')).sort()) {
    w.write(1, `${k}\t0 (0%)\t0 (0%)\n`);
  }
}
