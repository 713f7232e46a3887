# fails: down-up/claim data-ledger-2 kept
# Deleting the claims after scaling down gives ledger-1 and ledger-2 new, empty volumes.
kubectl scale statefulset ledger --replicas=1
kubectl wait --for=delete pod/ledger-1 pod/ledger-2 --timeout=2m
kubectl delete pvc data-ledger-1 data-ledger-2
kubectl scale statefulset ledger --replicas=3
kubectl rollout status statefulset/ledger
lab check down-up
