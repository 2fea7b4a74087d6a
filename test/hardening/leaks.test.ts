import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/testing/index';
import { type ProbeRun, runProbe } from './run-probe';

interface FloodResult {
  events: number;
  counts: number[];
  gcExposed: boolean;
  heapBefore: number;
  heapMiddle: number;
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

/**
 * Heap growth tolerated over the events after the warm-up (measured after forced GC): far below one byte per
 * event, so a leak of even a few bytes per event fails, while a single measurement's noise (0.04–0.2 MB) passes.
 */
const HEAP_NOISE = 1024 * 1024;
const EVENTS = 300_000;

/**
 * One flood probe for the tests below (it takes seconds of CPU): started by the first test that asks, and
 * killed if that test times out. No deadline of its own: the probe's work does not depend on the machine's speed.
 */
let flood: Promise<ProbeRun<FloodResult>> | undefined;
const floodRun = (signal: AbortSignal): Promise<ProbeRun<FloodResult>> =>
  (flood ??= runProbe<FloodResult>('test/hardening/fixtures/flood.ts', {
    nodeArgs: ['--expose-gc'],
    env: { FLOOD_EVENTS: String(EVENTS) },
    signal,
  }));

describe('leaks under load (each probe in its own process)', () => {
  it('keeps the heap flat through 300,000 events on 10 filtered streams (N vs 2N after a warm-up) and 10,000 action cycles', async ({
    signal,
  }) => {
    const run = await floodRun(signal);
    expect([run.code, run.killed, run.stderr]).toEqual([0, false, '']);
    const result = run.result!;
    expect(result.gcExposed).toBe(true);
    expect(result.events).toBe(EVENTS);
    expect(result.counts.every((n) => n > EVENTS / 10)).toBe(true);
    expect(result.heapAfter - result.heapMiddle).toBeLessThan(HEAP_NOISE / 2);
    expect(result.heapAfter - result.heapBefore).toBeLessThan(HEAP_NOISE);
    expect(result.heapAfterActions - result.heapBefore).toBeLessThan(HEAP_NOISE);
  }, 180_000);

  it('holds no pending call or timer once the action cycles settle, and none after close()', async ({ signal }) => {
    const run = await floodRun(signal);
    const result = run.result!;
    expect(result.timersWithPendingCall).toBe(1);
    expect([result.timersWhileOpen, result.timersAfterClose, result.sessionsLive]).toEqual([0, 0, 0]);
  }, 180_000);

  it('exits by itself after client.close(), with heartbeats, pings, a reconnect and a cut-off call behind it', async ({ signal }) => {
    const sim = await createSimulator({ heartbeatInterval: 1_000 });
    try {
      const probe = runProbe<ExitResult>('test/hardening/fixtures/exit-after-close.ts', { env: { ONEBOT_URL: sim.url }, signal });
      await firstValueFrom(sim.calls$.pipe(filter((call) => call.action === 'get_login_info')));
      await probe.printed('logged-in');
      sim.delayReplies(60_000);
      await sim.drop({ abrupt: true });
      const run = await probe;
      expect([run.code, run.killed]).toEqual([0, false]);
      expect(run.result).toEqual({ login: sim.selfId, cutOff: 'ClientClosedError', timersBeforeClose: 3, timersAfterClose: 0 });
    } finally {
      await sim.close();
    }
  }, 120_000);
});
