# fails: first/pod/db-0 was not recreated
# Deleting every pod moves them all at once, with no chance to try the new version on one first.
kubectl set image statefulset/db redis=redis:7.4
kubectl delete pods -l app=db
kubectl rollout status statefulset/db --watch=false
sleep 60
lab check first
