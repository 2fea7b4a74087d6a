import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { type Client, DisconnectedError, createClient, isDisconnectedError } from '../../src/index';
import { sampleGroupMessage, sampleHeartbeat } from '../fixtures/events';
import { createLoopTransport, type Loop, okReply } from './fixtures/loop-transport';

const heartbeat = (interval: number) => JSON.stringify({ ...sampleHeartbeat(), interval });
const groupMessage = (text: string) =>
  JSON.stringify({ ...sampleGroupMessage(), message: [{ type: 'text', data: { text } }], raw_message: text });

/** A client on an in-process transport whose every timer runs on a TestScheduler in run mode. */
function virtualClient(scheduler: TestScheduler, grace = 2): { loop: Loop; client: Client; states: string[] } {
  const loop = createLoopTransport();
  const client = createClient({
    url: 'ws://127.0.0.1:9',
    transport: loop.transport,
    scheduler,
    heartbeatGrace: grace,
    actionTimeout: 60_000,
    reconnect: { initialDelay: 100, maxDelay: 100, jitter: 0 },
  });
  const states: string[] = [];
  client.state$.subscribe((s) => states.push(`${scheduler.now()} ${s.status}`));
  return { loop, client, states };
}

/** Answers the first frame written on the newest session. */
function answerFirstWrite(loop: Loop, data: unknown): void {
  const session = loop.latest();
  session.push(okReply(session.written[0]!, data));
}

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('a silent dead socket (no close frame, no heartbeats)', () => {
  it('is declared dead after heartbeatGrace silent intervals and replaced by a new socket', async () => {
    const scheduler = newScheduler();
    const { loop, client, states } = virtualClient(scheduler);
    scheduler.run(({ flush }) => {
      client.connect();
      loop.latest().push(heartbeat(1_000));
      scheduler.schedule(() => loop.sessions[0]!.push(groupMessage('last words')), 500);
      flush();
    });
    expect(states).toEqual(['0 idle', '0 connecting', '0 open', '3000 reconnecting', '3100 open']);
    expect(loop.sessions.map((s) => [s.generation, s.live])).toEqual([
      [1, false],
      [2, true],
    ]);
    await client.close();
  });

  it('scales the detection with heartbeatGrace and the announced interval', async () => {
    const scheduler = newScheduler();
    const { loop, client, states } = virtualClient(scheduler, 3);
    scheduler.run(({ flush }) => {
      client.connect();
      loop.latest().push(heartbeat(2_000));
      flush();
    });
    expect(states).toContain('6000 reconnecting');
    await client.close();
  });

  it('fails the calls written on the dead socket at detection, not at their timeout', async () => {
    const scheduler = newScheduler();
    const { loop, client } = virtualClient(scheduler);
    const outcomes: string[] = [];
    scheduler.run(({ flush }) => {
      client.connect();
      loop.latest().push(heartbeat(1_000));
      client.api.get_status().subscribe({
        error: (e: unknown) => outcomes.push(`${scheduler.now()} ${(e as Error).name} sent=${String((e as DisconnectedError).sent)}`),
      });
      flush();
    });
    expect(outcomes).toEqual(['2000 DisconnectedError sent=true']);
    await client.close();
  });
});

describe('reconnect races: the generation rule', () => {
  it("never lets the old socket's late message, reply or close touch the new one", async () => {
    const scheduler = newScheduler();
    const { loop, client, states } = virtualClient(scheduler);
    const texts: string[] = [];
    const outcomes: string[] = [];
    const record = (label: string) => ({
      next: (v: unknown) => outcomes.push(`${label} ${JSON.stringify(v)}`),
      error: (e: unknown) => outcomes.push(`${label} ${(e as Error).name}`),
    });
    scheduler.run(({ flush }) => {
      client.groupMessages$.subscribe((m) => texts.push(m.raw_message));
      loop.latest().push(heartbeat(1_000));
      client.api.get_status().subscribe(record('old call'));
      flush();
      const [old, fresh] = loop.sessions as [Loop['sessions'][0], Loop['sessions'][0]];
      client.api.get_status().subscribe(record('new call'));
      old.push(okReply(old.written[0]!, { online: true, good: true, late: 'old reply' }));
      old.push(groupMessage('late from old'));
      old.fail(new DisconnectedError('late close of the old socket', { code: 1006 }));
      fresh.push(groupMessage('from new'));
      fresh.push(okReply(fresh.written[0]!, { online: true, good: true }));
    });
    expect(texts).toEqual(['from new']);
    expect(outcomes).toEqual(['old call DisconnectedError', 'new call {"online":true,"good":true}']);
    expect(states.slice(-2)).toEqual(['2000 reconnecting', '2100 open']);
    expect(loop.sessions.map((s) => s.written.length)).toEqual([1, 1]);
    await client.close();
  });

  it('writes a call made while reconnecting once, on the new socket only', async () => {
    const scheduler = newScheduler();
    const { loop, client } = virtualClient(scheduler);
    const outcomes: unknown[] = [];
    scheduler.run(({ flush }) => {
      client.connect();
      loop.latest().fail(new DisconnectedError('dropped', { code: 1006 }));
      client.api.get_login_info().subscribe({ next: (v) => outcomes.push(v), error: (e: unknown) => outcomes.push(e) });
      scheduler.schedule(() => answerFirstWrite(loop, { user_id: 1, nickname: 'bot' }), 500);
      flush();
    });
    expect(loop.sessions.map((s) => s.written.map((w) => (JSON.parse(w) as { action: string }).action))).toEqual([
      [],
      ['get_login_info'],
    ]);
    expect(outcomes).toEqual([{ user_id: 1, nickname: 'bot' }]);
    await client.close();
  });

  it('fails only the calls of the generation that dropped', async () => {
    const scheduler = newScheduler();
    const { loop, client } = virtualClient(scheduler);
    const failed: string[] = [];
    scheduler.run(({ flush }) => {
      client.connect();
      client.api.get_status().subscribe({ error: (e: unknown) => failed.push(`first ${String(isDisconnectedError(e))}`) });
      loop.latest().fail(new DisconnectedError('dropped', { code: 1006 }));
      flush();
      client.api.get_status().subscribe({
        next: () => failed.push('second answered'),
        error: (e: unknown) => failed.push(`second ${String(isDisconnectedError(e))}`),
      });
      loop.sessions[0]!.fail(new DisconnectedError('the first socket fails again, late', { code: 1006 }));
      scheduler.schedule(() => answerFirstWrite(loop, { online: true, good: true }), 500);
      flush();
    });
    expect(failed).toEqual(['first true', 'second answered']);
    expect(loop.latest().written).toHaveLength(1);
    await client.close();
  });
});
