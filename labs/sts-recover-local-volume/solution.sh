kubectl get pods -o wide
kubectl delete pod ledger-1 --grace-period=0 --force
sleep 5
kubectl get pod ledger-1
kubectl describe pod ledger-1 | tail -3
kubectl delete pvc data-ledger-1 --wait=false
kubectl delete pod ledger-1
kubectl wait --for=condition=Ready pod/ledger-1 --timeout=5m
kubectl get pods,pvc -o wide
