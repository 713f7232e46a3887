# fails: pi/activeDeadlineSeconds is 300
# Without a deadline a stuck Job would run forever.
cat <<'EOF2' | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 4
  parallelism: 2
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl"]
        args: ["-Mbignum=bpi", "-wle", "print bpi(2000)"]
EOF2
kubectl wait --for=condition=Complete job/pi --timeout=5m
lab check pi
