# fails: update/at most one node without a ready shipper
# maxUnavailable 100% replaces every node's pod at once: the whole cluster stops shipping logs.
kubectl patch ds log-shipper -p '{"spec":{"minReadySeconds":10,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"100%"}}}}'
kubectl set image ds/log-shipper shipper=fluent/fluent-bit:3.1
kubectl rollout status ds/log-shipper
lab check update
