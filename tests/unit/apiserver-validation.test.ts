import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import { isApiError } from '../../src/sim/apiserver/errors.ts';
import type { KubeObject } from '../../src/sim/apiserver/types.ts';
import { validatePodSpec } from '../../src/sim/apiserver/validation/pod.ts';
import { defaultPullPolicy } from '../../src/sim/apiserver/defaults/pod.ts';

const cluster = createCluster({ seed: 41 });

function createError(c: Cluster, obj: KubeObject): string {
  try {
    c.api.create(obj, { dryRun: true });
  } catch (e) {
    return isApiError(e) ? e.message : String(e);
  }
  return 'created';
}

function pod(spec: Record<string, unknown>, name = 'p'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec };
}

function svc(spec: Record<string, unknown>, name = 's'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}

describe('pod validation texts', () => {
  const cases: [string, KubeObject, string][] = [
    ['no containers', pod({}), 'Pod "p" is invalid: spec.containers: Required value'],
    ['no image', pod({ containers: [{ name: 'web' }] }), 'Pod "p" is invalid: spec.containers[0].image: Required value'],
    [
      'bad container name',
      pod({ containers: [{ name: 'Web', image: 'nginx' }] }),
      `Pod "p" is invalid: spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ],
    [
      'duplicate container names',
      pod({ containers: [{ name: 'a', image: 'nginx' }, { name: 'a', image: 'busybox' }] }),
      'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "a"',
    ],
    [
      'restart policy',
      pod({ restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'nginx' }] }),
      'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      'mount of a missing volume',
      pod({ containers: [{ name: 'a', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }),
      'Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ],
    [
      'port out of range',
      pod({ containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 70000 }] }] }),
      'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'requests above limits',
      pod({ containers: [{ name: 'a', image: 'nginx', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] }),
      'Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ],
    [
      'toleration value with Exists',
      pod({ containers: [{ name: 'a', image: 'nginx' }], tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }),
      'Pod "p" is invalid: spec.tolerations[0].operator: Invalid value: core.Toleration{Key:"k", Operator:"Exists", Value:"v", Effect:"", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is \'Exists\'',
    ],
    [
      'two problems at once',
      pod({ containers: [{ name: 'a' }], dnsPolicy: 'Nope' }),
      'Pod "p" is invalid: [spec.containers[0].image: Required value, spec.dnsPolicy: Unsupported value: "Nope": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]',
    ],
    [
      'missing priority class',
      pod({ priorityClassName: 'urgent', containers: [{ name: 'a', image: 'nginx' }] }),
      'pods "p" is forbidden: no PriorityClass with name urgent was found',
    ],
    [
      'missing service account',
      pod({ serviceAccountName: 'robot', containers: [{ name: 'a', image: 'nginx' }] }),
      'pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found',
    ],
  ];
  for (const [title, obj, text] of cases) {
    it(title, () => expect(createError(cluster, obj)).toBe(text));
  }

  it('validates template specs under their own path', () => {
    const causes = validatePodSpec({ containers: [{ name: 'a', image: '' }] }, 'spec.template.spec');
    expect(causes).toEqual([{ field: 'spec.template.spec.containers[0].image', message: 'Required value' }]);
  });
});

describe('pod defaults', () => {
  it('fills what the API server fills', () => {
    const c = createCluster({ seed: 42 });
    const p = c.api.create(pod({ containers: [{ name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m' } } }] }));
    const spec = p.spec;
    expect(spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      serviceAccountName: 'default',
      serviceAccount: 'default',
      enableServiceLinks: true,
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    expect(spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: { limits: { cpu: '500m' }, requests: { cpu: '500m' } },
    });
    const token = spec.volumes[0];
    expect(token.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: token.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
    ]);
    expect(spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'Burstable' });
  });

  it('pulls :latest and untagged images always', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('localhost:5000/app')).toBe('Always');
    expect(defaultPullPolicy('localhost:5000/app:1.0')).toBe('IfNotPresent');
    expect(defaultPullPolicy('nginx@sha256:abc')).toBe('IfNotPresent');
  });
});

describe('pod updates', () => {
  it('allows image changes and forbids the rest, with a diff', () => {
    const c = createCluster({ seed: 43 });
    const created = c.api.create(pod({ containers: [{ name: 'web', image: 'nginx:1.27' }] }));
    const volume = created.spec.volumes[0].name;
    c.api.mutate('Pod', 'default', 'p', (p) => {
      p.spec.containers[0].image = 'nginx:1.28';
    });
    let message = '';
    try {
      c.api.mutate('Pod', 'default', 'p', (p) => {
        p.spec.containers[0].ports = [{ containerPort: 8080, protocol: 'TCP' }];
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      [
        'Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        '  core.PodSpec{',
        `  \tVolumes:        {{Name: "${volume}", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},`,
        '  \tInitContainers: nil,',
        '  \tContainers: []core.Container{',
        '  \t\t{',
        '  \t\t\t... // 3 identical fields',
        '  \t\t\tArgs:       nil,',
        '  \t\t\tWorkingDir: "",',
        '- \t\t\tPorts: nil,',
        '+ \t\t\tPorts: {{ContainerPort: 8080, Protocol: "TCP"}},',
        '  \t\t\tEnvFrom: nil,',
        '  \t\t\tEnv:     nil,',
        '  \t\t\t... // 17 identical fields',
        '  \t\t},',
        '  \t},',
        '  \tEphemeralContainers: nil,',
        '  \tRestartPolicy:       "Always",',
        '  \t... // 30 identical fields',
        '  }',
        '',
      ].join('\n'),
    );
  });

  it('defaults a replaced spec, so only what admission added shows in the diff', () => {
    const c = createCluster({ seed: 45 });
    c.api.create(pod({ containers: [{ name: 'web', image: 'nginx:1.27' }] }));
    let message = '';
    try {
      c.api.update(pod({ containers: [{ name: 'web', image: 'nginx:1.27' }] }));
    } catch (e) {
      message = (e as Error).message;
    }
    const diff = message.split('\n').filter((l) => l.startsWith('-') || l.startsWith('+'));
    expect(diff.map((l) => l.replace(/:.*/, ''))).toEqual([
      '- \tVolumes',
      '+ \tVolumes',
      '- \t\t\tVolumeMounts',
      '+ \t\t\tVolumeMounts',
      '- \tServiceAccountName',
      '+ \tServiceAccountName',
      '- \tTolerations',
      '+ \tTolerations',
      '- \tPriority',
      '+ \tPriority',
      '- \tPreemptionPolicy',
      '+ \tPreemptionPolicy',
    ]);
  });

  it('shows resource changes as go-cmp shows quantities', () => {
    const c = createCluster({ seed: 46 });
    c.api.create(pod({ containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '1', memory: '1Gi' } } }] }));
    let message = '';
    try {
      c.api.mutate('Pod', 'default', 'p', (p) => {
        p.spec.containers[0].resources = { requests: { cpu: '1', memory: '2Gi' } };
      });
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    const from = lines.findIndex((l) => l.includes('... // 6 identical fields'));
    expect(lines.slice(from, from + 13)).toEqual([
      '  \t\t\t... // 6 identical fields',
      '  \t\t\tEnvFrom: nil,',
      '  \t\t\tEnv:     nil,',
      '  \t\t\tResources: core.ResourceRequirements{',
      '  \t\t\t\tLimits: nil,',
      '  \t\t\t\tRequests: core.ResourceList{',
      '  \t\t\t\t\ts"cpu": {i: {...}, s: "1", Format: "DecimalSI"},',
      '- \t\t\t\t\ts"memory": {i: {...}, s: "1Gi", Format: "BinarySI"},',
      '+ \t\t\t\t\ts"memory": {i: {...}, s: "2Gi", Format: "BinarySI"},',
      '  \t\t\t\t},',
      '  \t\t\t\tClaims: nil,',
      '  \t\t\t},',
      '  \t\t\tResizePolicy:  nil,',
    ]);
  });

  it('allows added tolerations but not removed ones', () => {
    const c = createCluster({ seed: 44 });
    c.api.create(pod({ containers: [{ name: 'web', image: 'nginx:1.27' }] }));
    c.api.mutate('Pod', 'default', 'p', (p) => {
      p.spec.tolerations.push({ key: 'dedicated', operator: 'Equal', value: 'x', effect: 'NoSchedule' });
    });
    expect(() =>
      c.api.mutate('Pod', 'default', 'p', (p) => {
        p.spec.tolerations = [];
      }),
    ).toThrow(/pod updates may not change fields other than/);
  });
});

describe('services', () => {
  it('allocates ClusterIPs and NodePorts and fills the defaults', () => {
    const c = createCluster({ seed: 45 });
    const s = c.api.create(svc({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(s.spec).toMatchObject({
      type: 'NodePort',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      externalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(s.spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
    expect(s.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(s.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(s.status).toEqual({ loadBalancer: {} });
    expect(c.api.get('Service', 'default', 'kubernetes').spec.clusterIP).toBe('10.96.0.1');
    expect(c.api.get('Service', 'kube-system', 'kube-dns').spec.clusterIP).toBe('10.96.0.10');
  });

  it('headless services keep clusterIP None', () => {
    const c = createCluster({ seed: 46 });
    const s = c.api.create(svc({ clusterIP: 'None', selector: { app: 'db' } }, 'db'));
    expect(s.spec.clusterIPs).toEqual(['None']);
  });

  it('words allocation and immutability errors as upstream', () => {
    const c = createCluster({ seed: 47 });
    expect(createError(c, svc({ clusterIP: '10.96.0.10', ports: [{ port: 53 }] }))).toBe(
      'Service "s" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(createError(c, svc({ ports: [] }))).toBe('Service "s" is invalid: spec.ports: Required value');
    expect(createError(c, svc({ type: 'ExternalName', externalName: 'db.example.com.' }))).toBe('created');
    expect(createError(c, svc({ type: 'ExternalName', externalName: 'Not_A_Host' }))).toMatch(
      /^Service "s" is invalid: spec.externalName: Invalid value: "Not_A_Host": a lowercase RFC 1123 subdomain/,
    );
    expect(createError(c, svc({ ports: [{ port: 80 }, { port: 443 }] }))).toBe(
      'Service "s" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    );
    expect(createError(c, svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }))).toBe(
      'Service "s" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    c.api.create(svc({ selector: { app: 'web' }, ports: [{ port: 80 }] }));
    let message = '';
    try {
      c.api.mutate('Service', 'default', 's', (s) => {
        s.spec.clusterIP = 'None';
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('Service "s" is invalid: spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set');
  });

  it('keeps allocated values when an update leaves them out', () => {
    const c = createCluster({ seed: 48 });
    const s = c.api.create(svc({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] }));
    const updated = c.api.update({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: 'default', labels: { tier: 'front' } },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] },
    } as KubeObject);
    expect(updated.spec.clusterIP).toBe(s.spec.clusterIP);
    expect(updated.spec.ports[0].nodePort).toBe(s.spec.ports[0].nodePort);
  });
});

describe('secrets and configmaps', () => {
  it('merges stringData into data as base64 and rejects bad base64', () => {
    const c = createCluster({ seed: 49 });
    const s = c.api.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'creds', namespace: 'default' },
      data: { user: 'YWRtaW4=' },
      stringData: { password: 's3cr€t' },
    });
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ user: 'YWRtaW4=', password: 'czNjcuKCrHQ=' });
    expect(s.stringData).toBeUndefined();
    expect(createError(c, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'bad', namespace: 'default' }, data: { k: 'abc' } })).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0',
    );
    expect(
      createError(c, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls', namespace: 'default' }, type: 'kubernetes.io/tls', data: {} }),
    ).toBe('Secret "tls" is invalid: [data[tls.key]: Required value, data[tls.crt]: Required value]');
  });

  it('rejects bad keys and edits to immutable data', () => {
    const c = createCluster({ seed: 50 });
    expect(createError(c, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' }, data: { 'a b': 'x' } })).toBe(
      `ConfigMap "cm" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'frozen', namespace: 'default' }, data: { a: '1' }, immutable: true });
    expect(() =>
      c.api.mutate('ConfigMap', 'default', 'frozen', (cm) => {
        cm.data.a = '2';
      }),
    ).toThrow('ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });
});

describe('leases', () => {
  it('rejects a non-positive duration', () => {
    expect(
      createError(cluster, {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: 'lock', namespace: 'default' },
        spec: { holderIdentity: 'me', leaseDurationSeconds: 0 },
      }),
    ).toBe('Lease.coordination.k8s.io "lock" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0');
  });
});
