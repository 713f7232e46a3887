kubectl set image statefulset/db redis=redis:7.4
kubectl get pods -l app=db -L controller-revision-hash
kubectl delete pod db-2
kubectl wait --for=condition=Ready pod/db-2 --timeout=2m
kubectl get pods -l app=db -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
lab check first
kubectl delete pod db-1
kubectl wait --for=condition=Ready pod/db-1 --timeout=2m
kubectl delete pod db-0
kubectl wait --for=condition=Ready pod/db-0 --timeout=2m
kubectl get sts db -o jsonpath='{.status.currentRevision} {.status.updateRevision}{"\n"}'
lab check rest
