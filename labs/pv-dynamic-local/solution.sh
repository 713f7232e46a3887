cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: cache
spec:
  storageClassName: local-path
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 2Gi
EOF2
kubectl get pvc cache
kubectl describe pvc cache | tail -4
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  nodeSelector:
    kubernetes.io/hostname: node02
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: cache
  containers:
  - name: redis
    image: redis:7
    volumeMounts:
    - name: data
      mountPath: /data
EOF2
kubectl wait --for=condition=Ready pod/cache --timeout=3m
kubectl get pv -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0],CLAIM:.spec.claimRef.name
lab check provision
kubectl delete pod cache
kubectl delete pvc cache
kubectl wait --for=delete pv --all --timeout=2m
kubectl get pv
lab check cleanup
