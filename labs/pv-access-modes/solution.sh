node=$(kubectl get pod app-a -o jsonpath='{.spec.nodeName}')
cat <<EOF2 | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: app-b
spec:
  nodeName: $node
  volumes:
  - name: shared
    persistentVolumeClaim:
      claimName: shared
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "86400"]
    volumeMounts:
    - name: shared
      mountPath: /shared
EOF2
kubectl wait --for=condition=Ready pod/app-b --timeout=2m
kubectl exec app-b -- cat /shared/note.txt
lab check second-pod
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: team
spec:
  accessModes: [ReadWriteMany]
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
done
kubectl wait --for=condition=Ready pod/team-1 pod/team-2 --timeout=2m
kubectl get pods -o wide
lab check many-nodes
