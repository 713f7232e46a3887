/**
 * Readiness and liveness probes, fixed through the Deployment's template.
 */
import { check, defineGrader, expectPods, getObject, podsOf } from './lib/index.ts';

export default defineGrader({
  tasks: {
    readiness: (ctx) => {
      const probe = getObject(ctx, 'deployment/shop')?.spec?.template?.spec?.containers?.[0]?.readinessProbe;
      return [
        check('readiness probe kept', Boolean(probe?.httpGet), 'expected the web container to keep an HTTP readiness probe, found none', 'the readiness probe is still there'),
        check('probe asks for /', probe?.httpGet?.path === '/' && (probe?.httpGet?.port === 80 || probe?.httpGet?.port === '80'), `expected the probe to GET / on port 80, found ${probe?.httpGet ? `${probe.httpGet.path} on port ${probe.httpGet.port}` : 'no HTTP probe'}`, 'the probe GETs / on port 80'),
        expectPods(ctx, { selector: 'app=shop' }).toBeRunningAndReady(2),
      ];
    },
    liveness: (ctx) => {
      const c = getObject(ctx, 'deployment/shop')?.spec?.template?.spec?.containers?.[0];
      const probe = c?.livenessProbe;
      const restarts = podsOf(ctx, { selector: 'app=shop' }).reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m: number, s: { restartCount: number }) => m + s.restartCount, 0), 0);
      return [
        check('TCP liveness probe on port 80', probe?.tcpSocket?.port === 80 || probe?.tcpSocket?.port === '80', `expected a tcpSocket liveness probe on port 80, found ${probe ? JSON.stringify(probe) : 'none'}`, 'the liveness probe connects to port 80'),
        check('every 10 s after 5 s', probe?.periodSeconds === 10 && probe?.initialDelaySeconds === 5, `expected periodSeconds 10 and initialDelaySeconds 5, found ${probe?.periodSeconds ?? 'unset'} and ${probe?.initialDelaySeconds ?? 'unset'}`, 'it probes every 10 s, starting after 5 s'),
        expectPods(ctx, { selector: 'app=shop' }).toBeRunningAndReady(2),
        check('pods not restarting', restarts === 0, `expected no container restarts, found ${restarts}`, 'no container restarted'),
      ];
    },
  },
});
