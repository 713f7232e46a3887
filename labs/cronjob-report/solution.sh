kubectl create cronjob report --image=busybox:1.36 --schedule='*/5 * * * *' --dry-run=client -o yaml -- sh -c 'date; echo report done' > report.yaml
sed -i 's/^spec:/spec:\n  concurrencyPolicy: Forbid\n  successfulJobsHistoryLimit: 2\n  failedJobsHistoryLimit: 1/' report.yaml
sed -i 's/restartPolicy: OnFailure/restartPolicy: Never/' report.yaml
kubectl apply -f report.yaml
kubectl get cronjob report
sleep 1200
kubectl get cronjobs,jobs
lab check schedule
kubectl create job report-now --from=cronjob/report
kubectl wait --for=condition=Complete job/report-now --timeout=2m
kubectl logs job/report-now
lab check manual
