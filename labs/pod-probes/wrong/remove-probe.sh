# fails: readiness/readiness probe kept
# Without a readiness probe the pods count as Ready at once, whether nginx answers or not.
kubectl patch deployment shop --type json -p '[{"op":"remove","path":"/spec/template/spec/containers/0/readinessProbe"}]'
kubectl rollout status deployment/shop
lab check readiness
