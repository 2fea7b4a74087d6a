/**
 * A few read-only actions, each timed from request to reply: the dashboard's round-trip table.
 */
import { type Observable, catchError, concatMap, defer, from, map, of } from 'rxjs';
import type { Client } from 'onebot-rx';

/** One timed call: its latency and a one-line summary of the result (or of the failure). */
export interface RoundTrip {
  readonly action: string;
  readonly ms: number;
  readonly ok: boolean;
  readonly summary: string;
}

type Probe = readonly [action: string, call: (client: Client) => Observable<string>];

/** The actions the dashboard times, with how each result is summarised. */
export const PROBES: readonly Probe[] = [
  ['get_login_info', (c) => c.api.get_login_info().pipe(map((me) => `${me.nickname} (${String(me.user_id)})`))],
  ['get_version_info', (c) => c.api.get_version_info().pipe(map((v) => `${v.app_name} ${v.app_version}`))],
  ['get_group_list', (c) => c.api.get_group_list().pipe(map((groups) => `${groups.length} groups`))],
  ['get_friend_list', (c) => c.api.get_friend_list().pipe(map((friends) => `${friends.length} friends`))],
];

/** Runs `call` once, timing it with `now` (ms); a failure becomes a row, never an error. */
export function timed(action: string, call: Observable<string>, now: () => number = () => performance.now()): Observable<RoundTrip> {
  return defer(() => {
    const start = now();
    const elapsed = () => Math.round((now() - start) * 10) / 10;
    return call.pipe(
      map((summary) => ({ action, ms: elapsed(), ok: true, summary })),
      catchError((error: unknown) => of({ action, ms: elapsed(), ok: false, summary: String(error) })),
    );
  });
}

/** Every probe in turn, one row each. */
export function roundTrips(client: Client): Observable<RoundTrip> {
  return from(PROBES).pipe(concatMap(([action, call]) => timed(action, call(client))));
}
