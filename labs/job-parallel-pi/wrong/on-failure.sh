# fails: flaky/failed pods kept
# With restartPolicy OnFailure the same pod restarts in place; the Job still fails, but no failed
# pods are left to inspect.
cat <<'EOF2' | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: OnFailure
      containers:
      - name: flaky
        image: busybox
        command: ["sh", "-c", "echo trying; exit 1"]
EOF2
kubectl wait --for=condition=Failed job/flaky --timeout=10m
lab check flaky
