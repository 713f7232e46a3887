cat > pi.yaml <<'EOF2'
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 4
  parallelism: 2
  backoffLimit: 4
  activeDeadlineSeconds: 300
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl"]
        args: ["-Mbignum=bpi", "-wle", "print bpi(2000)"]
EOF2
kubectl apply -f pi.yaml
kubectl get pods -l job-name=pi
kubectl wait --for=condition=Complete job/pi --timeout=5m
kubectl get job pi
lab check pi
cat <<'EOF2' | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: flaky
        image: busybox
        command: ["sh", "-c", "echo trying; exit 1"]
EOF2
kubectl wait --for=condition=Failed job/flaky --timeout=5m
kubectl describe job flaky
lab check flaky
