# fails: schedule/concurrencyPolicy is Forbid
# The default policy, Allow, lets a slow run overlap the next one.
kubectl create cronjob report --image=busybox:1.36 --schedule='*/5 * * * *' -- sh -c 'date; echo report done'
sleep 1200
lab check schedule
