# fails: dns/primary names web-0's own record
# The Service's name resolves to all the pods; it does not pin web-0.
kubectl create configmap peers --from-literal=primary=nginx.default.svc.cluster.local
lab check dns
