# fails: gpu-only/agent only on gpu nodes
# Recreating the DaemonSet without a nodeSelector, and with the port on the pod network only,
# keeps an agent on every node.
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
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: agent
        image: nginx:1.27
        ports:
        - containerPort: 8080
EOF2
kubectl rollout status ds/node-agent
lab check gpu-only
