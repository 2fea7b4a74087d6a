import { filter, firstValueFrom, lastValueFrom, merge, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { isActionFailedError } from '../../src/errors';
import { createWorker, type WorkerClient } from '../../src/redis';
import type { ActionCall, Simulator } from '../../src/testing';
import { partitionOf } from '../../src/redis/partition';
import { hasRedisServer } from '../helpers/redis-server';
import { until } from './cluster-harness';
import { redisSuite } from './redis-suite';

/** The calls the simulator has received so far (its `calls$` replays them synchronously). */
function callsSoFar(sim: Simulator): ActionCall[] {
  const calls: ActionCall[] = [];
  sim.calls$.subscribe((c) => calls.push(c)).unsubscribe();
  return calls;
}

const GROUPS = [{ group_id: 501, group_name: 'a' }, { group_id: 502, group_name: 'b' }];

describe.runIf(hasRedisServer || process.env.CI)('gateway and worker in one process (real redis-server)', () => {
  const suite = redisSuite();

  /** The simulator (the two groups), its client and a gateway on prefix `prefix`, started and closed by the suite. */
  const serve = (prefix: string, partitions: number) => suite.serve({ prefix, partitions, statsInterval: 50 }, { groups: GROUPS });

  /** {@link serve} with four partitions and one worker, connected. */
  const setUp = async (prefix: string) => {
    const { sim, gateway } = await serve(prefix, 4);
    const worker = suite.track(createWorker({ redis: suite.server().url, prefix, group: 'bots', consumer: 'w1', partitions: 4, leaseTtl: 2_000, blockMs: 100, statsInterval: 50 }));
    await sim.waitForConnection();
    return { sim, gateway, worker };
  };

  it('delivers events, executes the handling’s actions once through the gateway, and acks the entries', async () => {
    const { sim, gateway, worker } = await setUp('e2e1');
    const seen: string[] = [];
    worker.handle('message.group', (m, ctx) => {
      seen.push(String(m.raw_message));
      return ctx.sendGroupMessage(m.group_id, `re ${m.raw_message}`);
    });
    const replies = lastValueFrom(sim.calls$.pipe(filter((c) => c.action === 'send_group_msg'), take(6), toArray()));
    for (let i = 0; i < 6; i++) await sim.emit(sim.events.groupMessage({ group_id: GROUPS[i % 2]!.group_id, user_id: 7, message: `m${i}` }));
    const calls = await replies;
    expect(calls.map((c) => (c.params.message as { data: { text: string } }[])[0]!.data.text).sort()).toEqual(['re m0', 're m1', 're m2', 're m3', 're m4', 're m5']);
    expect(seen.filter((t) => t.endsWith('m0') || t.endsWith('m2') || t.endsWith('m4'))).toEqual(['m0', 'm2', 'm4']);
    const stats = await firstValueFrom(gateway.stats$.pipe(filter((s) => s.acked >= 6 && Object.values(s.lag).every((n) => n === 0))));
    expect(stats.published).toBeGreaterThanOrEqual(6);
  });

  it('queues everything it reads ahead for one busy conversation: nothing is dropped and acked unhandled', async () => {
    const { sim, gateway, worker } = await setUp('e2e4');
    const total = 250; // beyond `handle`'s usual maxQueued (100) for one conversation
    const seen: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    worker.handle('message.group', async (m) => {
      seen.push(String(m.raw_message));
      await gate; // the first handling holds the conversation while the rest is read ahead
    });
    for (let i = 0; i < total; i++) await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: `q${i}` }));
    // Entries: the messages and the connection's lifecycle event (counted, or the last message may still be on its way).
    await firstValueFrom(worker.stats$.pipe(filter((s) => s.delivered >= total + 1)));
    open();
    await firstValueFrom(gateway.stats$.pipe(filter((s) => s.acked >= total + 1)));
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => `q${i}`));
  });

  it('answers outside a handling through the only account, and a failed action fails the call', async () => {
    const { sim, gateway, worker } = await setUp('e2e2');
    await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: 'hello' })); // the gateway learns the account
    await firstValueFrom(gateway.stats$.pipe(filter((s) => s.published >= 1)));
    const info = (await firstValueFrom(worker.api.get_login_info({}))) as { user_id: number };
    expect(info.user_id).toBe(sim.selfId);
    const failure = await firstValueFrom(worker.sendGroupMessage(999_999, 'x')).catch((e: unknown) => e);
    expect(isActionFailedError(failure)).toBe(true);
  });

  it('sends a repeated idempotency key once and answers both calls with the first outcome', async () => {
    const { sim, gateway, worker } = await setUp('e2e3');
    await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: 'hello' }));
    await firstValueFrom(gateway.stats$.pipe(filter((s) => s.published >= 1)));
    const call = () => firstValueFrom(worker.callApi('send_group_msg', { group_id: 501, message: 'once' }, { idempotencyKey: 'fixed:0' }));
    const [a, b] = await Promise.all([call(), call()]);
    const c = await call();
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    const stats = await firstValueFrom(gateway.stats$.pipe(filter((s) => s.duplicatesSuppressed >= 2)));
    expect(stats.duplicatesSuppressed).toBe(2);
    expect(callsSoFar(sim).filter((x) => x.action === 'send_group_msg')).toHaveLength(1);
  });
  it('queues acks again when their pipeline is cut by a lost connection: no entry stays pending, acked counts each once', async () => {
    const { sim, gateway } = await serve('e2e-abort', 4);
    const own = suite.server().client();
    const pipeline = own.pipeline.bind(own);
    let cut = 0;
    // The first pipeline of acks is answered as ioredis answers one cut by a lost connection: every command aborted, none applied.
    own.pipeline = ((...args: Parameters<typeof own.pipeline>) => {
      const p = pipeline(...args);
      let acking = false;
      const xack = p.xack.bind(p);
      p.xack = ((...a: Parameters<typeof p.xack>) => {
        acking = true;
        return xack(...a);
      }) as typeof p.xack;
      const exec = p.exec.bind(p);
      p.exec = (async (...a: Parameters<typeof p.exec>) => {
        if (!acking || cut > 0) return exec(...a);
        cut++;
        return Array.from({ length: p.length }, () => [Object.assign(new Error('Command aborted due to connection close'), { name: 'AbortError' }), null]);
      }) as typeof p.exec;
      return p;
    }) as typeof own.pipeline;
    const worker = suite.track(createWorker({ redis: own, prefix: 'e2e-abort', group: 'bots', consumer: 'w1', partitions: 4, leaseTtl: 2_000, blockMs: 100, statsInterval: 50 }));
    await sim.waitForConnection();
    let handled = 0;
    worker.handle('message.group', () => {
      handled++;
    });
    for (let i = 0; i < 20; i++) await sim.emit(sim.events.groupMessage({ group_id: GROUPS[i % 2]!.group_id, user_id: 7, message: `a${i}` }));
    const stats = await firstValueFrom(gateway.stats$.pipe(filter((s) => s.acked >= 21 && Object.values(s.lag).every((n) => n === 0))));
    expect(cut).toBe(1);
    expect(stats.acked).toBe(stats.published); // the 20 messages and the connection's lifecycle event, each counted once
    expect(handled).toBe(20);
    await worker.close();
    own.disconnect();
  });

  it('a worker giving a partition up waits for its in-flight handling, acks it, then releases: the next owner never handles it again', async () => {
    const prefix = 'e2e-drain';
    const { sim } = await serve(prefix, 2);
    await sim.waitForConnection();
    // A group on partition 1: w1 owns both partitions alone, and gives partition 1 to w2 (members sorted by name).
    let group = 501;
    while (partitionOf({ self_id: sim.selfId, group_id: group }, 2) !== 1) group++;
    const handled: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const started: WorkerClient[] = [];
    /** The started workers' stats$ reports: each wakes a wait below to check again. */
    const reports = () => merge(...started.map((w) => w.stats$));
    const start = (consumer: string) => {
      const w = suite.track(createWorker({ redis: suite.server().url, prefix, group: 'bots', consumer, partitions: 2, leaseTtl: 900, blockMs: 50, drainTimeout: 30_000, statsInterval: 50 }));
      started.push(w);
      w.handle('message.group', async (m) => {
        handled.push(`${consumer}:${String(m.raw_message)}`);
        if (m.raw_message === 'first') await gate;
      });
    };
    const redis = suite.server().client();
    const leaseOf1 = async () => (await redis.get(`${prefix}:lease:1`)) ?? '';
    start('w1');
    await until(async () => (await leaseOf1()).startsWith('w1/') && (await redis.get(`${prefix}:lease:0`))?.startsWith('w1/') === true, reports());
    await sim.emit(sim.events.groupMessage({ group_id: group, user_id: 7, message: 'first' }));
    await until(() => handled.includes('w1:first'), reports()); // w1's handling is in flight, held by the gate
    start('w2');
    await until(async () => (await redis.zscore(`${prefix}:members`, 'w2')) !== null, reports());
    // Two of w1's lease ticks after w2 joined: the first saw w2 and began draining partition 1.
    let ticks = 0;
    let score = await redis.zscore(`${prefix}:members`, 'w1');
    await until(async () => {
      const now = await redis.zscore(`${prefix}:members`, 'w1');
      if (now !== score) ticks++;
      score = now;
      return ticks >= 2;
    }, reports());
    expect(await leaseOf1()).toMatch(/^w1\//); // still w1's: the drain waits for the handling
    open();
    await until(async () => (await leaseOf1()).startsWith('w2/'), reports());
    await sim.emit(sim.events.groupMessage({ group_id: group, user_id: 7, message: 'second' }));
    await until(() => handled.includes('w2:second'), reports());
    expect(handled).toEqual(['w1:first', 'w2:second']); // acked before the release: w2 found nothing pending
    redis.disconnect();
  });
});
