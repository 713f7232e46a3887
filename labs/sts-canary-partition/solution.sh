# Stop the rollout at ordinal 2, then change the image: only quiz-2 is replaced.
kubectl patch statefulset quiz -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
kubectl set image statefulset/quiz quiz-api=quiz:0.2
kubectl rollout status statefulset/quiz
kubectl get pods -l app=quiz -L controller-revision-hash
lab check canary
# Lower the partition to 0: quiz-1, then quiz-0 are replaced.
kubectl patch statefulset quiz -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'
kubectl rollout status statefulset/quiz
lab check finish
