/**
 * Names the storage controllers, the scheduler and the kubelet agree on: annotations and
 * finalizers as upstream spells them, and kubelab's own provisioners.
 */

/** The default class's provisioner: network-attached volumes that follow their pod across nodes. */
export const NETWORK_PROVISIONER = 'kubelab.dev/network';
/** A node-local dynamic provisioner in the style of rancher.io/local-path. */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** The provisioner of classes whose volumes an administrator creates by hand. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
/** Set by the local-path style provisioner on the volumes it creates. */
export const ANN_PROVISIONED_NODE = 'local.path.provisioner/selected-node';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';
/** The external provisioner's finalizer on the volumes it created (csi-provisioner). */
export const PROVISIONER_DELETION_FINALIZER = 'external-provisioner.volume.kubernetes.io/finalizer';

/** The taint that tells the attach/detach controller a node is gone and its volumes may be detached. */
export const OUT_OF_SERVICE_TAINT = 'node.kubernetes.io/out-of-service';

/** The component names events are recorded under. */
export const PV_CONTROLLER = 'persistentvolume-controller';
export const AD_CONTROLLER = 'attachdetach-controller';
