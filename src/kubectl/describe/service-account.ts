/** `kubectl describe serviceaccount`: describe.go describeServiceAccount (secret lists by header). */
import { describeEvents, eventsFor } from './events.ts';
import { annotationsMultiline, labelsMultiline } from './meta.ts';
import type { Describer } from './types.ts';
import { DescribeWriter } from './writer.ts';

const EMPTY = '                   ';

export const serviceAccountDescriber: Describer = {
  kind: 'ServiceAccount',
  describe(obj, { cluster, now, showEvents }) {
    const w = new DescribeWriter();
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
    labelsMultiline(w, 'Labels', obj.metadata.labels);
    annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    const secrets = cluster.api.list('Secret', { namespace: obj.metadata.namespace });
    const tokens = secrets.filter(
      (s) => s.type === 'kubernetes.io/service-account-token' && s.metadata.annotations?.['kubernetes.io/service-account.name'] === obj.metadata.name,
    );
    const exists = new Set(secrets.map((s) => s.metadata.name));
    const sections: [string, string[]][] = [
      ['Image pull secrets:', ((obj.imagePullSecrets ?? []) as { name: string }[]).map((s) => s.name)],
      ['Mountable secrets: ', ((obj.secrets ?? []) as { name: string }[]).map((s) => s.name)],
      ['Tokens:            ', tokens.map((s) => s.metadata.name!)],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(0, `${header}\t<none>\n`);
        continue;
      }
      names.forEach((name, i) => w.write(0, `${i === 0 ? header : EMPTY}\t${name}${exists.has(name) ? '' : ' (not found)'}\n`));
    }
    if (showEvents) describeEvents(w, eventsFor(cluster, obj), now);
    return w.toString();
  },
};
