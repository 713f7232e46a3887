# fails: gpu-only/port 8080 on the node
# A nodeSelector alone narrows the nodes, but nothing listens on the node's port 8080.
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
      nodeSelector:
        gpu: cuda
      containers:
      - name: agent
        image: nginx:1.27
        ports:
        - containerPort: 80
EOF2
kubectl rollout status ds/node-agent
lab check gpu-only
