/**
 * The throttle under pressure (issue 19): many targets, close(), queued timeouts and far deadlines. Each test
 * runs in virtual time on a VirtualTimeScheduler the test advances.
 */
import { VirtualTimeScheduler } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateWindow } from '../../src/action/rate-window';
import { createThrottle } from '../../src/action/throttle';
import { ClientClosedError, createClient, isActionTimeoutError, isClientClosedError } from '../../src/index';
import { createLoopTransport } from '../hardening/fixtures/loop-transport';
import { of } from 'rxjs';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs every scheduled action due at or before `to`, then stands at `to`. */
function advanceTo(scheduler: VirtualTimeScheduler, to: number): void {
  scheduler.maxFrames = to;
  scheduler.flush();
  scheduler.frame = to;
}

const live = (scheduler: VirtualTimeScheduler) => scheduler.actions.filter((a) => !a.closed).length;

describe('per-target windows', () => {
  it('prunes idle windows in O(1) amortised: 8,000 targets in one window examine each window a bounded number of times', () => {
    const scheduler = new VirtualTimeScheduler();
    const idle = vi.spyOn(RateWindow.prototype, 'idle');
    const throttle = createThrottle({ perTarget: { count: 1, perMs: 1_000 } }, scheduler);
    const targets = 8_000;
    for (let i = 0; i < targets; i++) throttle.run(`group:${i}`, () => of(i)).subscribe();
    expect(throttle.windows).toBe(targets);
    expect(idle.mock.calls.length).toBeLessThan(3 * targets);
    advanceTo(scheduler, 1_000);
    throttle.run('group:x', () => of(0)).subscribe();
    expect(throttle.windows).toBe(1);
    expect(idle.mock.calls.length).toBeLessThan(5 * targets);
  });

  it('keeps no window for a call dropped while it waited, and releases the windows of sent calls once idle', () => {
    const scheduler = new VirtualTimeScheduler();
    const throttle = createThrottle({ perTarget: { count: 1, perMs: 100 }, global: { count: 1, perMs: 100 } }, scheduler);
    throttle.run('group:1', () => of(1)).subscribe();
    const dropped = [2, 3, 4].map((g) => throttle.run(`group:${g}`, () => of(g)).subscribe());
    expect(throttle.queued).toBe(3);
    for (const s of dropped) s.unsubscribe();
    expect(throttle.queued).toBe(0);
    expect(throttle.windows).toBe(1);
    expect(live(scheduler)).toBe(0);
  });
});

describe('close()', () => {
  it('fails every queued call at once with the error, leaves no timer, and fails later calls at once', () => {
    const scheduler = new VirtualTimeScheduler();
    const throttle = createThrottle({ perTarget: { count: 1, perMs: 2_000 } }, scheduler);
    const started: number[] = [];
    const errors: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      throttle.run('group:1', () => (started.push(i), of(i))).subscribe({ error: (e: unknown) => errors.push(e) });
    }
    expect(started).toEqual([0]);
    const closed = new ClientClosedError();
    throttle.close(closed);
    expect(errors).toEqual([closed, closed, closed]);
    expect(throttle.queued).toBe(0);
    expect(live(scheduler)).toBe(0);
    throttle.run('group:2', () => of(9)).subscribe({ error: (e: unknown) => errors.push(e) });
    expect(errors).toHaveLength(4);
    advanceTo(scheduler, 10_000);
    expect(started).toEqual([0]);
  });

  it('client.close() fails the throttle-queued calls at once with ClientClosedError and leaves no timer', async () => {
    const scheduler = new VirtualTimeScheduler();
    const loop = createLoopTransport();
    const client = createClient({
      url: 'ws://127.0.0.1:9',
      transport: loop.transport,
      scheduler,
      idleGrace: 0,
      throttle: { perTarget: { count: 1, perMs: 2_000 } },
    });
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      client.sendGroupMessage(1, `m${i}`).subscribe({
        next: () => outcomes.push(`ok ${i}`),
        error: (e: unknown) => outcomes.push(`${isClientClosedError(e) ? 'closed' : String(e)} ${i} at ${scheduler.now()}`),
      });
    }
    expect(loop.latest().written).toHaveLength(1);
    expect(outcomes).toEqual([]);
    await client.close();
    expect(outcomes).toEqual(['closed 0 at 0', 'closed 1 at 0', 'closed 2 at 0']);
    expect(live(scheduler)).toBe(0);
  });
});

describe('timeouts of queued calls', () => {
  it('a call that waited in the queue reports its own timeout, not the time left', () => {
    const scheduler = new VirtualTimeScheduler();
    const loop = createLoopTransport();
    const client = createClient({
      url: 'ws://127.0.0.1:9',
      transport: loop.transport,
      scheduler,
      throttle: { perTarget: { count: 1, perMs: 401 } },
    });
    const errors: unknown[] = [];
    client.sendGroupMessage(1, 'a', { timeout: 1_000 }).subscribe({ error: (e: unknown) => errors.push(e) });
    client.sendGroupMessage(1, 'b', { timeout: 1_000 }).subscribe({ error: (e: unknown) => errors.push(e) });
    advanceTo(scheduler, 500);
    expect(loop.latest().written).toHaveLength(2);
    advanceTo(scheduler, 1_000);
    expect(errors.map((e) => isActionTimeoutError(e) && [e.timeout, e.sent])).toEqual([
      [1_000, true],
      [1_000, true],
    ]);
    void client.close();
  });
});

describe('deadlines beyond the longest timer (2^31 - 1 ms)', () => {
  const DAY = 86_400_000;

  it('the deadline sweep arms clamped timers and still times a 30-day call out at exactly 30 days', () => {
    const scheduler = new VirtualTimeScheduler();
    const delays: number[] = [];
    const schedule = scheduler.schedule.bind(scheduler);
    vi.spyOn(scheduler, 'schedule').mockImplementation(((work: never, delay?: number, state?: never) => {
      delays.push(delay ?? 0);
      return schedule(work, delay, state);
    }) as typeof scheduler.schedule);
    const loop = createLoopTransport();
    const client = createClient({ url: 'ws://127.0.0.1:9', transport: loop.transport, scheduler, actionTimeout: 30 * DAY });
    const errors: number[] = [];
    client.api.get_status({}).subscribe({ error: () => errors.push(scheduler.now()) });
    advanceTo(scheduler, 30 * DAY - 1);
    expect(errors).toEqual([]);
    advanceTo(scheduler, 30 * DAY);
    expect(errors).toEqual([30 * DAY]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(delays.length).toBeLessThan(10);
    void client.close();
  });

  it('the throttle arms clamped timers for a window of 40 days and sends the queued call then', () => {
    const scheduler = new VirtualTimeScheduler();
    const delays: number[] = [];
    const schedule = scheduler.schedule.bind(scheduler);
    vi.spyOn(scheduler, 'schedule').mockImplementation(((work: never, delay?: number, state?: never) => {
      delays.push(delay ?? 0);
      return schedule(work, delay, state);
    }) as typeof scheduler.schedule);
    const throttle = createThrottle({ perTarget: { count: 1, perMs: 40 * DAY } }, scheduler);
    const started: number[] = [];
    for (let i = 0; i < 2; i++) throttle.run('group:1', () => (started.push(scheduler.now()), of(i))).subscribe();
    advanceTo(scheduler, 40 * DAY - 1);
    expect(started).toEqual([0]);
    advanceTo(scheduler, 40 * DAY);
    expect(started).toEqual([0, 40 * DAY]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2 ** 31 - 1);
  });
});

