# fails: retention/claim data-ledger-2 deleted
# whenDeleted governs deleting the StatefulSet, not scaling it: the claim of ledger-2 stays.
kubectl patch statefulset ledger -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenScaled":"Retain","whenDeleted":"Delete"}}}'
kubectl scale statefulset ledger --replicas=2
kubectl wait --for=delete pod/ledger-2 --timeout=2m
lab check retention
