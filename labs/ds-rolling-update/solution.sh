kubectl get ds log-shipper
kubectl patch ds log-shipper -p '{"spec":{"minReadySeconds":10,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1}}}}'
kubectl set image ds/log-shipper shipper=fluent/fluent-bit:3.1
kubectl rollout status ds/log-shipper
kubectl get pods -l app=log-shipper -o wide
lab check update
kubectl rollout history ds/log-shipper
kubectl rollout undo ds/log-shipper
kubectl rollout status ds/log-shipper
kubectl get controllerrevisions
lab check rollback
