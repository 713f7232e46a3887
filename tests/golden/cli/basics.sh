# A learner's warm-up: shell features around kubectl, in virtual time.
kubectl version --client
kubectl create namespace team-a
kubectl get ns team-a -o name
alias kn='kubectl --namespace=team-a'
cat <<'YAML' > cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: quiz
YAML
kn apply -f cm.yaml
kn get configmap settings -o jsonpath='{.data.mode}{"\n"}'
for i in 1 2 3; do
  kn create configmap "cm-$i" --from-literal=n=$i
done
kn get cm -o name | sort
sleep 2m
cluster time
kubectl get pod missing
echo "exit was $?"
cd /tmp && pwd
