# fails: second-pod/app-b Running and Ready
# On another node the volume would have to attach a second time: app-b waits for the Multi-Attach.
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: app-b
spec:
  nodeName: node02
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
sleep 60
kubectl describe pod app-b
lab check second-pod
