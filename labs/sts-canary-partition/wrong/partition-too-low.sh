# fails: canary/partition is 2
# A partition of 1 lets the canary reach quiz-1 as well.
kubectl patch statefulset quiz -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}}}}'
kubectl set image statefulset/quiz quiz-api=quiz:0.2
kubectl rollout status statefulset/quiz
lab check canary
