# fails: recover/3 pods with app=ledger Running and Ready
# Force deletion alone brings ledger-1 back, but its claim pins it to the lost node: it stays Pending.
kubectl delete pod ledger-1 --grace-period=0 --force
sleep 120
kubectl get pods
