# fails: recover/claim data-quiz-1 kept
# Deleting the claim as well gets a new quiz-1 running, but on an empty volume: its data is gone.
kubectl delete pvc data-quiz-1 --wait=false
kubectl delete pod quiz-1 --grace-period=0 --force
kubectl wait --for=condition=Ready pod/quiz-1 --timeout=10m
