/**
 * Validation shared by the workload kinds (pkg/apis/apps/validation and batch/validation):
 * selector against template labels, non-negative counts, and Go `%#v` renderings of selectors
 * and label maps for error values.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { field, GoLiteral, type Cause } from '../errors.ts';
import { labelSelectorMatches } from '../selectors.ts';
import { validatePodSpec, validateLabelMap } from './pod.ts';

/** `map[string]string{"a":"b"}` with sorted keys, as Go's %#v prints a map. */
export function goStringMap(m: Readonly<Record<string, string>> | undefined | null): string {
  if (!m) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`).join(', ')}}`;
}

/** `v1.LabelSelector{MatchLabels:…, MatchExpressions:…}` as %#v prints it. */
export function goLabelSelector(sel: Readonly<LabelSelector> | undefined | null): GoLiteral {
  if (!sel) return new GoLiteral('(*v1.LabelSelector)(nil)');
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${
              e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'
            }}`,
        )
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoLiteral(`v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`);
}

export function isEmptySelector(sel: Readonly<LabelSelector>): boolean {
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

/** ValidateNonnegativeField. */
export function nonNegative(path: string, value: number | undefined | null): Cause[] {
  if (value === undefined || value === null) return [];
  return value < 0 ? [field.invalid(path, value, 'must be greater than or equal to 0')] : [];
}

/**
 * The selector is required and non-empty, and must select the template's labels; then the pod
 * template itself. `kindWord` is upstream's noun in "empty selector is invalid for <kind>".
 */
export function validateSelectorAndTemplate(
  selector: Readonly<LabelSelector> | undefined,
  template: Readonly<PodTemplateSpec> | undefined,
  kindWord: string,
  base = 'spec',
): Cause[] {
  const out: Cause[] = [];
  if (!selector) {
    out.push(field.required(`${base}.selector`));
  } else {
    out.push(...validateLabelMap(selector.matchLabels, `${base}.selector.matchLabels`));
    if (isEmptySelector(selector)) {
      out.push(field.invalid(`${base}.selector`, goLabelSelector(selector), `empty selector is invalid for ${kindWord}`));
    }
  }
  if (!template) {
    out.push(field.required(`${base}.template`));
    return out;
  }
  const labels = template.metadata?.labels;
  if (selector && !isEmptySelector(selector) && !labelSelectorMatches(selector, labels)) {
    out.push(
      field.invalid(`${base}.template.metadata.labels`, new GoLiteral(goStringMap(labels ?? {})), '`selector` does not match template `labels`'),
    );
  }
  out.push(...validateLabelMap(labels, `${base}.template.metadata.labels`));
  // ValidatePodTemplateSpecForStatefulSet leaves the pod spec alone: its volumeMounts may name
  // volumeClaimTemplates, which are not volumes of the template (apps/validation/validation.go).
  if (kindWord === 'statefulset') return out;
  out.push(...validatePodSpec(template.spec as never, `${base}.template.spec`));
  return out;
}

/** IntOrString percent or count (ValidatePositiveIntOrPercent + IsValidPercent). */
export function validateIntOrPercent(path: string, v: number | string | undefined): Cause[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return nonNegative(path, v);
  if (!/^[0-9]+%$/.test(v)) return [field.invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  return [];
}

export function percentOver100(path: string, v: number | string | undefined): Cause[] {
  if (typeof v === 'string' && /^[0-9]+%$/.test(v) && Number(v.slice(0, -1)) > 100) {
    return [field.invalid(path, v, 'must not be greater than 100%')];
  }
  return [];
}

/**
 * A pod template as Go's %#v prints the internal `core.PodTemplateSpec` in "field is immutable"
 * errors: every field in Go order, zero values included, pointers as addresses.
 */
export function goPodTemplate(t: Readonly<PodTemplateSpec> | undefined): GoLiteral {
  const state = { next: 0x1a2b0 };
  return new GoLiteral(goValueOf('core.PodTemplateSpec', t ?? {}, state));
}

interface Addr {
  next: number;
}

/** Go field name, JSON name, Go type. `*T` pointer, `[]T` slice, `map` label map, `enum` string alias. */
type Shape = [string, string, string][];

const S = (spec: string): Shape => spec.split(',').map((f) => f.trim().split(' ') as [string, string, string]);

const SHAPES: Record<string, Shape> = {
  'core.PodTemplateSpec': S('ObjectMeta metadata v1.ObjectMeta, Spec spec core.PodSpec'),
  'v1.ObjectMeta': S(
    'Name name string, GenerateName generateName string, Namespace namespace string, SelfLink selfLink string, UID uid types.UID, ResourceVersion resourceVersion string, Generation generation int64, CreationTimestamp creationTimestamp v1.Time, DeletionTimestamp deletionTimestamp *v1.Time, DeletionGracePeriodSeconds deletionGracePeriodSeconds *int64, Labels labels map, Annotations annotations map, OwnerReferences ownerReferences []v1.OwnerReference, Finalizers finalizers []string, ManagedFields managedFields []v1.ManagedFieldsEntry',
  ),
  'core.PodSpec': S(
    'Volumes volumes []core.Volume, InitContainers initContainers []core.Container, Containers containers []core.Container, EphemeralContainers ephemeralContainers []core.EphemeralContainer, RestartPolicy restartPolicy enum, TerminationGracePeriodSeconds terminationGracePeriodSeconds *int64, ActiveDeadlineSeconds activeDeadlineSeconds *int64, DNSPolicy dnsPolicy enum, NodeSelector nodeSelector map, ServiceAccountName serviceAccountName string, AutomountServiceAccountToken automountServiceAccountToken *bool, NodeName nodeName string, SecurityContext securityContext *core.PodSecurityContext, ImagePullSecrets imagePullSecrets []core.LocalObjectReference, Hostname hostname string, Subdomain subdomain string, SetHostnameAsFQDN setHostnameAsFQDN *bool, Affinity affinity *core.Affinity, SchedulerName schedulerName string, Tolerations tolerations []core.Toleration, HostAliases hostAliases []core.HostAlias, PriorityClassName priorityClassName string, Priority priority *int32, PreemptionPolicy preemptionPolicy *core.PreemptionPolicy, DNSConfig dnsConfig *core.PodDNSConfig, ReadinessGates readinessGates []core.PodReadinessGate, RuntimeClassName runtimeClassName *string, Overhead overhead core.ResourceList, EnableServiceLinks enableServiceLinks *bool, TopologySpreadConstraints topologySpreadConstraints []core.TopologySpreadConstraint, OS os *core.PodOS, SchedulingGates schedulingGates []core.PodSchedulingGate, ResourceClaims resourceClaims []core.PodResourceClaim, Resources resources *core.ResourceRequirements, HostnameOverride hostnameOverride *string',
  ),
  'core.Container': S(
    'Name name string, Image image string, Command command []string, Args args []string, WorkingDir workingDir string, Ports ports []core.ContainerPort, EnvFrom envFrom []core.EnvFromSource, Env env []core.EnvVar, Resources resources core.ResourceRequirements, ResizePolicy resizePolicy []core.ContainerResizePolicy, RestartPolicy restartPolicy *core.ContainerRestartPolicy, RestartPolicyRules restartPolicyRules []core.ContainerRestartRule, VolumeMounts volumeMounts []core.VolumeMount, VolumeDevices volumeDevices []core.VolumeDevice, LivenessProbe livenessProbe *core.Probe, ReadinessProbe readinessProbe *core.Probe, StartupProbe startupProbe *core.Probe, Lifecycle lifecycle *core.Lifecycle, TerminationMessagePath terminationMessagePath string, TerminationMessagePolicy terminationMessagePolicy enum, ImagePullPolicy imagePullPolicy enum, SecurityContext securityContext *core.SecurityContext, Stdin stdin bool, StdinOnce stdinOnce bool, TTY tty bool',
  ),
  'core.ResourceRequirements': S('Limits limits core.ResourceList, Requests requests core.ResourceList, Claims claims []core.ResourceClaim'),
  'core.ContainerPort': S('Name name string, HostPort hostPort int32, ContainerPort containerPort int32, Protocol protocol enum, HostIP hostIP string'),
  'core.EnvVar': S('Name name string, Value value string, ValueFrom valueFrom *core.EnvVarSource'),
  'core.VolumeMount': S('Name name string, ReadOnly readOnly bool, RecursiveReadOnly recursiveReadOnly *core.RecursiveReadOnlyMode, MountPath mountPath string, SubPath subPath string, MountPropagation mountPropagation *core.MountPropagationMode, SubPathExpr subPathExpr string'),
  'core.Toleration': S('Key key string, Operator operator enum, Value value string, Effect effect enum, TolerationSeconds tolerationSeconds *int64'),
  'core.LocalObjectReference': S('Name name string'),
  'core.Volume': S('Name name string, VolumeSource - core.VolumeSource'),
  'core.VolumeSource': S(
    'HostPath hostPath *core.HostPathVolumeSource, EmptyDir emptyDir *core.EmptyDirVolumeSource, GCEPersistentDisk gcePersistentDisk *core.GCEPersistentDiskVolumeSource, AWSElasticBlockStore awsElasticBlockStore *core.AWSElasticBlockStoreVolumeSource, GitRepo gitRepo *core.GitRepoVolumeSource, Secret secret *core.SecretVolumeSource, NFS nfs *core.NFSVolumeSource, ISCSI iscsi *core.ISCSIVolumeSource, Glusterfs glusterfs *core.GlusterfsVolumeSource, PersistentVolumeClaim persistentVolumeClaim *core.PersistentVolumeClaimVolumeSource, RBD rbd *core.RBDVolumeSource, Quobyte quobyte *core.QuobyteVolumeSource, FlexVolume flexVolume *core.FlexVolumeSource, Cinder cinder *core.CinderVolumeSource, CephFS cephfs *core.CephFSVolumeSource, Flocker flocker *core.FlockerVolumeSource, DownwardAPI downwardAPI *core.DownwardAPIVolumeSource, FC fc *core.FCVolumeSource, AzureFile azureFile *core.AzureFileVolumeSource, ConfigMap configMap *core.ConfigMapVolumeSource, VsphereVolume vsphereVolume *core.VsphereVirtualDiskVolumeSource, AzureDisk azureDisk *core.AzureDiskVolumeSource, PhotonPersistentDisk photonPersistentDisk *core.PhotonPersistentDiskVolumeSource, Projected projected *core.ProjectedVolumeSource, PortworxVolume portworxVolume *core.PortworxVolumeSource, ScaleIO scaleIO *core.ScaleIOVolumeSource, StorageOS storageos *core.StorageOSVolumeSource, CSI csi *core.CSIVolumeSource, Ephemeral ephemeral *core.EphemeralVolumeSource, Image image *core.ImageVolumeSource',
  ),
};

function goValueOf(type: string, v: any, addr: Addr): string {
  if (type.startsWith('*')) {
    if (v === undefined || v === null) return `(${type})(nil)`;
    addr.next += 0x18;
    return `(${type})(0xc000${addr.next.toString(16).padStart(6, '0')})`;
  }
  if (type.startsWith('[]')) {
    const elem = type.slice(2);
    if (!v || v.length === 0) return `${type}(nil)`;
    return `${type}{${v.map((x: any) => goValueOf(elem, x, addr)).join(', ')}}`;
  }
  switch (type) {
    case 'string':
    case 'types.UID':
    case 'enum':
      return JSON.stringify(v ?? '');
    case 'int64':
    case 'int32':
      return String(v ?? 0);
    case 'bool':
      return String(Boolean(v));
    case 'map':
      return v ? goStringMap(v) : 'map[string]string(nil)';
    case 'v1.Time':
      return 'v1.Time{Time:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)}';
    case 'core.ResourceList':
      return v && Object.keys(v).length
        ? `core.ResourceList{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${goQuantity(String(v[k]))}`)
            .join(', ')}}`
        : 'core.ResourceList(nil)';
  }
  const shape = SHAPES[type];
  if (!shape) return `${type}{}`;
  return `${type}{${shape.map(([g, j, t]) => `${g}:${goValueOf(t, j === '-' ? v : v?.[j], addr)}`).join(', ')}}`;
}

/** resource.Quantity as %#v prints it: the int64 amount, its scale, the cached string and format. */
function goQuantity(text: string): string {
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(text.trim());
  const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  const decimal: Record<string, number> = { m: -3, '': 0, k: 3, M: 6, G: 9, T: 12 };
  let value = 0;
  let scale = 0;
  let format = 'DecimalSI';
  if (m) {
    const [, num, suffix] = m;
    if (suffix! in binary) {
      value = Math.round(Number(num) * binary[suffix!]!);
      format = 'BinarySI';
    } else {
      scale = decimal[suffix!] ?? 0;
      value = Number(num);
      while (!Number.isInteger(value)) {
        value *= 10;
        scale -= 1;
      }
    }
  }
  return `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDec{Dec:(*inf.Dec)(nil)}, s:${JSON.stringify(text)}, Format:${JSON.stringify(format)}}`;
}
