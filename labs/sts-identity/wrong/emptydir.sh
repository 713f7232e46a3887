# fails: identity/web-0 serves web-0
# With an emptyDir instead of claims, the pages die with the pods.
cat > web.yaml <<'EOF2'
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - name: web
    port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      volumes:
      - name: www
        emptyDir: {}
      containers:
      - name: nginx
        image: nginx:1.27
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
EOF2
kubectl apply -f web.yaml
kubectl rollout status statefulset/web
for i in 0 1; do kubectl exec web-$i -- sh -c 'hostname > /usr/share/nginx/html/index.html'; done
kubectl delete pod web-0 web-1
kubectl rollout status statefulset/web
lab check identity
