kubectl get pods -l app=monitor -o wide
kubectl describe node node03 | grep Taints
kubectl patch ds monitor -p '{"spec":{"template":{"spec":{"tolerations":[{"key":"dedicated","operator":"Equal","value":"storage","effect":"NoSchedule"}]}}}}'
kubectl rollout status ds/monitor
kubectl get pods -l app=monitor -o wide
lab check tainted-node
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl rollout status deployment/web
kubectl drain node01 --ignore-daemonsets
kubectl rollout status deployment/web
kubectl get pods -o wide
lab check drain
