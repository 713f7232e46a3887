# fails: liveness/pods not restarting
# A liveness probe on a port nothing listens on kills healthy containers over and over.
kubectl patch deployment shop --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
kubectl rollout status deployment/shop
lab check readiness
kubectl patch deployment shop --type json -p '[{"op":"add","path":"/spec/template/spec/containers/0/livenessProbe","value":{"tcpSocket":{"port":8080},"initialDelaySeconds":5,"periodSeconds":10}}]'
sleep 90
lab check liveness
