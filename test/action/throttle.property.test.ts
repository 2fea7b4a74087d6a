/**
 * Property: whatever the sends, drops and timing, the frames a raw `ws` server receives (stamped in virtual
 * time) respect the throttle's windows per target and overall, keep each target's order, and nothing arrives
 * twice or after `close()`; `close()` settles every call and leaves no timer.
 *
 * Virtual time is advanced one scheduled action at a time; after each, the test waits for a positive signal
 * (a non-throttled `get_status` round trip, or the reconnected socket's `open`) so that every frame written
 * at a virtual instant is received before time moves on.
 */
import fc from 'fast-check';
import { VirtualTimeScheduler, filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createClient, isClientClosedError, isDisconnectedError } from '../../src/index';
import { type Loopback, startLoopback } from '../transport/loopback';

interface Received {
  readonly at: number;
  readonly target: number;
  readonly seq: number;
}

type Command = { readonly kind: 'send'; readonly target: number; readonly dt: number } | { readonly kind: 'drop'; readonly dt: number };

const RECONNECT = 50;
let server: Loopback;
let received: Received[] = [];
let clock: VirtualTimeScheduler | undefined;

beforeAll(async () => {
  server = await startLoopback();
  server.server.on('connection', (socket) =>
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { action: string; params: { group_id?: number; message?: Array<{ data: { text: string } }> }; echo: string };
      if (frame.action === 'send_group_msg' && clock !== undefined) {
        received.push({ at: clock.now(), target: frame.params.group_id!, seq: Number(frame.params.message![0]!.data.text) });
      }
      socket.send(JSON.stringify({ status: 'ok', retcode: 0, data: { message_id: 1 }, message: '', wording: '', echo: frame.echo }));
    }),
  );
});

afterAll(() => server.close());

const state = (client: Client, status: string) => firstValueFrom(client.state$.pipe(filter((s) => s.status === status)));

async function scenario(commands: Command[], perTarget: { count: number; perMs: number }, global: { count: number; perMs: number }) {
  const scheduler = new VirtualTimeScheduler();
  clock = scheduler;
  received = [];
  const client = createClient({
    url: server.url,
    scheduler,
    pingInterval: 0,
    actionTimeout: 1_000_000,
    reconnect: { initialDelay: RECONNECT, maxDelay: RECONNECT, jitter: 0 },
    throttle: { perTarget, global },
  });
  const hold = client.connect();
  await state(client, 'open');
  let reopenAt: number | undefined;
  let isOpen = true;

  /** Every frame written so far has reached the server (and its reply the client). */
  const settle = async () => {
    if (isOpen) await firstValueFrom(client.api.get_status({}));
  };
  const advance = async (to: number) => {
    for (;;) {
      const next = scheduler.actions.find((a) => !a.closed)?.delay;
      if (next === undefined || next > to) break;
      scheduler.maxFrames = next;
      scheduler.flush();
      if (reopenAt !== undefined && next >= reopenAt) {
        reopenAt = undefined;
        await state(client, 'open');
        isOpen = true;
      }
      await settle();
    }
    scheduler.frame = to;
  };

  const outcomes: string[] = [];
  let seq = 0;
  for (const command of commands) {
    await advance(scheduler.now() + command.dt);
    if (command.kind === 'send') {
      const n = seq++;
      outcomes.push('pending');
      client.sendGroupMessage(command.target, String(n)).subscribe({
        next: () => (outcomes[n] = 'ok'),
        error: (e: unknown) => (outcomes[n] = isDisconnectedError(e) ? 'dropped' : isClientClosedError(e) ? 'closed' : String(e)),
      });
      await settle();
    } else if (isOpen) {
      const reconnecting = state(client, 'reconnecting');
      for (const { socket } of server.accepted) socket.terminate();
      await reconnecting;
      isOpen = false;
      reopenAt = scheduler.now() + RECONNECT;
    }
  }
  const beforeClose = received.length;
  await client.close();
  hold.unsubscribe();
  const live = scheduler.actions.filter((a) => !a.closed).length;
  clock = undefined;
  return { outcomes, beforeClose, live };
}

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('send' as const), target: fc.integer({ min: 1, max: 3 }), dt: fc.integer({ min: 0, max: 250 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), dt: fc.integer({ min: 0, max: 250 }) }) },
);

describe('the throttle through reconnects and close(), with the wire as the oracle', () => {
  it('keeps every window, per-target order and exactly-once delivery on the wire; close() settles everything', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 20 }),
        fc.record({ count: fc.integer({ min: 1, max: 2 }), perMs: fc.integer({ min: 50, max: 300 }) }),
        fc.record({ count: fc.integer({ min: 2, max: 4 }), perMs: fc.integer({ min: 50, max: 300 }) }),
        async (commands, perTarget, global) => {
          const { outcomes, beforeClose, live } = await scenario(commands, perTarget, global);
          // Windows: any count+1 frames to one target (or overall) span at least perMs.
          const spans = (times: number[], limit: { count: number; perMs: number }) =>
            times.every((t, i) => i < limit.count || t - times[i - limit.count]! >= limit.perMs);
          for (const target of [1, 2, 3]) {
            const frames = received.filter((r) => r.target === target);
            expect(spans(frames.map((r) => r.at), perTarget)).toBe(true);
            const seqs = frames.map((r) => r.seq);
            expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
          }
          expect(spans(received.map((r) => r.at), global)).toBe(true);
          // Exactly once, nothing after close, every call settled.
          const seen = received.map((r) => r.seq);
          expect(new Set(seen).size).toBe(seen.length);
          expect(received.length).toBe(beforeClose);
          expect(outcomes.filter((o) => !['ok', 'dropped', 'closed'].includes(o))).toEqual([]);
          for (const [n, outcome] of outcomes.entries()) if (outcome === 'ok') expect(seen).toContain(n);
          expect(live).toBe(0);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
