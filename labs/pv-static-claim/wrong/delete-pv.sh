# fails: reuse/report kept on the volume
# Deleting and recreating the PV object over a fresh export makes it Available, but the report is gone.
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: reports
spec:
  storageClassName: ""
  volumeName: reports-pv
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF2
sleep 5
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  restartPolicy: Never
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: reports
  containers:
  - name: writer
    image: busybox
    command: ["sh", "-c", "echo 'Q3 revenue: 42' > /data/report.txt"]
    volumeMounts:
    - name: data
      mountPath: /data
EOF2
kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/writer --timeout=2m
kubectl delete pod writer
kubectl delete pvc reports
kubectl delete pv reports-pv
sed 's|/exports/reports|/exports/reports-new|' /opt/kubelab/setup/reports-pv.yaml | kubectl apply -f -
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: reports-v2
spec:
  storageClassName: ""
  volumeName: reports-pv
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF2
sleep 10
lab check reuse
