kubectl scale statefulset ledger --replicas=1
kubectl wait --for=delete pod/ledger-1 pod/ledger-2 --timeout=2m
kubectl get pods,pvc
kubectl scale statefulset ledger --replicas=3
kubectl rollout status statefulset/ledger
kubectl exec ledger-2 -- cat /data/ledger.txt
lab check down-up
kubectl patch statefulset ledger -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenScaled":"Delete","whenDeleted":"Retain"}}}'
kubectl scale statefulset ledger --replicas=2
kubectl wait --for=delete pvc/data-ledger-2 --timeout=2m
kubectl get pvc
lab check retention
