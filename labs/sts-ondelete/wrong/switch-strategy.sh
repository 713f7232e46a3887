# fails: rest/updateStrategy is still OnDelete
# Switching to RollingUpdate finishes the job, but takes the decision away from you.
kubectl set image statefulset/db redis=redis:7.4
kubectl delete pod db-2
kubectl wait --for=condition=Ready pod/db-2 --timeout=2m
lab check first
kubectl patch statefulset db -p '{"spec":{"updateStrategy":{"type":"RollingUpdate"}}}'
kubectl rollout status statefulset/db
lab check rest
