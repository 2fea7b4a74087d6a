import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/testing/index';
import { runProbe } from './run-probe';

interface FloodResult {
  events: number;
  counts: number[];
  gcExposed: boolean;
  heapBefore: number;
  heapAfter: number;
  heapAfterActions: number;
  timersWhileOpen: number;
  timersWithPendingCall: number;
  timersAfterClose: number;
  sessionsLive: number;
}

interface ExitResult {
  login: number;
  cutOff: string;
  timersBeforeClose: number;
  timersAfterClose: number;
}

/** Heap growth tolerated between the warm-up and the end of the flood: far below one byte per event. */
const HEAP_NOISE = 1024 * 1024;

describe('leaks under load (each probe in its own process)', () => {
  it('keeps the heap flat through 1,000,000 events on 10 filtered streams and 10,000 action cycles', async () => {
    const run = await runProbe<FloodResult>(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'test/hardening/fixtures/flood.ts'],
      { limitMs: 60_000 },
    );
    expect([run.code, run.killed, run.stderr]).toEqual([0, false, '']);
    const result = run.result!;
    expect(result.gcExposed).toBe(true);
    expect(result.events).toBe(1_000_000);
    expect(result.counts.every((n) => n > 100_000)).toBe(true);
    expect(result.heapAfter - result.heapBefore).toBeLessThan(HEAP_NOISE);
    expect(result.heapAfterActions - result.heapBefore).toBeLessThan(HEAP_NOISE);
  }, 60_000);

  it('holds no pending call or timer once the action cycles settle, and none after close()', async () => {
    const run = await runProbe<FloodResult>(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'test/hardening/fixtures/flood.ts'],
      { env: { FLOOD_EVENTS: '10000' }, limitMs: 30_000 },
    );
    const result = run.result!;
    expect(result.timersWithPendingCall).toBe(1);
    expect([result.timersWhileOpen, result.timersAfterClose, result.sessionsLive]).toEqual([0, 0, 0]);
  }, 30_000);

  it('exits by itself after client.close(), with heartbeats, pings, a reconnect and a cut-off call behind it', async () => {
    const sim = await createSimulator({ heartbeatInterval: 1_000 });
    try {
      const probe = runProbe<ExitResult>('npx', ['tsx', 'test/hardening/fixtures/exit-after-close.ts'], {
        env: { ONEBOT_URL: sim.url },
        limitMs: 20_000,
      });
      await firstValueFrom(sim.calls$.pipe(filter((call) => call.action === 'get_login_info')));
      await new Promise((resolve) => setTimeout(resolve, 20));
      await sim.drop({ abrupt: true });
      sim.delayReplies(60_000);
      const run = await probe;
      expect([run.code, run.killed]).toEqual([0, false]);
      expect(run.result).toEqual({ login: sim.selfId, cutOff: 'ClientClosedError', timersBeforeClose: 3, timersAfterClose: 0 });
    } finally {
      await sim.close();
    }
  }, 30_000);
});
