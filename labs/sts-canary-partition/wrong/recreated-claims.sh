# fails: finish/claim data-quiz-0 kept
# Deleting the StatefulSet and its claims and starting over reaches the new image, but throws away
# every replica's data.
kubectl delete statefulset quiz
kubectl delete pvc data-quiz-0 data-quiz-1 data-quiz-2
sed -i 's/quiz:0.1/quiz:0.2/' quiz.yaml
kubectl apply -f quiz.yaml
kubectl rollout status statefulset/quiz
lab check finish
