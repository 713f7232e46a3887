# fails: everywhere/agent on controlplane
# Without a toleration the control-plane taint keeps the agent off controlplane.
cat <<'EOF2' | kubectl apply -f -
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: nginx:1.27
EOF2
kubectl rollout status ds/node-agent
lab check everywhere
