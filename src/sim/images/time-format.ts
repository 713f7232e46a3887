/** Timestamps as programs inside containers print them. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** nginx error-log time: `2026/01/05 09:00:03`. */
export function nginxTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** nginx access-log time: `05/Jan/2026:09:00:03 +0000`. */
export function accessLogTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** `date` in BusyBox and coreutils with TZ unset: `Mon Jan  5 09:00:03 UTC 2026`. */
export function dateOutput(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** RFC 3339 with nanoseconds, as `kubectl logs --timestamps` prefixes lines. */
export function rfc3339Nano(ms: number): string {
  const d = new Date(ms);
  const base = d.toISOString().slice(0, 19);
  return `${base}.${pad(d.getUTCMilliseconds(), 3)}000000Z`;
}
