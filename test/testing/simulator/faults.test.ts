import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulator, type Simulator } from '../../../src/testing/simulator';
import { connect, type TestClient } from './ws-client';

let sim: Simulator;
let client: TestClient;

beforeEach(async () => {
  sim = await createSimulator({ catalogue: {}, heartbeatInterval: 30 });
  client = await connect(sim.url);
});

afterEach(async () => {
  vi.useRealTimers();
  await client.close();
  await sim.close();
});

const replies = () => client.frames.filter((f) => 'retcode' in f).map((f) => f['echo']);
const send = (echo: string) => client.sendText(JSON.stringify({ action: 'get_status', params: {}, echo }));

/** Resolves once the simulator has received `n` calls (`calls$` replays). */
const callsArrived = (n: number) => firstValueFrom(sim.calls$.pipe(take(n), toArray()));

let markers = 0;
/** Resolves once the client has read every frame the simulator wrote before this call (a marker behind them). */
async function drained(): Promise<void> {
  const marker = ++markers;
  await sim.sendRaw(JSON.stringify({ marker }));
  await client.next((f) => f['marker'] === marker);
}

describe('fault injection', () => {
  it('drop sends a close frame with code 1001 by default', async () => {
    await sim.drop();
    expect(await client.closed).toBe(1001);
    expect(sim.connections).toBe(0);
  });

  it('drop({ abrupt: true }) destroys the socket without a close frame (1006 on the client)', async () => {
    await sim.drop({ abrupt: true });
    expect(await client.closed).toBe(1006);
  });

  it('delayReplies holds every reply for the given time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // the reply delay runs on the fake clock
    sim.delayReplies(150);
    const slow = client.call('get_status', {}, 'slow');
    await callsArrived(1);
    await drained(); // a round trip: the handler has queued the delayed reply by now
    vi.advanceTimersByTime(149);
    await drained();
    expect(replies()).toStrictEqual([]);
    vi.advanceTimersByTime(1);
    expect((await slow)['echo']).toBe('slow');
    sim.delayReplies(0);
    expect((await client.call('get_status', {}, 'fast'))['echo']).toBe('fast'); // the clock stood still
  });

  it('reorderReplies(n) releases n replies newest first', async () => {
    sim.reorderReplies(3);
    send('1');
    send('2');
    await callsArrived(2);
    await drained();
    expect(replies()).toStrictEqual([]);
    send('3');
    await client.next((f) => f['echo'] === '1');
    expect(replies()).toStrictEqual(['3', '2', '1']);
  });

  it('reorderReplies(0) releases the held replies and restores order', async () => {
    sim.reorderReplies(5);
    send('a');
    await callsArrived(1);
    sim.reorderReplies(0);
    await client.next((f) => f['echo'] === 'a');
    send('b');
    await client.next((f) => f['echo'] === 'b');
    expect(replies()).toStrictEqual(['a', 'b']);
  });

  it('sendRaw writes the text as is', async () => {
    await sim.sendRaw('{"weird":true}');
    expect(await client.next((f) => f['weird'] === true)).toStrictEqual({ weird: true });
  });

  it('stopHeartbeats stops them and resumeHeartbeats brings them back', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const timed = await createSimulator({ catalogue: {}, heartbeatInterval: 30 });
    const listener = await connect(timed.url);
    try {
      const beats = () => listener.frames.filter((f) => f['meta_event_type'] === 'heartbeat').length;
      vi.advanceTimersByTime(30);
      await listener.next((f) => f['meta_event_type'] === 'heartbeat');
      timed.stopHeartbeats();
      vi.advanceTimersByTime(10 * 30);
      await timed.sendRaw('{"marker":"stopped"}');
      await listener.next((f) => f['marker'] === 'stopped');
      expect(beats()).toBe(1);
      timed.resumeHeartbeats();
      vi.advanceTimersByTime(30);
      const count = listener.frames.length;
      await listener.next((f) => f['meta_event_type'] === 'heartbeat', undefined, count - 1);
      expect(beats()).toBe(2);
    } finally {
      await listener.close();
      await timed.close();
    }
  });

  it('emit rejects when no client is connected and resolves once written', async () => {
    await sim.emit(sim.events.friendAdd({ user_id: 1 }));
    expect(await client.next((f) => f['notice_type'] === 'friend_add')).toMatchObject({ user_id: 1 });
    await sim.drop();
    await expect(sim.emit(sim.events.friendAdd({ user_id: 2 }))).rejects.toThrow(/no client/);
  });

  it('chat emits the scripted lines in order as group and private messages', async () => {
    const events = await sim.chat([
      { group_id: 300001, user_id: 20001, message: 'hello' },
      { user_id: 20002, message: 'psst', delay: 20 },
    ]);
    expect(events).toHaveLength(2);
    const group = await client.next((f) => f['message_type'] === 'group');
    const priv = await client.next((f) => f['message_type'] === 'private');
    expect(group).toMatchObject({ post_type: 'message', group_id: 300001, user_id: 20001, raw_message: 'hello', sub_type: 'normal' });
    expect(priv).toMatchObject({ post_type: 'message', user_id: 20002, raw_message: 'psst', sub_type: 'friend' });
    expect(client.frames.indexOf(group)).toBeLessThan(client.frames.indexOf(priv));
  });
});

describe('close', () => {
  it('closes clients, frees the port and leaves no timer running', async () => {
    // Fake timers count the timers made from here on, not every Timeout of the worker process (shared by the
    // files it runs, isolate: false).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const other = await createSimulator({ catalogue: {}, heartbeatInterval: 10 });
    const c = await connect(other.url);
    other.delayReplies(10_000);
    c.sendText(JSON.stringify({ action: 'get_status', echo: 'never' }));
    await firstValueFrom(other.calls$);
    await other.sendRaw('{"marker":"queued"}'); // read after the delayed reply was queued
    await c.next((f) => f['marker'] === 'queued');
    vi.advanceTimersByTime(10);
    await c.next((f) => f['meta_event_type'] === 'heartbeat');
    expect(vi.getTimerCount()).toBe(2); // the heartbeat and the delayed reply
    await other.close();
    expect(await c.closed).toBe(1006);
    await expect(connect(other.url)).rejects.toThrow();
    expect(vi.getTimerCount()).toBe(0);
    await expect(other.close()).resolves.toBeUndefined();
  });

  it('stops heartbeats for good, also with a webhook target still listed when its sockets close', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }); // counts the heartbeat timers made from here on
    const other = await createSimulator({ catalogue: {}, heartbeatInterval: 10 });
    const c = await connect(other.url);
    other.postEventsTo({ url: 'http://127.0.0.1:1/' }); // never posted to: no event is emitted
    expect(vi.getTimerCount()).toBe(1);
    await other.close();
    expect(await c.closed).toBe(1006);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops a reply still being made when it closes: nothing is written and no timer is left', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // counts the timers made from here on only
    const other = await createSimulator({ catalogue: {}, heartbeatInterval: 0 });
    const c = await connect(other.url);
    other.delayReplies(10_000);
    c.sendText(JSON.stringify({ action: 'get_status', echo: 'late' }));
    // The call is recorded before its answer is made: closing now, the reply comes after close() began.
    await firstValueFrom(other.calls$);
    await other.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(await c.closed).toBe(1006);
    expect(c.frames.filter((f) => 'retcode' in f)).toStrictEqual([]);
  });
});
