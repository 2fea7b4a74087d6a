import { NEVER, of, throwError } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailOf, kindOf, rowOf } from '../../examples/browser/describe';
import { type DownloadView, downloadViews, sampleFile } from '../../examples/browser/download';
import { PROBES, timed } from '../../examples/browser/round-trips';
import type { OneBotEvent } from '../../src/browser';
import { type Simulator, createSimulator } from '../../src/testing/index';
import { marbles } from '../helpers/marbles';

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ heartbeatInterval: 0 });
});
afterAll(() => sim.close());

/** A simulator-made event as the client would decode it (the factories produce NapCat's exact shape). */
const asEvent = (event: object): OneBotEvent => event as OneBotEvent;

describe('dashboard rows', () => {
  it('name an event by its dotted query, sub-type included when it has one', () => {
    expect(kindOf(asEvent(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'hi' })))).toBe('message.group.normal');
    expect(kindOf(asEvent(sim.events.groupPoke({ group_id: 300001, user_id: 20001, target_id: 10000 })))).toBe('notice.notify.poke');
    expect(kindOf(asEvent(sim.events.friendAdd({ user_id: 20002 })))).toBe('notice.friend_add');
    expect(kindOf(asEvent(sim.events.lifecycle('connect')))).toBe('meta_event.lifecycle.connect');
  });

  it('summarise a message as where, who and its text', () => {
    const group = asEvent(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'hello there' }));
    const direct = asEvent(sim.events.privateMessage({ user_id: 20002, message: 'psst' }));
    expect(detailOf(group)).toBe('[group 300001] Alice: hello there');
    expect(detailOf(direct)).toBe('[private] Bob: psst');
  });

  it('summarise other events by the IDs they carry', () => {
    const poke = asEvent(sim.events.groupPoke({ group_id: 300001, user_id: 20001, target_id: 10000 }));
    expect(detailOf(poke)).toBe('group 300001 · user 20001 · target 10000');
    expect(detailOf(asEvent(sim.events.friendRequest({ user_id: 20003 })))).toBe('user 20003');
  });

  it('stamp each row with the event time as HH:MM:SS', () => {
    const row = rowOf(asEvent(sim.events.friendAdd({ user_id: 20002 })));
    expect(row.time).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(row.kind).toBe('notice.friend_add');
  });
});

describe('the download panel', () => {
  const running = (receivedBytes: number, totalBytes: number): DownloadView => ({ state: 'running', receivedBytes, totalBytes });

  it(
    'shows running at once and per chunk, then done with the last counts',
    marbles((m) => {
      const progress = m.cold('-a-b|', { a: { receivedBytes: 4, totalBytes: 8 }, b: { receivedBytes: 8, totalBytes: 8 } });
      m.expect(downloadViews(progress)).toBeObservable('sa-b(d|)', {
        s: running(0, 0),
        a: running(4, 8),
        b: running(8, 8),
        d: { state: 'done', receivedBytes: 8, totalBytes: 8 },
      });
    }),
  );

  it(
    'turns a failure into a failed view instead of an error',
    marbles((m) => {
      const progress = m.cold('-a-#', { a: { receivedBytes: 4, totalBytes: 8 } }, new Error('Stream not found'));
      m.expect(downloadViews(progress)).toBeObservable('sa-(f|)', {
        s: running(0, 0),
        a: running(4, 8),
        f: { state: 'failed', receivedBytes: 4, totalBytes: 8, error: 'Error: Stream not found' },
      });
    }),
  );

  it('makes a sample file of the exact size, the same every time', () => {
    const sample = sampleFile(1000);
    expect(sample.startsWith('base64://')).toBe(true);
    expect(Buffer.from(sample.slice('base64://'.length), 'base64').length).toBe(1000);
    expect(sampleFile(1000)).toBe(sample);
  });
});

describe('the round-trip table', () => {
  it('times a call with the given clock and keeps its summary', async () => {
    const ticks = [100, 112.34];
    const trip = await new Promise((resolve) => timed('get_status', of('online'), () => ticks.shift() ?? 0).subscribe(resolve));
    expect(trip).toEqual({ action: 'get_status', ms: 12.3, ok: true, summary: 'online' });
  });

  it('turns a failed call into a row', async () => {
    const trip = await new Promise((resolve) => timed('x', throwError(() => new Error('nope')), () => 0).subscribe(resolve));
    expect(trip).toEqual({ action: 'x', ms: 0, ok: false, summary: 'Error: nope' });
  });

  it('subscribes nothing until run (timing starts at subscription)', () => {
    const clock: number[] = [];
    timed('x', NEVER, () => clock.push(1));
    expect(clock).toEqual([]);
  });

  it('probes only read-only actions', () => {
    expect(PROBES.map(([action]) => action).every((action) => action.startsWith('get_'))).toBe(true);
  });
});
