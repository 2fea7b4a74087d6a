import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger';
import { createWorker } from '../../src/redis';
import { hasRedisServer } from '../helpers/redis-server';
import { redisSuite } from './redis-suite';

const EVENTS = 400;
const HANDLER_MS = 5;
const LEASE_TTL = 1_500;

/** Blocks the event loop for `ms`, as a handler rendering an image synchronously does. */
function busy(ms: number): void {
  const end = performance.now() + ms; // real-time: the handler must really hold the event loop
  while (performance.now() < end); // real-time: (the same busy wait)
}

describe.runIf(hasRedisServer || process.env.CI)('slow synchronous handlers (real redis-server)', () => {
  const suite = redisSuite();

  it('keep the worker’s leases: a read of many entries lets the renewals run between slices', async () => {
    // 400 entries at 5 ms each is 2 s of synchronous handling in one read (readAhead 1 000), more than the lease
    // term: handed out in one go, the renewals could not run and every partition was lost mid-read (its
    // entries re-delivered to the next owner, handled twice).
    const warnings: string[] = [];
    const logger: Logger = { debug: () => undefined, info: () => undefined, warn: (m) => warnings.push(String(m)), error: (m) => warnings.push(String(m)) };
    const prefix = 'slow1';
    const groups = Array.from({ length: 8 }, (_, i) => ({ group_id: 700 + i, group_name: `g${i}` }));
    const { sim, gateway } = await suite.serve({ prefix, partitions: 4, statsInterval: 50 }, { groups });
    await sim.waitForConnection();
    // Published before the worker reads, so its first read takes them all. The simulator's lifecycle event is
    // published too (heartbeats are not): EVENTS + 1 entries in all.
    const ENTRIES = EVENTS + 1;
    for (let i = 0; i < EVENTS; i++) await sim.emit(sim.events.groupMessage({ group_id: groups[i % groups.length]!.group_id, user_id: 7, message: `m${i}` }));
    await firstValueFrom(gateway.stats$.pipe(filter((s) => s.published >= ENTRIES)));
    const handled = new Map<string, number>();
    const worker = suite.track(createWorker({ redis: suite.server().url, prefix, group: 'slow', consumer: 'w1', partitions: 4, leaseTtl: LEASE_TTL, blockMs: 100, statsInterval: 50, logger }));
    worker.handle('message.group', (m) => {
      busy(HANDLER_MS);
      const text = String(m.raw_message);
      handled.set(text, (handled.get(text) ?? 0) + 1);
    });
    const stats = await firstValueFrom(worker.stats$.pipe(filter((s) => s.acked >= ENTRIES)));
    expect(warnings.filter((w) => w.includes('lost partition'))).toEqual([]);
    expect(stats.redelivered).toBe(0);
    expect(handled.size).toBe(EVENTS);
    expect([...handled.values()].every((n) => n === 1)).toBe(true);
  });
});
