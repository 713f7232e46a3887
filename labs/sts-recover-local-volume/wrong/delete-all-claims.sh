# fails: recover/claim data-ledger-0 kept
# Starting the whole StatefulSet over works, but throws away the data of the healthy replicas.
kubectl delete statefulset ledger
kubectl delete pod ledger-1 --grace-period=0 --force
kubectl delete pvc -l app=ledger --wait=false
kubectl delete pvc data-ledger-0 data-ledger-1 data-ledger-2 --wait=false
sleep 60
kubectl apply -f ledger.yaml
kubectl rollout status statefulset/ledger --timeout=5m
