import { VirtualTimeScheduler, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { CallLink } from '../../src/action/caller';
import { ActionTimeoutError, DisconnectedError } from '../../src/errors';
import type { SocketOpen } from '../../src/transport/types';
import { statusCaller } from '../helpers/status-caller';

/** A caller over sockets opened on demand; `cancellable` sockets record every `cancel(echo)`. */
function harness() {
  const scheduler = new VirtualTimeScheduler();
  const written: string[] = [];
  const cancelled: Array<{ generation: number; echo: string }> = [];
  let socket: SocketOpen | undefined;
  const link: CallLink = {
    hold: () => ({ unsubscribe: () => undefined }),
    socket: () => socket,
    closedError: () => undefined,
  };
  const { caller, answer } = statusCaller(link, scheduler);
  const open = (generation: number, cancellable: boolean) => {
    const send = (text: string) => {
      written.push((JSON.parse(text) as { echo: string }).echo);
      return true;
    };
    const cancel = (echo: string) => {
      cancelled.push({ generation, echo });
    };
    socket = cancellable ? { type: 'open', generation, send, cancel } : { type: 'open', generation, send };
    caller.opened(socket);
  };
  return { scheduler, caller, open, answer, written, cancelled };
}

const errorOf = (source: Promise<unknown>): Promise<unknown> => source.then(() => undefined, (e: unknown) => e);

describe('caller taking requests back from a socket with cancel', () => {
  it('cancels the request of a call that timed out, on the socket it was written to', async () => {
    const h = harness();
    h.open(1, true);
    const error = errorOf(firstValueFrom(h.caller.call('get_status', undefined, { timeout: 50 })));
    h.scheduler.flush();
    expect(await error).toBeInstanceOf(ActionTimeoutError);
    expect(h.cancelled).toEqual([{ generation: 1, echo: 'tag:1' }]);
  });

  it('cancels the request of a call unsubscribed before its reply', () => {
    const h = harness();
    h.open(1, true);
    const subscription = h.caller.call('get_status', undefined).subscribe();
    subscription.unsubscribe();
    expect(h.cancelled).toEqual([{ generation: 1, echo: 'tag:1' }]);
    expect(h.caller.pending).toBe(0);
  });

  it('does not cancel a call that never reached a socket', () => {
    const h = harness();
    h.caller.call('get_status', undefined).subscribe().unsubscribe();
    h.open(1, true);
    expect([h.written, h.cancelled]).toEqual([[], []]);
  });

  it('does not cancel on a newer socket a call written on an older one', async () => {
    const h = harness();
    h.open(1, true);
    const error = errorOf(firstValueFrom(h.caller.call('get_status', undefined)));
    h.open(2, true);
    h.caller.dropped(1, new Error('gone'));
    expect(await error).toBeInstanceOf(DisconnectedError);
    expect(h.cancelled).toEqual([]);
  });

  it('asks nothing of a socket without cancel, and the call still times out', async () => {
    const h = harness();
    h.open(1, false);
    const error = errorOf(firstValueFrom(h.caller.call('get_status', undefined, { timeout: 50 })));
    h.scheduler.flush();
    expect(await error).toBeInstanceOf(ActionTimeoutError);
    expect(h.cancelled).toEqual([]);
  });

  it('stops cancelling once a socket without cancel replaces a cancellable one', () => {
    const h = harness();
    h.open(1, true);
    h.open(2, false);
    h.caller.call('get_status', undefined).subscribe().unsubscribe();
    expect([h.written, h.cancelled]).toEqual([['tag:1'], []]);
  });

  it('delivers an answered call before its teardown tells the socket (where the echo is already settled)', () => {
    const h = harness();
    h.open(1, true);
    const seen: string[] = [];
    h.caller.call('get_status', undefined).subscribe({ next: () => seen.push('result'), complete: () => seen.push('complete') });
    h.answer('tag:1');
    seen.push(...h.cancelled.map((c) => `cancel ${c.echo}`));
    expect(seen).toEqual(['result', 'complete', 'cancel tag:1']);
  });
});
