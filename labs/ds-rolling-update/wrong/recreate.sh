# fails: rollback/daemonset/log-shipper was not recreated
# Deleting the DaemonSet and applying the old manifest also brings 3.0 back, but every node loses
# its shipper at once and the revision history is gone.
kubectl patch ds log-shipper -p '{"spec":{"minReadySeconds":10,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1}}}}'
kubectl set image ds/log-shipper shipper=fluent/fluent-bit:3.1
kubectl rollout status ds/log-shipper
lab check update
kubectl delete ds log-shipper
kubectl apply -f log-shipper.yaml
kubectl rollout status ds/log-shipper
lab check rollback
