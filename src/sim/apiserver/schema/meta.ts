/**
 * meta/v1 structs every object shares: ObjectMeta, owner references, label selectors.
 */
import { arr, bool, f, i64, opaque, ref, str, strMap, struct, time } from './types.ts';

struct('ObjectMeta', 'Metadata every persisted object carries: name, namespace, labels, annotations, owners and bookkeeping the server maintains.', {
  name: f(str(), 'Unique name of the object within its namespace (or the cluster, for cluster-scoped kinds). Cannot be changed.'),
  generateName: f(str(), 'Prefix the server completes with a random suffix when no name is given.'),
  namespace: f(str(), 'Namespace the object lives in; empty for cluster-scoped kinds.'),
  labels: f(strMap, 'Key/value pairs used to select and group objects (selectors match on these).'),
  annotations: f(strMap, 'Key/value pairs for tools and people; never used for selection.'),
  uid: f(str(), 'Identifier the server assigns at creation, unique across time. Read-only.'),
  resourceVersion: f(str(), 'Opaque version of this object, used for optimistic concurrency. Read-only.'),
  generation: f(i64, 'Sequence number of the desired state, bumped by the server on spec changes. Read-only.'),
  creationTimestamp: f(time, 'When the server created the object. Read-only.'),
  deletionTimestamp: f(time, 'When the object will be (or started being) deleted. Set by the server on delete.'),
  deletionGracePeriodSeconds: f(i64, 'Seconds the object is given to terminate before removal. Read-only.'),
  ownerReferences: f(arr(ref('OwnerReference')), 'Objects this one depends on; when every owner is gone, the garbage collector deletes it.'),
  finalizers: f(arr(str()), 'Keys that must be removed before the server deletes the object.'),
  managedFields: f(arr(ref('ManagedFieldsEntry')), 'Which manager owns which fields (server-side apply bookkeeping).'),
  selfLink: f(str(), 'Deprecated; no longer filled in.'),
});

struct('OwnerReference', 'Points at an object that owns this one.', {
  apiVersion: f(str(), 'API version of the owner.', true),
  kind: f(str(), 'Kind of the owner.', true),
  name: f(str(), 'Name of the owner.', true),
  uid: f(str(), 'UID of the owner.', true),
  controller: f(bool, 'True when the owner is the managing controller (at most one owner).'),
  blockOwnerDeletion: f(bool, 'With foreground deletion, the owner is not removed until this object is gone.'),
});

struct('ManagedFieldsEntry', 'One manager and the set of fields it owns.', {
  apiVersion: f(str(), 'Version of the fields described.'),
  fieldsType: f(str(), 'Format of fieldsV1; only "FieldsV1".'),
  fieldsV1: f(opaque('FieldsV1'), 'The set of owned fields.'),
  manager: f(str(), 'Name of the workflow managing these fields.'),
  operation: f(str(), 'Apply or Update.'),
  subresource: f(str(), 'Subresource the fields were written through, if any.'),
  time: f(time, 'When the entry last changed.'),
});

struct('LabelSelector', 'A query over labels. matchLabels and matchExpressions are ANDed; an empty selector matches everything.', {
  matchLabels: f(strMap, 'Exact key=value pairs that must all be present.'),
  matchExpressions: f(arr(ref('LabelSelectorRequirement')), 'Set-based requirements that must all hold.'),
});

struct('LabelSelectorRequirement', 'A key, an operator and values.', {
  key: f(str(), 'Label key the requirement applies to.', true),
  operator: f(str(), 'In, NotIn, Exists or DoesNotExist.', true),
  values: f(arr(str()), 'Values for In/NotIn; must be empty for Exists/DoesNotExist.'),
});

struct('Condition', 'One observation of an aspect of an object.', {
  type: f(str(), 'Condition type in CamelCase.', true),
  status: f(str(), 'True, False or Unknown.', true),
  observedGeneration: f(i64, 'Generation the condition was computed from.'),
  lastTransitionTime: f(time, 'When status last changed.', true),
  reason: f(str(), 'Machine-readable reason for the last transition.', true),
  message: f(str(), 'Human-readable details.', true),
});
