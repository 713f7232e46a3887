cat <<'EOF2' | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: shards
spec:
  completionMode: Indexed
  completions: 5
  parallelism: 3
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo processing shard $JOB_COMPLETION_INDEX"]
EOF2
kubectl wait --for=condition=Complete job/shards --timeout=3m
kubectl get pods -l job-name=shards
kubectl logs -l job-name=shards --prefix
lab check indexed
cat <<'EOF2' | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: cleanup
spec:
  ttlSecondsAfterFinished: 60
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo done"]
EOF2
kubectl wait --for=condition=Complete job/cleanup --timeout=2m
kubectl wait --for=delete job/cleanup --timeout=3m
lab check ttl
