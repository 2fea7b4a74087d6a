import { filter, firstValueFrom, lastValueFrom, map, pairwise, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  ActionTimeoutError,
  AuthError,
  ClientClosedError,
  DisconnectedError,
  createClient,
  isAuthError,
} from '../../src/index';
import { createSimulator } from '../../src/testing/index';
import { ManualClock } from '../helpers/manual-clock';
import { callArrives, connected, connectionsReach, nextValues, stateReaches } from './harness';

describe('client connection lifecycle against the simulator', () => {
  it('is idle until used, opens on the first subscriber, and goes idle after idleGrace', async () => {
    const clock = new ManualClock();
    const { sim, client } = await connected({ idleGrace: 30, scheduler: clock });
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    clock.advance(1_000);
    expect(states).toEqual(['idle']);
    expect(sim.connections).toBe(0);
    const subscription = client.events$.subscribe();
    await sim.waitForConnection();
    await stateReaches(client, 'open');
    subscription.unsubscribe();
    clock.advance(29);
    expect(states).toEqual(['idle', 'connecting', 'open']);
    expect(sim.connections).toBe(1);
    clock.advance(1);
    await stateReaches(client, 'idle');
    await connectionsReach(sim, 0);
    expect(states).toEqual(['idle', 'connecting', 'open', 'idle']);
  });

  it('sends the token as a Bearer header and fails a wrong one with AuthError, without retrying', async () => {
    const clock = new ManualClock();
    const { sim, client } = await connected({ accessToken: 'wrong', scheduler: clock }, { accessToken: 'right' });
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    const error = await firstValueFrom(client.events$).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(403);
    expect((error as Error).message).not.toContain('wrong');
    clock.advance(10_000); // every reconnect delay would have passed
    expect(states).toEqual(['idle', 'connecting', 'closed']);
    expect(sim.connections).toBe(0);
    const later = await firstValueFrom(client.api.get_status()).catch((e: unknown) => e);
    expect(isAuthError(later)).toBe(true);

    const good = createClient({ url: sim.url, accessToken: 'right' });
    expect(await firstValueFrom(good.getLoginInfo())).toMatchObject({ user_id: sim.selfId });
    await good.close();
  });

  it('answers a missing token with AuthError 401', async () => {
    const { client } = await connected({ accessToken: undefined }, { accessToken: 'right' });
    const error = await firstValueFrom(client.events$).catch((e: unknown) => e);
    expect((error as AuthError).status).toBe(401);
  });

  it('reconnects after a drop: subscribers keep receiving events and nothing is re-sent', async () => {
    const { sim, client } = await connected();
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    const received = nextValues(client.groupMessages$, 2);
    const reopened = firstValueFrom(
      client.state$.pipe(
        map((s) => s.status),
        pairwise(),
        filter(([from, to]) => from === 'reconnecting' && to === 'open'),
      ),
    );
    await sim.waitForConnection();
    await sim.emit(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'before' }));
    await sim.drop({ abrupt: true });
    await reopened;
    await sim.waitForConnection();
    await sim.emit(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'after' }));
    expect((await received).map((m) => m.raw_message)).toEqual(['before', 'after']);
    expect(states).toEqual(['idle', 'connecting', 'open', 'reconnecting', 'open']);
    // A call now goes out after anything the reconnect could have re-sent on this socket: it must be the first.
    await firstValueFrom(client.api.get_status());
    const calls = await firstValueFrom(sim.calls$.pipe(take(1), toArray()));
    expect(calls.map((c) => c.action)).toEqual(['get_status']);
  });

  it('fails a pending call at once with DisconnectedError { sent: true } when the server drops mid-action', async () => {
    // Virtual time stands still: the call can only fail because of the drop, never its timeout.
    const clock = new ManualClock();
    const { sim, client } = await connected({ actionTimeout: 10_000, scheduler: clock });
    client.connect();
    await sim.waitForConnection();
    sim.delayReplies(60_000);
    const pending = firstValueFrom(client.api.get_login_info()).catch((e: unknown) => e);
    await callArrives(sim, 'get_login_info');
    await sim.drop();
    const error = (await pending) as DisconnectedError;
    expect(error).toBeInstanceOf(DisconnectedError);
    expect([error.sent, error.action]).toEqual([true, 'get_login_info']);
    sim.delayReplies(0);
    clock.advance(50); // the reconnect delay
    await sim.waitForConnection();
    expect(await firstValueFrom(client.api.get_login_info())).toMatchObject({ user_id: sim.selfId });
    const sent = await lastValueFrom(sim.calls$.pipe(take(2), toArray()));
    expect(sent.map((c) => c.action)).toEqual(['get_login_info', 'get_login_info']);
  });

  it('times out a call the server never answers, saying it was sent', async () => {
    const clock = new ManualClock();
    const { sim, client } = await connected({ scheduler: clock });
    sim.delayReplies(60_000);
    const failed = firstValueFrom(client.api.get_status(undefined, { timeout: 50 })).catch((e: unknown) => e);
    await callArrives(sim, 'get_status');
    clock.advance(50);
    const error = await failed;
    expect(error).toBeInstanceOf(ActionTimeoutError);
    expect((error as ActionTimeoutError).sent).toBe(true);
  });

  it('replaces a socket whose heartbeats stop', async () => {
    const clock = new ManualClock(); // the watchdog fires when the test says the heartbeats are overdue
    const { sim, client } = await connected({ heartbeatGrace: 2, scheduler: clock }, { heartbeatInterval: 1_000 });
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    client.connect();
    await firstValueFrom(client.on('meta_event.heartbeat'));
    sim.stopHeartbeats();
    clock.advance(1_999);
    expect(states).toEqual(['idle', 'connecting', 'open']);
    clock.advance(1);
    await stateReaches(client, 'reconnecting');
    sim.resumeHeartbeats();
    clock.advance(50); // the reconnect delay
    await stateReaches(client, 'open');
    expect(states).toEqual(['idle', 'connecting', 'open', 'reconnecting', 'open']);
  });

  it('fails terminally after maxAttempts with the attempt count', async () => {
    const sim = await createSimulator();
    const url = sim.url;
    await sim.close();
    const client = createClient({ url, reconnect: { initialDelay: 5, maxDelay: 5, maxAttempts: 2, jitter: 0 } });
    const error = (await firstValueFrom(client.events$).catch((e: unknown) => e)) as DisconnectedError;
    expect(error).toBeInstanceOf(DisconnectedError);
    expect(error.message).toContain('gave up after 2');
    expect(error.attempts).toBe(2);
    expect((await firstValueFrom(client.state$)).status).toBe('closed');
    await client.close();
  });

  it('completes the streams on close(), fails pending calls, and refuses later use', async () => {
    const { sim, client } = await connected();
    const events = lastValueFrom(client.events$.pipe(toArray()));
    await sim.waitForConnection();
    sim.delayReplies(60_000);
    const pending = firstValueFrom(client.api.get_status()).catch((e: unknown) => e);
    await callArrives(sim, 'get_status');
    await client.close();
    expect(Array.isArray(await events)).toBe(true);
    expect(await pending).toBeInstanceOf(ClientClosedError);
    const later = await firstValueFrom(client.groupMessages$).catch((e: unknown) => e);
    expect(later).toBeInstanceOf(ClientClosedError);
    await connectionsReach(sim, 0);
  });

  it('detects the backend from get_version_info and refuses actions it lacks', async () => {
    const { client } = await connected();
    const backends = nextValues(client.backend$, 2);
    const version = await firstValueFrom(client.getVersionInfo());
    expect(version).toMatchObject({ app_name: expect.stringContaining('NapCat') });
    expect(await backends).toEqual(['unknown', 'napcat']);
    expect(client.supports('delete_unidirectional_friend')).toBe(false);
    expect(client.supports('send_group_msg')).toBe(true);
  });
});
