# fails: reuse/claim reports-v2 bound to reports-pv
# A new claim cannot bind a Released volume: its claimRef still names the deleted claim.
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
kubectl delete pvc reports
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
sleep 30
lab check reuse
