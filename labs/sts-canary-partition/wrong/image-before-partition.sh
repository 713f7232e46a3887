# fails: canary/quiz-1 runs quiz:0.1
# Changing the image first starts a full rollout from quiz-2 downwards; by the time the partition
# is set, quiz-1 has already been replaced.
kubectl set image statefulset/quiz quiz-api=quiz:0.2
sleep 20
kubectl patch statefulset quiz -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'
kubectl rollout status statefulset/quiz
lab check canary
