# fails: recover/3 pods with app=quiz Running and Ready
# A normal delete only marks the pod for deletion again; with no kubelet to confirm, quiz-1 stays.
kubectl delete pod quiz-1 --wait=false
sleep 60
kubectl get pods
