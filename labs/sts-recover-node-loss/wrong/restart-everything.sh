# fails: recover/pod/quiz-0 was not recreated
# Deleting every pod by force gets quiz-1 back too, but restarts replicas that were healthy.
kubectl delete pods -l app=quiz --grace-period=0 --force
kubectl wait --for=condition=Ready pod/quiz-0 pod/quiz-1 pod/quiz-2 --timeout=10m
