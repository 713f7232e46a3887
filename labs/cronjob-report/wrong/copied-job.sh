# fails: manual/report-now made from the CronJob
# A Job written by hand runs the same command, but is not tied to the CronJob it imitates.
kubectl create job report-now --image=busybox:1.36 -- sh -c 'date; echo report done'
kubectl wait --for=condition=Complete job/report-now --timeout=2m
lab check manual
