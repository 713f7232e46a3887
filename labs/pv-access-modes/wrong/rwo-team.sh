# fails: many-nodes/team-2 Running and Ready
# A ReadWriteOnce claim serves the first node only; the pod on the second node cannot attach it.
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: team
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF2
for i in 1 2; do
cat <<EOF2 | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: team-$i
spec:
  nodeName: node0$((i + 1))
  volumes:
  - name: team
    persistentVolumeClaim:
      claimName: team
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "86400"]
    volumeMounts:
    - name: team
      mountPath: /team
EOF2
sleep 5
done
sleep 60
lab check many-nodes
