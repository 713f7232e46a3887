/** `kubectl describe pod`: describe.go describePod. */
import type { Pod } from 'kubernetes-types/core/v1';
import { humanDuration } from '../format/duration.ts';
import { parseTime } from '../../sim/clock.ts';
import { describeContainers, describeVolumes } from './containers.ts';
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, controlledBy, labelsMultiline, tolerationsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter, rfc1123z } from './writer.ts';

export const podDescriber: Describer = {
  kind: 'Pod',
  describe(obj, { cluster, now, showEvents }) {
    const pod = obj as Pod;
    const spec = pod.spec ?? { containers: [] };
    const status = pod.status ?? {};
    const w = new DescribeWriter();
    w.write(0, `Name:\t${pod.metadata!.name}\n`);
    w.write(0, `Namespace:\t${pod.metadata!.namespace}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    labelsMultiline(w, 'Labels', pod.metadata?.labels);
    annotationsMultiline(w, 'Annotations', pod.metadata?.annotations);
    const deletion = parseTime(pod.metadata?.deletionTimestamp);
    if (deletion !== undefined && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(0, `Status:\tTerminating (lasts ${humanDuration(deletion - now)})\n`);
      w.write(0, `Termination Grace Period:\t${pod.metadata?.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(0, `Message:\t${status.message}\n`);
    w.write(0, `IP:\t${status.podIP ?? ''}\n`);
    if (!status.podIPs?.length) w.write(0, 'IPs:\t<none>\n');
    else {
      w.write(0, 'IPs:\n');
      for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
    }
    const owner = controlledBy(obj);
    if (owner) w.write(0, `Controlled By:\t${owner}\n`);
    if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const resolve = (path: string): string => {
      switch (path) {
        case 'metadata.name':
          return pod.metadata?.name ?? '';
        case 'metadata.namespace':
          return pod.metadata?.namespace ?? '';
        case 'metadata.uid':
          return pod.metadata?.uid ?? '';
        case 'spec.nodeName':
          return spec.nodeName ?? '';
        case 'spec.serviceAccountName':
          return spec.serviceAccountName ?? '';
        case 'status.podIP':
          return status.podIP ?? '';
        case 'status.hostIP':
          return status.hostIP ?? '';
      }
      const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
      if (m) return (m[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations)?.[m[2]!] ?? '';
      return '';
    };
    if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, '', resolve);
    describeContainers(w, 'Containers', spec.containers, status.containerStatuses, '', resolve);
    if (spec.readinessGates?.length) {
      w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = status.conditions?.find((x) => x.type === g.conditionType);
        w.write(1, `${g.conditionType} \t${c?.status ?? '<none>'} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, spec.volumes, '');
    w.write(0, `QoS Class:\t${status.qosClass ?? qosClass(pod)}\n`);
    labelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    tolerationsMultiline(w, 'Tolerations', spec.tolerations);
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};

/** qos.GetPodQOS: Guaranteed when every container's cpu and memory limits equal requests. */
export function qosClass(pod: Pod): string {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      const request = req[r] ?? lim[r];
      if (lim[r] === undefined || request === undefined || request !== lim[r]) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
