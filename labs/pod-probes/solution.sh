kubectl get pods -l app=shop
kubectl describe pod -l app=shop | grep Unhealthy
kubectl patch deployment shop --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
kubectl rollout status deployment/shop
kubectl get pods -l app=shop
lab check readiness
kubectl patch deployment shop --type json -p '[{"op":"add","path":"/spec/template/spec/containers/0/livenessProbe","value":{"tcpSocket":{"port":80},"initialDelaySeconds":5,"periodSeconds":10}}]'
kubectl rollout status deployment/shop
sleep 60
kubectl get pods -l app=shop
lab check liveness
