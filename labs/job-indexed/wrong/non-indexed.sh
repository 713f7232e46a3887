# fails: indexed/completionMode is Indexed
# Without Indexed mode the pods are interchangeable: none of them knows its shard.
cat <<'EOF2' | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: shards
spec:
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
lab check indexed
