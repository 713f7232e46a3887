# fails: tainted-node/node03 still tainted
# Removing the taint gets the monitor there, but lets every other pod onto the dedicated node.
kubectl taint node node03 dedicated:NoSchedule-
kubectl rollout status ds/monitor
lab check tainted-node
