kubectl describe node controlplane | grep Taints
cat > agent.yaml <<'EOF2'
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
        - containerPort: 80
EOF2
kubectl apply -f agent.yaml
kubectl rollout status ds/node-agent
kubectl get pods -l app=node-agent -o wide
lab check everywhere
kubectl patch ds node-agent -p '{"spec":{"template":{"spec":{"nodeSelector":{"gpu":"cuda"},"containers":[{"name":"agent","ports":[{"containerPort":80,"hostPort":8080}]}]}}}}'
kubectl rollout status ds/node-agent
kubectl get ds node-agent
kubectl get pods -l app=node-agent -o wide
lab check gpu-only
