import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type Client, isDisconnectedError } from '../../src/index';
import type { Simulator } from '../../src/testing/index';
import { connected, drained, stateReaches } from '../client/harness';

/** Yields to the event loop (I/O callbacks run) without waiting on the clock. */
const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const DROPS = 100;
const CALLERS = 4;

/** What the server wrote (emit resolved) and what the client received, by sequence number. */
interface EventLedger {
  readonly written: Set<number>;
  readonly attempted: Set<number>;
  readonly received: number[];
}

/** Emits numbered group messages back to back until `stop()`; each counts as written once `emit` resolved. */
function steadyEvents(sim: Simulator, client: Client): { ledger: EventLedger; stop: () => Promise<void> } {
  const ledger: EventLedger = { written: new Set(), attempted: new Set(), received: [] };
  const subscription = client.groupMessages$.subscribe((m) => ledger.received.push(Number(m.raw_message)));
  let running = true;
  const loop = (async () => {
    for (let seq = 0; running; seq++) {
      ledger.attempted.add(seq);
      const event = sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: String(seq) });
      await sim.emit(event).then(
        () => ledger.written.add(seq),
        () => undefined,
      );
      await yieldToIo();
    }
  })();
  return {
    ledger,
    stop: async () => {
      running = false;
      await loop;
      await drained(sim, client); // every event written before the marker has been delivered
      subscription.unsubscribe();
    },
  };
}

/** Outcomes of a steady action load: each call settles as `ok`, `disconnected` or something unexpected. */
interface CallLedger {
  readonly outcomes: Map<string, number>;
  /** Calls subscribed and not yet settled. */
  readonly unsettled: Set<number>;
}

function steadyCalls(client: Client): { ledger: CallLedger; stop: () => Promise<void> } {
  const ledger: CallLedger = { outcomes: new Map(), unsettled: new Set() };
  const count = (outcome: string) => ledger.outcomes.set(outcome, (ledger.outcomes.get(outcome) ?? 0) + 1);
  let running = true;
  let next = 0;
  const settle = (id: number, outcome: string) => {
    ledger.unsettled.delete(id);
    count(outcome);
  };
  const oneCall = (id: number) =>
    new Promise<void>((resolve) => {
      ledger.unsettled.add(id);
      client.api.get_status().subscribe({
        next: () => settle(id, 'ok'),
        error: (e: unknown) => {
          settle(id, isDisconnectedError(e) && e.sent ? 'disconnected' : `unexpected ${String(e)}`);
          resolve();
        },
        complete: resolve,
      });
    });
  const caller = async () => {
    while (running) await oneCall(next++);
  };
  const callers = Array.from({ length: CALLERS }, caller);
  return {
    ledger,
    stop: async () => {
      running = false;
      await Promise.all(callers);
    },
  };
}

describe('100 forced drops during a steady event stream and action load', () => {
  it.each([
    ['clean close frames', false],
    ['abrupt socket destroys', true],
  ])('with %s: loses no event written on an open socket, duplicates no action frame, fails pending calls at once', async (_, abrupt) => {
    const { sim, client } = await connected({ actionTimeout: 60_000, reconnect: { initialDelay: 1, maxDelay: 5, jitter: 0 } });
    sim.delayReplies(3);
    const unsettledAtDrop: number[] = [];
    const events = steadyEvents(sim, client);
    await stateReaches(client, 'open');
    const calls = steadyCalls(client);
    const watch = client.state$.subscribe((s) => {
      if (s.status === 'reconnecting') unsettledAtDrop.push(calls.ledger.unsettled.size);
    });
    const callsSeen = lastValueFrom(sim.calls$.pipe(toArray())); // calls$ completes at sim.close()

    for (let drop = 0; drop < DROPS; drop++) {
      await firstValueFrom(client.groupMessages$); // traffic flows on this socket before it is dropped
      await sim.drop({ abrupt, code: 1012 });
      await stateReaches(client, 'open');
      await sim.waitForConnection();
    }
    watch.unsubscribe();
    await calls.stop();
    await events.stop();
    await sim.close();
    const seen = await callsSeen;

    const { written, attempted, received } = events.ledger;
    const receivedSet = new Set(received);
    const lost = [...written].filter((seq) => !receivedSet.has(seq));
    // An abrupt destroy may discard bytes already handed to the kernel (a TCP reset): only clean drops count.
    if (!abrupt) expect(lost).toEqual([]);
    expect(receivedSet.size).toBe(received.length);
    expect(received.every((seq) => attempted.has(seq))).toBe(true);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(written.size).toBeGreaterThan(DROPS);

    const echoes = seen.map((call) => call.echo);
    expect(new Set(echoes).size).toBe(echoes.length);
    const outcomes = Object.fromEntries(calls.ledger.outcomes);
    expect(Object.keys(outcomes).sort()).toEqual(['disconnected', 'ok']);
    // A call is `sent` only when the socket really wrote it: one made while the closing handshake runs waits
    // for the next socket instead, so with clean drops every call reported sent reached the server.
    const sentCalls = (outcomes['ok'] ?? 0) + (outcomes['disconnected'] ?? 0);
    if (abrupt) expect(seen.length).toBeLessThanOrEqual(sentCalls);
    else expect(seen.length).toBe(sentCalls);
    expect(outcomes['ok']).toBeLessThanOrEqual(seen.length);
    expect(unsettledAtDrop).toHaveLength(DROPS);
    expect(calls.ledger.unsettled.size).toBe(0);
  }, 60_000);
});
