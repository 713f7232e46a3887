# fails: provision/volume lives on node02
# Without pinning the pod, the scheduler picks a node, and the volume is created there.
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
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  nodeSelector:
    kubernetes.io/hostname: node03
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
lab check provision
