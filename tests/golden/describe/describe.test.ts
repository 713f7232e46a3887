import { describe, expect, it } from 'vitest';
import { describeText } from './fixtures.ts';
import { describeCases } from './objects.ts';

// Expected texts follow staging/src/k8s.io/kubectl/pkg/describe/describe.go: section order, labels,
// two-space levels, and its tab writer (minwidth 0, padding 2) aligning consecutive Key:\tvalue lines.
describe('kubectl describe', () => {
  it("statefulset", () => {
    const c = describeCases["statefulset"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:               web
Namespace:          default
CreationTimestamp:  Mon, 05 Jan 2026 09:05:00 +0000
Selector:           app=web
Labels:             app=web
Annotations:        <none>
Replicas:           2 desired | 2 total
Update Strategy:    RollingUpdate
  Partition:        1
Pods Status:        1 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:        nginx:1.27
    Port:         80/TCP
    Host Port:    0/TCP
    Environment:  <none>
    Mounts:
      /usr/share/nginx/html from www (rw)
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          www
  StorageClass:  standard
  Labels:        <none>
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:
  Type    Reason            Age    From                    Message
  ----    ------            ----   ----                    -------
  Normal  SuccessfulCreate  4m50s  statefulset-controller  create Pod web-0 in StatefulSet web successful
`);
  });
  it("pod", () => {
    const c = describeCases["pod"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:             web-0
Namespace:        default
Priority:         0
Service Account:  default
Node:             node01/172.30.2.2
Start Time:       Mon, 05 Jan 2026 09:05:12 +0000
Labels:           app=web
                  statefulset.kubernetes.io/pod-name=web-0
Annotations:      <none>
Status:           Running
IP:               10.244.1.4
IPs:
  IP:           10.244.1.4
Controlled By:  StatefulSet/web
Init Containers:
  setup:
    Container ID:  containerd://111
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:abc
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      echo ready > /work/ok
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Mon, 05 Jan 2026 09:05:14 +0000
      Finished:     Mon, 05 Jan 2026 09:05:15 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /work from work (rw)
Containers:
  nginx:
    Container ID:   containerd://222
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:def
    Ports:          80/TCP, 443/TCP
    Host Ports:     0/TCP, 0/TCP
    State:          Running
      Started:      Mon, 05 Jan 2026 09:09:00 +0000
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      Mon, 05 Jan 2026 09:06:40 +0000
      Finished:     Mon, 05 Jan 2026 09:08:59 +0000
    Ready:          False
    Restart Count:  2
    Limits:
      cpu:     500m
      memory:  256Mi
    Requests:
      cpu:      250m
      memory:   128Mi
    Liveness:   exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3
    Readiness:  http-get http://:80/healthz delay=0s timeout=1s period=5s #success=1 #failure=3
    Environment Variables from:
      cfg  ConfigMap  Optional: false
    Environment:
      MODE:      prod
      POD_NAME:  web-0 (v1:metadata.name)
      PASSWORD:  <set to the key 'pass' in secret 'db'>  Optional: false
    Mounts:
      /etc/nginx/conf.d from config (ro)
      /usr/share/nginx/html from www (rw)
Conditions:
  Type           Status
  Initialized    True 
  Ready          False 
  PodScheduled   True 
Volumes:
  www:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  www-web-0
    ReadOnly:   false
  work:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
  config:
    Type:      ConfigMap (a volume populated by a ConfigMap)
    Name:      nginx-conf
    Optional:  false
  logs:
    Type:          HostPath (bare host directory volume)
    Path:          /var/log
    HostPathType:  Directory
QoS Class:         Burstable
Node-Selectors:    <none>
Tolerations:       node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                   node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                  From               Message
  ----     ------     ----                 ----               -------
  Normal   Scheduled  4m50s                default-scheduler  Successfully assigned default/web-0 to node01
  Warning  BackOff    62s (x4 over 3m20s)  kubelet            Back-off restarting failed container nginx in pod web-0_default(pod-uid)
  Normal   Pulled     61s                  kubelet            Container image "nginx:1.27" already present on machine
`);
  });
  it("daemonset", () => {
    const c = describeCases["daemonset"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:           fluentd
Namespace:      kube-system
Selector:       name=fluentd
Node-Selector:  <none>
Labels:         k8s-app=fluentd-logging
Annotations:    deprecated.daemonset.template.generation: 1
Desired Number of Nodes Scheduled: 4
Current Number of Nodes Scheduled: 4
Number of Nodes Scheduled with Up-to-date Pods: 4
Number of Nodes Scheduled with Available Pods: 3
Number of Nodes Misscheduled: 0
Pods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  name=fluentd
  Containers:
   fluentd:
    Image:        fluentd:v1.16
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:
      /var/log from varlog (rw)
  Volumes:
   varlog:
    Type:          HostPath (bare host directory volume)
    Path:          /var/log
    HostPathType:  <none>
  Node-Selectors:  <none>
  Tolerations:     node-role.kubernetes.io/control-plane:NoSchedule op=Exists
Events:            <none>
`);
  });
  it("job", () => {
    const c = describeCases["job"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:               pi
Namespace:          default
Selector:           batch.kubernetes.io/controller-uid=job-uid
Labels:             batch.kubernetes.io/job-name=pi
Annotations:        <none>
Controlled By:      CronJob/nightly
Parallelism:        2
Completions:        4
Completion Mode:    Indexed
Suspend:            false
Backoff Limit:      6
Start Time:         Mon, 05 Jan 2026 09:08:02 +0000
Completed At:       Mon, 05 Jan 2026 09:09:40 +0000
Duration:           98s
Pods Statuses:      0 Active (0 Ready) / 4 Succeeded / 1 Failed
Completed Indexes:  0-3
Pod Template:
  Labels:  batch.kubernetes.io/job-name=pi
  Containers:
   pi:
    Image:      perl:5.34
    Port:       <none>
    Host Port:  <none>
    Command:
      perl
      -Mbignum=bpi
      -wle
      print bpi(2000)
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`);
  });
  it("cronjob", () => {
    const c = describeCases["cronjob"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:                          nightly
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      */1 * * * *
Concurrency Policy:            Forbid
Suspend:                       False
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     <unset>
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   <unset>
Pod Template:
  Labels:  <none>
  Containers:
   hello:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Args:
      /bin/sh
      -c
      date; echo Hello
    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  Mon, 05 Jan 2026 09:09:30 +0000
Active Jobs:         nightly-29000001
Events:              <none>
`);
  });
  it("persistentvolume", () => {
    const c = describeCases["persistentvolume"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:              pv-local
Labels:            <none>
Annotations:       pv.kubernetes.io/bound-by-controller: yes
Finalizers:        [kubernetes.io/pv-protection]
StorageClass:      local-storage
Status:            Bound
Claim:             default/data
Reclaim Policy:    Retain
Access Modes:      RWO
VolumeMode:        Filesystem
Capacity:          5Gi
Node Affinity:     
  Required Terms:  
    Term 0:        kubernetes.io/hostname in [node01, node02]
Message:           
Source:
    Type:  LocalVolume (a persistent volume backed by local storage on a node)
    Path:  /mnt/disks/ssd1
Events:    <none>
`);
  });
  it("persistentvolumeclaim", () => {
    const c = describeCases["persistentvolumeclaim"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:          www-web-0
Namespace:     default
StorageClass:  standard
Status:        Bound
Volume:        pvc-0a1b
Labels:        app=web
Annotations:   pv.kubernetes.io/bind-completed: yes
Finalizers:    [kubernetes.io/pvc-protection]
Capacity:      1Gi
Access Modes:  RWO
VolumeMode:    Filesystem
Used By:       web-0
Events:        <none>
`);
  });
  it("storageclass", () => {
    const c = describeCases["storageclass"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:                  local-path
IsDefaultClass:        No
Annotations:           storageclass.kubernetes.io/is-default-class=false
Provisioner:           rancher.io/local-path
Parameters:            nodePath=/opt/local-path
AllowVolumeExpansion:  <unset>
MountOptions:          <none>
ReclaimPolicy:         Delete
VolumeBindingMode:     WaitForFirstConsumer
Events:                <none>
`);
  });
  it("service", () => {
    const c = describeCases["service"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.12.34
IPs:                      10.96.12.34
Port:                     http  80/TCP
TargetPort:               8080/TCP
NodePort:                 http  30080/TCP
Endpoints:                10.244.1.4:8080,10.244.2.4:8080
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });
  it("configmap", () => {
    const c = describeCases["configmap"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:         cfg
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
MODE:
----
prod

app.properties:
----
mode=prod
level=2



BinaryData
====

Events:  <none>
`);
  });
  it("secret", () => {
    const c = describeCases["secret"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:         db
Namespace:    default
Labels:       <none>
Annotations:  <none>

Type:  Opaque

Data
====
pass:  6 bytes
user:  5 bytes
`);
  });
  it("namespace", () => {
    const c = describeCases["namespace"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:         team-a
Labels:       kubernetes.io/metadata.name=team-a
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
  });
  it("controllerrevision", () => {
    const c = describeCases["controllerrevision"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:         web-6b78fbb54b
Namespace:    default
Labels:       app=web
              controller.kubernetes.io/hash=6b78fbb54b
Annotations:  <none>
API Version:  apps/v1
Data:
  Spec:
    Template:
      $patch:  replace
      Metadata:
        Labels:
          App:  web
      Spec:
        Containers:
          Image:  nginx:1.27
          Name:   nginx
Kind:             ControllerRevision
Metadata:
  Creation Timestamp:  2026-01-05T09:05:00Z
  Owner References:
    API Version:           apps/v1
    Block Owner Deletion:  true
    Controller:            true
    Kind:                  StatefulSet
    Name:                  web
    UID:                   sts-uid
  Resource Version:        1200
  UID:                     cr-uid
Revision:                  1
Events:                    <none>
`);
  });
  it("serviceaccount", () => {
    const c = describeCases["serviceaccount"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:                builder
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  regcred
Mountable secrets:   old-token
                     gone (not found)
Tokens:              old-token
Events:              <none>
`);
  });
  it("priorityclass", () => {
    const c = describeCases["priorityclass"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:              high
Value:             1000
GlobalDefault:     false
PreemptionPolicy:  Never
Description:       batch jobs that must not preempt
Annotations:       <none>
Events:            <none>
`);
  });
  it("node", () => {
    const c = describeCases["node"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:               node01
Roles:              <none>
Labels:             disk=ssd
                    kubernetes.io/hostname=node01
                    kubernetes.io/os=linux
Annotations:        node.alpha.kubernetes.io/ttl: 0
CreationTimestamp:  Mon, 05 Jan 2026 08:10:00 +0000
Taints:             dedicated=gpu:NoExecute
                    node.kubernetes.io/unschedulable:NoSchedule
Unschedulable:      true
Lease:
  HolderIdentity:  node01
  AcquireTime:     <unset>
  RenewTime:       Mon, 05 Jan 2026 09:09:50 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Mon, 05 Jan 2026 09:09:40 +0000   Mon, 05 Jan 2026 08:10:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  Ready            True    Mon, 05 Jan 2026 09:09:40 +0000   Mon, 05 Jan 2026 08:10:10 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.30.2.2
  Hostname:    node01
Capacity:
  cpu:                2
  ephemeral-storage:  50620216Ki
  hugepages-2Mi:      0
  memory:             4015852Ki
  pods:               110
Allocatable:
  cpu:                2
  ephemeral-storage:  46651590989
  hugepages-2Mi:      0
  memory:             3913452Ki
  pods:               110
System Info:
  Machine ID:                 m1
  System UUID:                s1
  Boot ID:                    b1
  Kernel Version:             6.8.0-79-generic
  OS Image:                   Ubuntu 24.04.3 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.4
  Kubelet Version:            v1.34.1
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
Non-terminated Pods:          (1 in total)
  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----     ------------  ----------  ---------------  -------------  ---
  default                     web-0    250m (12%)    500m (25%)  128Mi (3%)       256Mi (6%)     4m50s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                250m (12%)  500m (25%)
  memory             128Mi (3%)  256Mi (6%)
  ephemeral-storage  0 (0%)      0 (0%)
  hugepages-2Mi      0 (0%)      0 (0%)
Events:              <none>
`);
  });
  it("endpointslice", () => {
    const c = describeCases["endpointslice"]!;
    expect(describeText(c.target, c.others)).toBe(`Name:         web-x1
Namespace:    default
Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=web
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name  Port  Protocol
  ----  ----  --------
  http  8080  TCP
Endpoints:
  - Addresses:  10.244.1.4
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-0
    NodeName:   node01
    Zone:       <unset>
  - Addresses:  10.244.3.4
    Conditions:
      Ready:    false
    Hostname:   web-1
    TargetRef:  Pod/web-1
    NodeName:   node03
    Zone:       <unset>
Events:         <none>
`);
  });
});
