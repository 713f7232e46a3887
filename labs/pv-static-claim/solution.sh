cat > claim.yaml <<'EOF2'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: reports
spec:
  storageClassName: ""
  volumeName: reports-pv
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
EOF2
kubectl apply -f claim.yaml
kubectl wait --for=jsonpath='{.status.phase}'=Bound pvc/reports --timeout=1m
kubectl get pv,pvc
lab check claim
cat > writer.yaml <<'EOF2'
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
kubectl apply -f writer.yaml
kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/writer --timeout=2m
kubectl delete pod writer
sed -e 's/name: writer/name: reader/g' -e "s|echo 'Q3 revenue: 42' > /data/report.txt|sleep 3600|" writer.yaml > reader.yaml
kubectl apply -f reader.yaml
kubectl wait --for=condition=Ready pod/reader --timeout=2m
kubectl exec reader -- cat /data/report.txt
lab check data
kubectl delete pod reader
kubectl delete pvc reports
kubectl get pv reports-pv
kubectl patch pv reports-pv --type json -p '[{"op":"remove","path":"/spec/claimRef"}]'
sed 's/name: reports$/name: reports-v2/' claim.yaml | kubectl apply -f -
kubectl wait --for=jsonpath='{.status.phase}'=Bound pvc/reports-v2 --timeout=1m
kubectl get pv reports-pv
lab check reuse
