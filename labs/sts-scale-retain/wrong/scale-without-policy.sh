# fails: retention/whenScaled is Delete
# Deleting the claim by hand after scaling down gets the same end state, but the next scale-down
# would leave a claim behind again.
kubectl scale statefulset ledger --replicas=2
kubectl wait --for=delete pod/ledger-2 --timeout=2m
kubectl delete pvc data-ledger-2
lab check retention
