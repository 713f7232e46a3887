# quiz-1 is stuck Terminating on the lost node: no kubelet will ever confirm it stopped.
kubectl get pods -o wide
node=$(kubectl get pod quiz-1 -o jsonpath='{.spec.nodeName}')
kubectl get node "$node"
# The node is shut down for good: mark it out of service so its volumes are detached at once.
kubectl taint node "$node" node.kubernetes.io/out-of-service=nodeshutdown:NoExecute
# Delete the pod without waiting for the kubelet; the controller then creates a new quiz-1.
kubectl delete pod quiz-1 --grace-period=0 --force
kubectl wait --for=condition=Ready pod/quiz-1 --timeout=5m
kubectl get pods -o wide
kubectl exec quiz-1 -- cat /var/lib/quiz/answers.txt
