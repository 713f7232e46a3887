# fails: claim/claim reports bound to reports-pv
# Without storageClassName: "", the default class provisions a new volume for the claim.
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: reports
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF2
sleep 10
lab check claim
