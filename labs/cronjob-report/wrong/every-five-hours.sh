# fails: schedule/runs every five minutes
# "0 */5 * * *" is every five hours: nothing runs in the next twenty minutes.
kubectl create cronjob report --image=busybox:1.36 --schedule='0 */5 * * *' --dry-run=client -o yaml -- sh -c 'date; echo report done' > report.yaml
sed -i 's/^spec:/spec:\n  concurrencyPolicy: Forbid\n  successfulJobsHistoryLimit: 2\n  failedJobsHistoryLimit: 1/' report.yaml
sed -i 's/restartPolicy: OnFailure/restartPolicy: Never/' report.yaml
kubectl apply -f report.yaml
sleep 1200
lab check schedule
