/**
 * kubectl events: the event list sorted by time, `OBJECT` as `Kind/name`, with --for, --types and
 * --watch (staging/src/k8s.io/kubectl/pkg/cmd/events/events.go and event_printer.go).
 */
import { resolveResource } from '../../sim/apiserver/resources.ts';
import type { Stored, WatchEvent } from '../../sim/apiserver/types.ts';
import { parseTime } from '../../sim/clock.ts';
import { virtualTime } from '../../shell/time.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, parseDuration, str, strings } from '../flags.ts';
import { age } from '../format/duration.ts';
import { TabWriter } from '../format/tabwriter.ts';
import { printFormatted, parseOutputNow } from '../output.ts';

export const events: KubectlCommand = {
  name: 'events',
  short: 'List events',
  long: "Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.",
  example: `# List recent events in the default namespace
kubectl events

# List recent events in all namespaces
kubectl events --all-namespaces

# List recent events for the specified pod, then wait for more events and list them as they arrive
kubectl events --for pod/web-pod-13je7 --watch

# List recent events in YAML format
kubectl events -oyaml

# List recent only events of type 'Warning' or 'Normal'
kubectl events --types=Warning,Normal`,
  usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'all-namespaces', short: 'A', type: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'for', type: 'string', help: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringArray', help: 'Output only events of given types.' },
    { name: 'watch', short: 'w', type: 'bool', help: 'After listing the requested events, watch for more events.' },
    { name: 'no-headers', type: 'bool', help: 'When using the default output format, don\'t print headers.' },
    { name: 'chunk-size', type: 'int', default: 500, help: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
  ],
  async run(inv) {
    const p = inv.parsed;
    if (p.args.length > 0) throw new KubectlError(`unknown command "${p.args[0]}" for "kubectl events"`);
    const allNamespaces = bool(p, 'all-namespaces');
    const types = strings(p, 'types').flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t);
    for (const t of types) {
      if (!/^(normal|warning)$/i.test(t)) throw new KubectlError('valid --types are Normal or Warning');
    }
    let forKind: string | undefined;
    let forName: string | undefined;
    const forArg = str(p, 'for');
    if (forArg) {
      const slash = forArg.indexOf('/');
      if (slash === -1) throw new KubectlError('--for must be in resource/name form');
      const t = resolveResource(forArg.slice(0, slash));
      if (!t) throw new KubectlError(`the server doesn't have a resource type "${forArg.slice(0, slash)}"`);
      forKind = t.kind;
      forName = forArg.slice(slash + 1);
    }
    const matches = (e: Stored) => {
      if (!allNamespaces && e.metadata.namespace !== inv.namespace) return false;
      if (forKind && (e.involvedObject?.kind !== forKind || e.involvedObject?.name !== forName)) return false;
      if (types.length && !types.some((t) => t.toLowerCase() === String(e.type ?? '').toLowerCase())) return false;
      return true;
    };
    const list = sortEvents(inv.cluster.api.list('Event', allNamespaces ? {} : { namespace: inv.namespace }).filter(matches));
    const output = str(p, 'output');
    if (output) {
      const format = parseOutputNow(inv, output);
      printFormatted(inv, list, format, { singleItem: false });
      return 0;
    }
    const tabs = new TabWriter((s) => inv.io.out(s));
    let headersPrinted = false;
    const print = (items: readonly Stored[]) => {
      const now = inv.cluster.clock.now();
      if (!bool(p, 'no-headers') && !headersPrinted) {
        tabs.print(`${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
        headersPrinted = true;
      }
      for (const e of items) {
        const io = e.involvedObject ?? {};
        tabs.print(
          `${allNamespaces ? `${e.metadata.namespace}\t` : ''}${interval(e, now)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${io.kind ?? ''}/${io.name ?? ''}\t${String(e.message ?? '').trim()}\n`,
        );
      }
      tabs.flush();
    };
    if (list.length === 0 && !bool(p, 'watch')) {
      inv.io.err(allNamespaces ? 'No events found.\n' : `No events found in ${inv.namespace} namespace.\n`);
      return 0;
    }
    if (list.length > 0) print(list);
    if (bool(p, 'watch')) await watchEvents(inv, matches, (e) => print([e]));
    return 0;
  },
};

function interval(e: Stored, now: number): string {
  const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
  if (e.series) return `${age(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** SortableEvents: by series last-observed time, else lastTimestamp, else eventTime; stable. */
function sortEvents(list: readonly Stored[]): Stored[] {
  const when = (e: Stored) => parseTime(e.series?.lastObservedTime) ?? parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? 0;
  return list
    .map((e, i) => ({ e, i, t: when(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

async function watchEvents(inv: Invocation, matches: (e: Stored) => boolean, print: (e: Stored) => void): Promise<void> {
  const unsubscribe = inv.cluster.api.watch((ev: WatchEvent) => {
    if (ev.object.kind !== 'Event' || ev.type === 'DELETED' || !matches(ev.object)) return;
    print(ev.object);
  });
  try {
    const headless = inv.host.time === virtualTime;
    const timeoutText = str(inv.parsed, 'request-timeout');
    const requested = timeoutText && timeoutText !== '0' ? parseDuration(timeoutText) : undefined;
    const limit = requested ?? (headless ? 10 * 60_000 : 24 * 3_600_000);
    const quiet = headless && requested === undefined ? () => !inv.cluster.clock.busy() : () => false;
    await inv.host.time.waitUntil(inv.cluster, () => quiet() || Boolean(inv.io.signal?.aborted), limit, inv.io.signal);
  } finally {
    unsubscribe();
  }
}
