import { type Observable, of } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Calls from '../../src/action/throttle-calls';
import type * as Throttle from '../../src/action/throttle';
import type * as Errors from '../../src/errors';
import { ManualClock } from '../helpers/manual-clock';

// The browser build's throttle source loads `createThrottle` by `import()`; here each load waits for a gate
// the test opens, so calls provably come before the queue does.
const control = vi.hoisted(() => ({ gate: Promise.resolve() as Promise<void> }));
vi.mock('../../src/action/throttle-source', async () => {
  const browser = await vi.importActual<typeof import('../../src/action/throttle-source.browser')>(
    '../../src/action/throttle-source.browser',
  );
  return {
    throttleFactory: (): Promise<typeof Throttle.createThrottle> => control.gate.then(async () => browser.throttleFactory()),
  };
});

let throttleCalls: typeof Calls.throttleCalls;
let ActionTimeoutError: typeof Errors.ActionTimeoutError;

/** A gate and the function that opens it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const GROUP_SEND = { group_id: 1, message: 'hi' };

describe('the browser build loads the throttle queue when a client has a throttle', () => {
  beforeAll(async () => {
    vi.resetModules();
    ({ throttleCalls } = await import('../../src/action/throttle-calls'));
    ({ ActionTimeoutError } = await import('../../src/errors'));
  });
  // The suite shares module graphs across files (isolate: false): later files get the real module again.
  afterAll(() => {
    vi.doUnmock('../../src/action/throttle-source');
    vi.resetModules();
  });

  it('queues sends made before the queue loads, in order and spaced, with the wait counted in their timeout', async () => {
    const loading = gate();
    control.gate = loading.opened;
    const clock = new ManualClock();
    const sent: { action: string; at: number; timeout: number | undefined }[] = [];
    let firstSendOut!: () => void;
    const firstSend = new Promise<void>((resolve) => (firstSendOut = resolve));
    const call = (action: string, _params: unknown, options?: { timeout?: number }): Observable<unknown> => {
      sent.push({ action, at: clock.now(), timeout: options?.timeout });
      if (action === 'send_group_msg') firstSendOut();
      return of(action);
    };
    const throttled = throttleCalls(call, { perTarget: { count: 1, perMs: 100 } }, clock, 1_000).call;
    const results: unknown[] = [];
    throttled('send_group_msg', GROUP_SEND).subscribe((r) => results.push(r));
    throttled('send_msg', { message_type: 'group', ...GROUP_SEND }).subscribe((r) => results.push(r));
    // Not a send: passes at once, loaded or not.
    throttled('get_status', {}).subscribe((r) => results.push(r));
    expect(sent.map((s) => s.action)).toEqual(['get_status']);
    clock.advance(30); // the chunk takes 30 ms
    loading.open();
    await firstSend;
    expect(sent[1]).toEqual({ action: 'send_group_msg', at: 30, timeout: 970 });
    clock.advance(100);
    expect(results).toEqual(['get_status', 'send_group_msg', 'send_msg']);
    expect(sent[2]).toEqual({ action: 'send_msg', at: 130, timeout: 870 });
  });

  it('fails a send still waiting for the queue when its timeout passes', async () => {
    const loading = gate();
    control.gate = loading.opened;
    const clock = new ManualClock();
    const sent: string[] = [];
    const throttled = throttleCalls((action) => (sent.push(action), of(action)), { global: { count: 1, perMs: 100 } }, clock, 50).call;
    const errors: unknown[] = [];
    throttled('send_group_msg', GROUP_SEND).subscribe({ error: (e: unknown) => errors.push(e) });
    clock.advance(50);
    expect(errors).toEqual([expect.any(ActionTimeoutError)]);
    expect((errors[0] as Errors.ActionTimeoutError).sent).toBe(false);
    loading.open();
    await loading.opened;
    expect(sent).toEqual([]);
  });

  it('fails sends with the close error when the client closed before the queue loaded', async () => {
    const loading = gate();
    control.gate = loading.opened;
    const clock = new ManualClock();
    const throttled = throttleCalls(() => of('sent'), { perTarget: { count: 1, perMs: 100 } }, clock, 1_000);
    const outcome = new Promise((resolve) => {
      throttled.call('send_group_msg', GROUP_SEND).subscribe({ next: resolve, error: resolve });
    });
    const closed = new Error('closed');
    throttled.close(closed);
    loading.open();
    expect(await outcome).toBe(closed);
  });
});
