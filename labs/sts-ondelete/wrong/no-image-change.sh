# fails: first/db-2 runs redis:7.4
# Deleting db-2 before changing the template brings it back on the old version.
kubectl delete pod db-2
kubectl wait --for=condition=Ready pod/db-2 --timeout=2m
kubectl set image statefulset/db redis=redis:7.4
lab check first
