# fails: drain/no web pods on node01
# A cordon stops new pods, but the web pods already on node01 stay.
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl rollout status deployment/web
kubectl patch deployment web -p '{"spec":{"template":{"spec":{"nodeSelector":{"kubernetes.io/hostname":"node01"}}}}}'
kubectl rollout status deployment/web
kubectl cordon node01
lab check drain
