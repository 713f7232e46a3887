# fails: pi/parallelism is 2
# Four pods at once finish sooner, but the task allows two at a time.
kubectl create job pi --image=perl:5.34.0 --dry-run=client -o yaml -- perl -Mbignum=bpi -wle 'print bpi(2000)' > pi.yaml
sed -i 's/^spec:/spec:\n  completions: 4\n  parallelism: 4\n  backoffLimit: 4\n  activeDeadlineSeconds: 300/' pi.yaml
kubectl apply -f pi.yaml
kubectl wait --for=condition=Complete job/pi --timeout=5m
lab check pi
