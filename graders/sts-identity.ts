/**
 * StatefulSet identity: a headless Service, per-pod claims, names and data that survive deletion,
 * and the per-pod DNS name.
 */
import { check, defineGrader, expectClaimFile, expectField, expectPods, getObject, type GradeContext } from './lib/index.ts';

function podServes(ctx: GradeContext, pod: string) {
  const p = getObject(ctx, `pod/${pod}`);
  const claim = p?.spec?.volumes?.find((v: { name: string }) => v.name === 'www')?.persistentVolumeClaim?.claimName;
  if (!claim) return check(`${pod} serves ${pod}`, false, `expected ${pod} to mount its claim www-${pod}, found ${p ? 'no claim mounted as www' : 'no such pod'}`);
  return expectClaimFile(ctx, claim, '/index.html', pod, `${pod} serves ${pod}`);
}

function claimOutlivesPod(ctx: GradeContext, pod: string) {
  const claim = getObject(ctx, `pvc/www-${pod}`);
  const p = getObject(ctx, `pod/${pod}`);
  const uids = ctx.timeline.uidsOf(ctx.namespace, pod);
  return check(
    `${pod} recreated with its claim`,
    Boolean(claim && p && uids.length >= 2 && Date.parse(claim.metadata.creationTimestamp!) < Date.parse(p.metadata.creationTimestamp!)),
    uids.length < 2 ? `expected ${pod} to be deleted and created again, found the same pod all along` : `expected the new ${pod} to reuse claim www-${pod}, found ${claim ? 'a claim created after it' : 'no claim'}`,
    `${pod} was recreated and kept claim www-${pod}`,
  );
}

export default defineGrader({
  tasks: {
    create: (ctx) => {
      const svc = getObject(ctx, 'service/nginx');
      const port = svc?.spec?.ports?.[0];
      const claims = ['www-web-0', 'www-web-1'].map((n) => getObject(ctx, `pvc/${n}`));
      return [
        check('Service nginx is headless', svc?.spec?.clusterIP === 'None', svc ? `expected clusterIP None, found ${svc.spec?.clusterIP}` : 'expected a Service named nginx, found none', 'nginx is headless'),
        check('Service selects app=nginx on port 80', svc?.spec?.selector?.app === 'nginx' && port?.port === 80 && port?.name === 'web', `expected selector app=nginx and port 80 named web, found ${JSON.stringify(svc?.spec?.selector ?? {})} and ${JSON.stringify(port ?? {})}`, 'nginx selects app=nginx on port web/80'),
        expectField(ctx, 'statefulset/web', 'spec.serviceName', 'nginx'),
        expectField(ctx, 'statefulset/web', 'spec.replicas', 2),
        expectPods(ctx, { selector: 'app=nginx' }).toBeRunningAndReady(2),
        ...expectPods(ctx, { selector: 'app=nginx' }).toHaveImage('nginx:1.27'),
        check('claims www-web-0 and www-web-1 Bound', claims.every((c) => c?.status?.phase === 'Bound'), `expected claims www-web-0 and www-web-1 Bound, found ${claims.map((c, i) => `www-web-${i}: ${c?.status?.phase ?? 'missing'}`).join(', ')}`, 'each pod has its own Bound claim'),
      ];
    },
    identity: (ctx) => [
      expectPods(ctx, { selector: 'app=nginx' }).toBeRunningAndReady(2),
      claimOutlivesPod(ctx, 'web-0'),
      claimOutlivesPod(ctx, 'web-1'),
      podServes(ctx, 'web-0'),
      podServes(ctx, 'web-1'),
    ],
    dns: (ctx) => {
      const cm = getObject(ctx, 'configmap/peers');
      const value = String(cm?.data?.primary ?? '').replace(/\.$/, '');
      return [
        check('primary names web-0\'s own record', value === 'web-0.nginx.default.svc.cluster.local', cm ? `expected primary to be web-0.nginx.default.svc.cluster.local, found "${value}"` : 'expected a ConfigMap named peers, found none', 'primary is web-0.nginx.default.svc.cluster.local'),
      ];
    },
  },
});
