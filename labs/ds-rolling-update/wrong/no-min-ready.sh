# fails: update/minReadySeconds is 10
# The update goes through, but a new pod counts as available the moment it is ready.
kubectl set image ds/log-shipper shipper=fluent/fluent-bit:3.1
kubectl rollout status ds/log-shipper
lab check update
