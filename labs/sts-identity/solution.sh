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
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - name: web
          containerPort: 80
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
EOF2
kubectl apply -f web.yaml
kubectl rollout status statefulset/web
kubectl get pods,pvc -o wide
lab check create
for i in 0 1; do kubectl exec web-$i -- sh -c 'hostname > /usr/share/nginx/html/index.html'; done
kubectl delete pod web-0 web-1
kubectl rollout status statefulset/web
kubectl exec web-0 -- cat /usr/share/nginx/html/index.html
lab check identity
kubectl run dns --image=busybox:1.36 --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/dns
kubectl exec dns -- nslookup web-0.nginx
kubectl create configmap peers --from-literal=primary=web-0.nginx.default.svc.cluster.local
lab check dns
