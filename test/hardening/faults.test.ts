import { concatMap, exhaustMap, filter, firstValueFrom, from, lastValueFrom, map, mergeMap, take, tap, timer, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  ActionTimeoutError,
  dedupeEvents,
  ProtocolError,
  isActionFailedError,
  isProtocolError,
  textOf,
} from '../../src/index';
import type { Logger } from '../../src/logger';
import { callArrives, connected, drained, nextValues, stateReaches } from '../client/harness';
import { ManualClock } from '../helpers/manual-clock';

/** A logger that keeps every line, by level. */
function capturingLogger(): Logger & { lines: Array<[level: string, text: string]> } {
  const lines: Array<[string, string]> = [];
  const at = (level: string) => (...args: unknown[]) => lines.push([level, args.map(String).join(' ')]);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const GROUP = 300001;
const USER = 20001;

describe('a silent dead socket against the simulator', () => {
  it('is closed and replaced; the server keeps one connection and events flow once on the new one', async () => {
    // The watchdog runs on virtual time: it fires when the test says the heartbeats are overdue, never
    // because a busy machine delivered a real heartbeat late.
    const clock = new ManualClock();
    const { sim, client } = await connected({ heartbeatGrace: 2, scheduler: clock }, { heartbeatInterval: 1_000 });
    const texts: string[] = [];
    client.groupMessages$.subscribe((m) => texts.push(textOf(m)));
    await firstValueFrom(client.on('meta_event.heartbeat'));
    const connections = firstValueFrom(sim.connections$.pipe(toArray()));
    // 1 now, then the old socket's close and the new socket's open, in either order.
    const replaced = firstValueFrom(sim.connections$.pipe(take(3), toArray()));
    sim.stopHeartbeats();
    clock.advance(1_999);
    expect((await firstValueFrom(client.state$)).status).toBe('open');
    clock.advance(1);
    await stateReaches(client, 'reconnecting');
    sim.resumeHeartbeats();
    clock.advance(50); // the reconnect delay
    await stateReaches(client, 'open');
    expect((await replaced).at(-1)).toBe(1);
    await sim.emit(sim.events.groupMessage({ group_id: GROUP, user_id: USER, message: 'after' }));
    await drained(sim, client);
    expect(texts).toEqual(['after']);
    expect(sim.connections).toBe(1);
    await sim.close();
    expect(await connections).toContain(0);
  });
});

describe('timeouts on sends that succeed late', () => {
  it('drops the late reply at debug level, says the outcome is unknown, and reports nothing on errors$', async () => {
    const logger = capturingLogger();
    const clock = new ManualClock();
    const { sim, client } = await connected({ logger, scheduler: clock });
    const errors: unknown[] = [];
    client.errors$.subscribe((e) => errors.push(e));
    client.connect();
    await sim.waitForConnection();
    sim.reorderReplies(2); // holds the reply (a window of 2 that only one call fills)
    const failed = firstValueFrom(client.api.get_status(undefined, { timeout: 10 })).catch((e: unknown) => e);
    await callArrives(sim, 'get_status');
    clock.advance(10);
    const error = await failed;
    expect(error).toBeInstanceOf(ActionTimeoutError);
    expect((error as ActionTimeoutError).sent).toBe(true);
    expect((error as Error).message).toContain('outcome is unknown');
    sim.reorderReplies(0); // the late reply goes out, then the next call's reply behind it on the same socket
    expect(await firstValueFrom(client.api.get_status())).toMatchObject({ online: true });
    const late = logger.lines.filter(([, text]) => text.includes('late reply'));
    expect(late.map(([level]) => level)).toEqual(['debug']);
    expect(errors).toEqual([]);
  });
});

describe('replies with a missing, empty, foreign or unknown echo', () => {
  it.each([
    ['an empty echo', { echo: '' }],
    ['a null echo', { echo: null }],
    ['no echo', {}],
    ['a numeric echo', { echo: 7 }],
    ['an object echo', { echo: { id: 1 } }],
    ['an echo this client never sent', { echo: 'someone-else:1' }],
  ])('reports a failed reply with %s as a ProtocolError, and pending calls still complete', async (_, echo) => {
    const { sim, client } = await connected();
    const errors = nextValues(client.errors$, 1);
    client.connect();
    await sim.waitForConnection();
    sim.reorderReplies(2); // holds the real reply until the stray one has been handled
    const pending = firstValueFrom(client.api.get_login_info());
    await callArrives(sim, 'get_login_info');
    await sim.sendRaw(JSON.stringify({ status: 'failed', retcode: 1400, data: null, message: 'bad', wording: 'bad', ...echo }));
    const [error] = await errors;
    expect(isProtocolError(error)).toBe(true);
    expect((error as ProtocolError).raw).toContain('"retcode":1400');
    sim.reorderReplies(0);
    expect(await pending).toMatchObject({ user_id: sim.selfId });
  });

  it('drops a reply for one of its own echoes that is no longer pending at debug level', async () => {
    const logger = capturingLogger();
    const { sim, client } = await connected({ logger });
    const errors: unknown[] = [];
    client.errors$.subscribe((e) => errors.push(e));
    await firstValueFrom(client.getLoginInfo());
    const [first] = await firstValueFrom(sim.calls$.pipe(take(1), toArray()));
    const ownUnknown = `${String(first!.echo).split(':')[0]}:999999`;
    await sim.sendRaw(JSON.stringify({ status: 'ok', retcode: 0, data: null, echo: ownUnknown }));
    await firstValueFrom(client.getLoginInfo()); // its reply comes behind the stray one
    expect(errors).toEqual([]);
    expect(logger.lines.some(([level, text]) => level === 'debug' && text.includes(ownUnknown))).toBe(true);
  });
});

describe('out-of-order replies and concurrency', () => {
  it('routes 10,000 concurrent calls answered in reverse order each to its own caller', async () => {
    const { sim, client } = await connected({ actionTimeout: 60_000 });
    client.connect();
    await sim.waitForConnection();
    const N = 10_000;
    sim.reorderReplies(N);
    const ids = Array.from({ length: N }, (_, i) => 1_000_000 + i);
    const results = await lastValueFrom(
      from(ids).pipe(
        mergeMap((user_id) => client.api.get_stranger_info({ user_id }).pipe(map((info) => [user_id, info.user_id]))),
        toArray(),
      ),
    );
    expect(results).toHaveLength(N);
    expect(results.every(([asked, got]) => asked === got)).toBe(true);
    expect(results[0]![0]).toBe(ids[N - 1]);
    const echoes = await firstValueFrom(sim.calls$.pipe(take(N), map((c) => c.echo), toArray()));
    expect(new Set(echoes).size).toBe(N);
  }, 60_000);

  it('keeps failures and successes apart when they come back out of order', async () => {
    const { sim, client } = await connected();
    client.connect();
    await sim.waitForConnection();
    sim.reorderReplies(3);
    const outcomes = await Promise.all([
      firstValueFrom(client.api.get_group_info({ group_id: GROUP })).then((g) => `ok ${String(g.group_id)}`),
      firstValueFrom(client.api.get_group_info({ group_id: 999 })).catch((e: unknown) => `failed ${String(isActionFailedError(e))}`),
      firstValueFrom(client.api.get_login_info()).then((l) => `ok ${String(l.user_id)}`),
    ]);
    expect(outcomes).toEqual([`ok ${GROUP}`, 'failed true', `ok ${sim.selfId}`]);
  });
});

describe('oversized frames', () => {
  it('enforces maxPayload with a ProtocolError (1009) on errors$, reconnects, and the streams go on', async () => {
    const { sim, client } = await connected({ maxPayload: 4_096 });
    const errors = nextValues(client.errors$, 1);
    const texts = nextValues(client.groupMessages$.pipe(map(textOf)), 2);
    await sim.waitForConnection();
    await sim.emit(sim.events.groupMessage({ group_id: GROUP, user_id: USER, message: 'small' }));
    await sim.emit(sim.events.groupMessage({ group_id: GROUP, user_id: USER, message: 'x'.repeat(8_192) })).catch(() => undefined);
    const [error] = await errors;
    expect(isProtocolError(error)).toBe(true);
    expect((error as ProtocolError).code).toBe(1009);
    await stateReaches(client, 'reconnecting');
    await stateReaches(client, 'open');
    await sim.waitForConnection();
    await sim.emit(sim.events.groupMessage({ group_id: GROUP, user_id: USER, message: 'still here' }));
    expect(await texts).toEqual(['small', 'still here']);
  });

  it('delivers a 10 MB event whole, and the events around it on the other streams', async () => {
    const { sim, client } = await connected();
    const big = 'y'.repeat(10 * 1024 * 1024);
    const groups = nextValues(client.groupMessages$.pipe(map((m) => textOf(m).length)), 1);
    const privates = nextValues(client.privateMessages$.pipe(map(textOf)), 2);
    const notices = nextValues(client.notices$.pipe(map((n) => n.notice_type)), 1);
    await sim.waitForConnection();
    await sim.emit(sim.events.privateMessage({ user_id: USER, message: 'before' }));
    await sim.emit(sim.events.groupMessage({ group_id: GROUP, user_id: USER, message: big }));
    await sim.emit(sim.events.privateMessage({ user_id: USER, message: 'after' }));
    await sim.emit(sim.events.friendAdd({ user_id: 20009 }));
    expect(await groups).toEqual([big.length]);
    expect(await privates).toEqual(['before', 'after']);
    expect(await notices).toEqual(['friend_add']);
  }, 30_000);
});

describe('slow subscribers (delivery is synchronous, the SDK keeps no queue)', () => {
  const burst = (sim: Awaited<ReturnType<typeof connected>>['sim'], n: number) =>
    Array.from({ length: n }, (_, i) => sim.emit(sim.events.groupMessage({ group_id: GROUP, user_id: USER, message: `m${i}` })));

  it('hands each event to every subscriber before the next event', async () => {
    const { sim, client } = await connected();
    const log: string[] = [];
    client.groupMessages$.subscribe((m) => log.push(`a ${textOf(m)}`));
    client.groupMessages$.subscribe((m) => log.push(`b ${textOf(m)}`));
    await sim.waitForConnection();
    await Promise.all(burst(sim, 3));
    await drained(sim, client);
    expect(log).toEqual(['a m0', 'b m0', 'a m1', 'b m1', 'a m2', 'b m2']);
  });

  it('lets a slow concatMap consumer queue its own backlog while a fast subscriber has everything', async () => {
    const { sim, client } = await connected();
    const clock = new ManualClock();
    const fast: string[] = [];
    const slow: string[] = [];
    client.groupMessages$.subscribe((m) => fast.push(textOf(m)));
    const slowDone = lastValueFrom(
      client.groupMessages$.pipe(
        take(5),
        concatMap((m) => timer(40, clock).pipe(map(() => textOf(m)))),
        tap((text) => slow.push(text)),
        toArray(),
      ),
    );
    await sim.waitForConnection();
    await Promise.all(burst(sim, 5));
    await drained(sim, client);
    expect(fast).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(slow).toEqual([]);
    clock.advance(40);
    expect(slow).toEqual(['m0']);
    clock.advance(4 * 40);
    expect(await slowDone).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('lets an exhaustMap consumer drop what arrives while it is busy, without touching the others', async () => {
    const { sim, client } = await connected();
    const clock = new ManualClock();
    const fast = nextValues(client.groupMessages$.pipe(map(textOf)), 5);
    const handled: string[] = [];
    client.groupMessages$
      .pipe(
        filter((m) => textOf(m).startsWith('m')),
        exhaustMap((m) => timer(100, clock).pipe(map(() => handled.push(textOf(m))))),
      )
      .subscribe();
    await sim.waitForConnection();
    await Promise.all(burst(sim, 5));
    expect(await fast).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(handled).toEqual([]);
    clock.advance(1_000);
    expect(handled).toEqual(['m0']);
  });
});

describe('duplicate events', () => {
  it('dedupeEvents removes a message delivered twice, also when it comes again after a reconnect', async () => {
    const { sim, client } = await connected();
    const texts: string[] = [];
    client.groupMessages$.pipe(dedupeEvents()).subscribe((m) => texts.push(textOf(m)));
    await sim.waitForConnection();
    const once = sim.events.groupMessage({ group_id: GROUP, user_id: USER, message: 'once' });
    await sim.emit(once);
    await sim.emit(once);
    await sim.drop({ abrupt: true });
    await stateReaches(client, 'open');
    await sim.waitForConnection();
    await sim.emit(once);
    await sim.emit(sim.events.groupMessage({ group_id: GROUP, user_id: USER, message: 'next' }));
    await drained(sim, client);
    expect(texts).toEqual(['once', 'next']);
  });
});
