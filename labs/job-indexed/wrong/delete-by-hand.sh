# fails: ttl/ttlSecondsAfterFinished is 60
# Deleting the Job yourself removes it, but the next finished Job will stay forever.
kubectl create job cleanup --image=busybox:1.36 -- sh -c 'echo done'
kubectl wait --for=condition=Complete job/cleanup --timeout=2m
kubectl delete job cleanup
lab check ttl
