import { describe, expect, it } from 'vitest';
import { render } from './fixtures.ts';
import { objects, pods } from './objects.ts';

// Expected tables follow printers.go column definitions and cell rules, rendered with kubectl's
// tab writer settings; reviewed against the rules in shared/reference/kubectl-printers.md.
describe('kubectl get tables', () => {
  it("pods: every STATUS rule", () => {
    expect(render(pods, [])).toBe(`NAME         READY   STATUS                  RESTARTS      AGE
web-0        1/1     Running                 0             5m
creating     0/1     ContainerCreating       0             5s
crashy       0/1     CrashLoopBackOff        3 (40s ago)   15m
done         0/1     Completed               0             120m
init-wait    0/1     Init:0/2                0             20s
init-crash   0/1     Init:CrashLoopBackOff   2 (10s ago)   20s
init-exit    0/1     Init:ExitCode:3         0             20s
going        1/1     Terminating             0             60s
lost         1/1     Unknown                 0             60s
pending      0/1     Pending                 0             1s
half         1/2     NotReady                0             60s
sidecar      2/2     Running                 1 (30s ago)   60s
gated        0/1     SchedulingGated         0             60s
killed       0/1     Signal:9                0             60s
evicted      0/1     Evicted                 0             60s
gates        1/1     Running                 0             60s
`);
  });
  it("pods -o wide", () => {
    expect(render(pods.slice(0, 3).concat(pods.slice(-1)), ["-o","wide"])).toBe(`NAME       READY   STATUS              RESTARTS      AGE   IP           NODE     NOMINATED NODE   READINESS GATES
web-0      1/1     Running             0             5m    10.244.1.5   node01   <none>           <none>
creating   0/1     ContainerCreating   0             5s    <none>       node02   <none>           <none>
crashy     0/1     CrashLoopBackOff    3 (40s ago)   15m   <none>       node01   <none>           <none>
gates      1/1     Running             0             60s   <none>       node03   <none>           1/2
`);
  });
  it("pods -A --show-labels", () => {
    expect(render(pods.slice(0, 2), ["-A","--show-labels"])).toBe(`NAMESPACE   NAME       READY   STATUS              RESTARTS   AGE   LABELS
default     web-0      1/1     Running             0          5m    app=web,tier=front
default     creating   0/1     ContainerCreating   0          5s    <none>
`);
  });
  it("pods -L app,tier -L example.com/zone", () => {
    expect(render(pods.slice(0, 2), ["-L","app,tier","-L","example.com/zone"])).toBe(`NAME       READY   STATUS              RESTARTS   AGE   APP   TIER    ZONE
web-0      1/1     Running             0          5m    web   front   
creating   0/1     ContainerCreating   0          5s                  
`);
  });
  it("pods --no-headers", () => {
    expect(render(pods.slice(0, 2), ["--no-headers"])).toBe(`web-0      1/1   Running             0     5m
creating   0/1   ContainerCreating   0     5s
`);
  });
  it("pods -o name", () => {
    expect(render(pods.slice(0, 2), ["-o","name"])).toBe(`pod/web-0
pod/creating
`);
  });
  it("pods --sort-by=.metadata.creationTimestamp", () => {
    expect(render(pods.slice(0, 4), ["--sort-by=.metadata.creationTimestamp"])).toBe(`NAME       READY   STATUS              RESTARTS      AGE
done       0/1     Completed           0             120m
crashy     0/1     CrashLoopBackOff    3 (40s ago)   15m
web-0      1/1     Running             0             5m
creating   0/1     ContainerCreating   0             5s
`);
  });
  it("pods custom-columns", () => {
    expect(render(pods.slice(0, 3), ["-o","custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,LABELS:.metadata.labels,IMAGES:.spec.containers[*].image"])).toBe(`NAME       NODE     LABELS                    IMAGES
web-0      node01   map[app:web tier:front]   nginx:1.27
creating   node02   <none>                    nginx:1.27
crashy     node01   <none>                    nginx:1.27
`);
  });
  it("kind prefixes with -A", () => {
    expect(render([...objects.statefulsets!, ...objects.services!.slice(1, 2)], ["-A"], {"withKind":true})).toBe(`NAMESPACE   NAME                   READY   AGE
default     statefulset.apps/web   2/3     2m5s

NAMESPACE   NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
default     service/web   ClusterIP   None         <none>        80/TCP    60s
`);
  });
  it("nodes", () => {
    expect(render(objects.nodes!, [])).toBe(`NAME           STATUS                        ROLES           AGE   VERSION
controlplane   Ready                         control-plane   3d    v1.34.1
node01         NotReady,SchedulingDisabled   infra,worker    3d    v1.34.1
node02         Unknown                       <none>          30s   v1.34.1
`);
  });
  it("nodes -o wide", () => {
    expect(render(objects.nodes!, ["-o","wide"])).toBe(`NAME           STATUS                        ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME
controlplane   Ready                         control-plane   3d    v1.34.1   172.30.1.2    <none>        Ubuntu 24.04.3 LTS   6.8.0-79-generic   containerd://2.1.4
node01         NotReady,SchedulingDisabled   infra,worker    3d    v1.34.1   <none>        <none>        <unknown>            <unknown>          <unknown>
node02         Unknown                       <none>          30s   v1.34.1   <none>        <none>        <unknown>            <unknown>          <unknown>
`);
  });
  it("namespaces", () => {
    expect(render(objects.namespaces!, [])).toBe(`NAME      STATUS        AGE
default   Active        10m
old       Terminating   60s
`);
  });
  it("namespaces -o wide", () => {
    expect(render(objects.namespaces!, ["-o","wide"])).toBe(`NAME      STATUS        AGE
default   Active        10m
old       Terminating   60s
`);
  });
  it("services", () => {
    expect(render(objects.services!, [])).toBe(`NAME         TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)                     AGE
kubernetes   ClusterIP      10.96.0.1    <none>           443/TCP                     10m
web          ClusterIP      None         <none>           80/TCP                      60s
np           NodePort       10.96.5.5    <none>           80:30080/TCP,53:30053/UDP   60s
lb           LoadBalancer   10.96.7.7    <pending>        80:31000/TCP                60s
ext          ExternalName   <none>       db.example.com   <none>                      60s
`);
  });
  it("services -o wide", () => {
    expect(render(objects.services!, ["-o","wide"])).toBe(`NAME         TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)                     AGE   SELECTOR
kubernetes   ClusterIP      10.96.0.1    <none>           443/TCP                     10m   <none>
web          ClusterIP      None         <none>           80/TCP                      60s   app=web
np           NodePort       10.96.5.5    <none>           80:30080/TCP,53:30053/UDP   60s   app=web,tier=x
lb           LoadBalancer   10.96.7.7    <pending>        80:31000/TCP                60s   <none>
ext          ExternalName   <none>       db.example.com   <none>                      60s   <none>
`);
  });
  it("endpoints", () => {
    expect(render(objects.endpoints!, [])).toBe(`NAME   ENDPOINTS                                               AGE
web    10.244.1.2:80,10.244.2.2:80,10.244.3.2:80 + 1 more...   60s
none   <none>                                                  60s
`);
  });
  it("endpoints -o wide", () => {
    expect(render(objects.endpoints!, ["-o","wide"])).toBe(`NAME   ENDPOINTS                                               AGE
web    10.244.1.2:80,10.244.2.2:80,10.244.3.2:80 + 1 more...   60s
none   <none>                                                  60s
`);
  });
  it("endpointslices", () => {
    expect(render(objects.endpointslices!, [])).toBe(`NAME        ADDRESSTYPE   PORTS     ENDPOINTS               AGE
web-abcde   IPv4          80        10.244.1.2,10.244.2.2   60s
empty-xyz   IPv4          <unset>   <unset>                 60s
`);
  });
  it("endpointslices -o wide", () => {
    expect(render(objects.endpointslices!, ["-o","wide"])).toBe(`NAME        ADDRESSTYPE   PORTS     ENDPOINTS               AGE
web-abcde   IPv4          80        10.244.1.2,10.244.2.2   60s
empty-xyz   IPv4          <unset>   <unset>                 60s
`);
  });
  it("configmaps", () => {
    expect(render(objects.configmaps!, [])).toBe(`NAME               DATA   AGE
kube-root-ca.crt   1      10m
cfg                3      6s
`);
  });
  it("configmaps -o wide", () => {
    expect(render(objects.configmaps!, ["-o","wide"])).toBe(`NAME               DATA   AGE
kube-root-ca.crt   1      10m
cfg                3      6s
`);
  });
  it("secrets", () => {
    expect(render(objects.secrets!, [])).toBe(`NAME   TYPE     DATA   AGE
db     Opaque   2      60s
`);
  });
  it("secrets -o wide", () => {
    expect(render(objects.secrets!, ["-o","wide"])).toBe(`NAME   TYPE     DATA   AGE
db     Opaque   2      60s
`);
  });
  it("serviceaccounts", () => {
    expect(render(objects.serviceaccounts!, [])).toBe(`NAME      SECRETS   AGE
default   0         10m
`);
  });
  it("serviceaccounts -o wide", () => {
    expect(render(objects.serviceaccounts!, ["-o","wide"])).toBe(`NAME      SECRETS   AGE
default   0         10m
`);
  });
  it("events", () => {
    expect(render(objects.events!, [])).toBe(`LAST SEEN   TYPE     REASON             OBJECT            MESSAGE
30s         Normal   Pulled             pod/web-0         Successfully pulled image "nginx"
40s         Normal   SuccessfulCreate   statefulset/web   create Pod web-0 in StatefulSet web successful
`);
  });
  it("events -o wide", () => {
    expect(render(objects.events!, ["-o","wide"])).toBe(`LAST SEEN   TYPE     REASON             OBJECT            SUBOBJECT                SOURCE                   MESSAGE                                          FIRST SEEN   COUNT   NAME
30s         Normal   Pulled             pod/web-0         spec.containers{nginx}   kubelet, node01          Successfully pulled image "nginx"                90s          3       web-0.188
40s         Normal   SuccessfulCreate   statefulset/web                            statefulset-controller   create Pod web-0 in StatefulSet web successful   40s          1       web.189
`);
  });
  it("leases", () => {
    expect(render(objects.leases!, [])).toBe(`NAME     HOLDER   AGE
node01   node01   10m
`);
  });
  it("leases -o wide", () => {
    expect(render(objects.leases!, ["-o","wide"])).toBe(`NAME     HOLDER   AGE
node01   node01   10m
`);
  });
  it("statefulsets", () => {
    expect(render(objects.statefulsets!, [])).toBe(`NAME   READY   AGE
web    2/3     2m5s
`);
  });
  it("statefulsets -o wide", () => {
    expect(render(objects.statefulsets!, ["-o","wide"])).toBe(`NAME   READY   AGE    CONTAINERS   IMAGES
web    2/3     2m5s   nginx,log    nginx:1.27,busybox
`);
  });
  it("daemonsets", () => {
    expect(render(objects.daemonsets!, [])).toBe(`NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
fluentd   3         3         2       3            2           kubernetes.io/os=linux   3h1m
`);
  });
  it("daemonsets -o wide", () => {
    expect(render(objects.daemonsets!, ["-o","wide"])).toBe(`NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE    CONTAINERS   IMAGES       SELECTOR
fluentd   3         3         2       3            2           kubernetes.io/os=linux   3h1m   fluentd      fluentd:v1   name=fluentd
`);
  });
  it("deployments", () => {
    expect(render(objects.deployments!, [])).toBe(`NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    3/3     3            3           60s
`);
  });
  it("deployments -o wide", () => {
    expect(render(objects.deployments!, ["-o","wide"])).toBe(`NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR
web    3/3     3            3           60s   nginx        nginx    app=web
`);
  });
  it("replicasets", () => {
    expect(render(objects.replicasets!, [])).toBe(`NAME         DESIRED   CURRENT   READY   AGE
web-5d4f8c   3         3         1       60s
`);
  });
  it("replicasets -o wide", () => {
    expect(render(objects.replicasets!, ["-o","wide"])).toBe(`NAME         DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR
web-5d4f8c   3         3         1       60s   nginx        nginx    app=web,pod-template-hash=5d4f8c
`);
  });
  it("jobs", () => {
    expect(render(objects.jobs!, [])).toBe(`NAME    STATUS      COMPLETIONS   DURATION   AGE
pi      Complete    5/5           90s        5m
work    Running     1/1 of 3      95s        100s
bad     Failed      0/1           95s        100s
later   Suspended   0/1                      10s
`);
  });
  it("jobs -o wide", () => {
    expect(render(objects.jobs!, ["-o","wide"])).toBe(`NAME    STATUS      COMPLETIONS   DURATION   AGE    CONTAINERS   IMAGES      SELECTOR
pi      Complete    5/5           90s        5m     pi           perl:5.34   batch.kubernetes.io/controller-uid=u1
work    Running     1/1 of 3      95s        100s   w            busybox     <none>
bad     Failed      0/1           95s        100s   w            busybox     <none>
later   Suspended   0/1                      10s    w            busybox     <none>
`);
  });
  it("cronjobs", () => {
    expect(render(objects.cronjobs!, [])).toBe(`NAME    SCHEDULE      TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE
hello   */5 * * * *   <none>         False     1        65s             60m
tz      0 3 * * *     Europe/Paris   <unset>   0        <none>          60s
`);
  });
  it("cronjobs -o wide", () => {
    expect(render(objects.cronjobs!, ["-o","wide"])).toBe(`NAME    SCHEDULE      TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES    SELECTOR
hello   */5 * * * *   <none>         False     1        65s             60m   hello        busybox   <none>
tz      0 3 * * *     Europe/Paris   <unset>   0        <none>          60s   x            y         <none>
`);
  });
  it("controllerrevisions", () => {
    expect(render(objects.controllerrevisions!, [])).toBe(`NAME             CONTROLLER             REVISION   AGE
web-7847fb5ccd   statefulset.apps/web   1          60s
orphan-1         <none>                 2          60s
`);
  });
  it("controllerrevisions -o wide", () => {
    expect(render(objects.controllerrevisions!, ["-o","wide"])).toBe(`NAME             CONTROLLER             REVISION   AGE
web-7847fb5ccd   statefulset.apps/web   1          60s
orphan-1         <none>                 2          60s
`);
  });
  it("persistentvolumes", () => {
    expect(render(objects.persistentvolumes!, [])).toBe(`NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS        CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
pv-a   10Gi       RWO,ROX        Retain           Bound         default/data   manual         <unset>                          10m
pv-b   1Gi        RWOP           Delete           Terminating                                 <unset>                          60s
`);
  });
  it("persistentvolumes -o wide", () => {
    expect(render(objects.persistentvolumes!, ["-o","wide"])).toBe(`NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS        CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE   VOLUMEMODE
pv-a   10Gi       RWO,ROX        Retain           Bound         default/data   manual         <unset>                          10m   Filesystem
pv-b   1Gi        RWOP           Delete           Terminating                                 <unset>                          60s   <unset>
`);
  });
  it("persistentvolumeclaims", () => {
    expect(render(objects.persistentvolumeclaims!, [])).toBe(`NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
data   Bound     pv-a     10Gi       RWO,ROX        manual         <unset>                 10m
wait   Pending                                      local-path     <unset>                 5s
`);
  });
  it("persistentvolumeclaims -o wide", () => {
    expect(render(objects.persistentvolumeclaims!, ["-o","wide"])).toBe(`NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE
data   Bound     pv-a     10Gi       RWO,ROX        manual         <unset>                 10m   Filesystem
wait   Pending                                      local-path     <unset>                 5s    <unset>
`);
  });
  it("storageclasses", () => {
    expect(render(objects.storageclasses!, [])).toBe(`NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
standard (default)   kubelab.dev/network     Delete          Immediate              true                   10m
local-path           rancher.io/local-path   Delete          WaitForFirstConsumer   false                  10m
`);
  });
  it("storageclasses -o wide", () => {
    expect(render(objects.storageclasses!, ["-o","wide"])).toBe(`NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
standard (default)   kubelab.dev/network     Delete          Immediate              true                   10m
local-path           rancher.io/local-path   Delete          WaitForFirstConsumer   false                  10m
`);
  });
  it("volumeattachments", () => {
    expect(render(objects.volumeattachments!, [])).toBe(`NAME      ATTACHER              PV     NODE     ATTACHED   AGE
csi-123   kubelab.dev/network   pv-a   node01   true       60s
`);
  });
  it("volumeattachments -o wide", () => {
    expect(render(objects.volumeattachments!, ["-o","wide"])).toBe(`NAME      ATTACHER              PV     NODE     ATTACHED   AGE
csi-123   kubelab.dev/network   pv-a   node01   true       60s
`);
  });
  it("priorityclasses", () => {
    expect(render(objects.priorityclasses!, [])).toBe(`NAME                   VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY
system-node-critical   2000001000   false            10m   PreemptLowerPriority
high                   1000         true             60s   Never
`);
  });
  it("priorityclasses -o wide", () => {
    expect(render(objects.priorityclasses!, ["-o","wide"])).toBe(`NAME                   VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY
system-node-critical   2000001000   false            10m   PreemptLowerPriority
high                   1000         true             60s   Never
`);
  });
});
