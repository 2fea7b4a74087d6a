import { type Observable, firstValueFrom, filter, last, take, toArray } from 'rxjs';
import { afterEach } from 'vitest';
import { type Client, type ClientOptions, createClient } from '../../src/index';
import { type ActionCall, type Simulator, type SimulatorOptions, createSimulator } from '../../src/testing/index';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A simulator and a client connected to it, both closed after the test. */
export async function connected(
  clientOptions: Partial<ClientOptions> = {},
  simOptions: SimulatorOptions = {},
): Promise<{ sim: Simulator; client: Client }> {
  const sim = await createSimulator({ heartbeatInterval: 0, ...simOptions });
  cleanups.push(() => sim.close());
  const client = createClient({
    url: sim.url,
    reconnect: { initialDelay: 10, maxDelay: 50, jitter: 0 },
    idleGrace: 50,
    ...(simOptions.accessToken === undefined ? {} : { accessToken: simOptions.accessToken }),
    ...clientOptions,
  });
  cleanups.push(() => client.close());
  return { sim, client };
}

/** Resolves with the first `n` values of `source` (subscribing now). */
export function nextValues<T>(source: Observable<T>, n: number): Promise<T[]> {
  return firstValueFrom(source.pipe(take(n), toArray()));
}

/** Resolves once the client's state reaches `status`. */
export function stateReaches(client: Client, status: string): Promise<unknown> {
  return firstValueFrom(client.state$.pipe(filter((s) => s.status === status)));
}

/** Resolves once the simulator counts `n` connected clients. */
export function connectionsReach(sim: Simulator, n: number): Promise<number> {
  return firstValueFrom(sim.connections$.pipe(filter((count) => count === n)));
}

/** Resolves with the `nth` (1-based) call of `action` the simulator received (`calls$` replays, so it may have come already). */
export function callArrives(sim: Simulator, action: string, nth = 1): Promise<ActionCall> {
  return firstValueFrom(sim.calls$.pipe(filter((call) => call.action === action), take(nth), last()));
}

let markers = 0;

/**
 * Resolves once the client has handled every frame the simulator wrote before this call: a marker written
 * after them (a friend poke from user 1, on `notices$`) has come through. The positive signal that replaces
 * "wait a little, then check nothing else arrived".
 */
export async function drained(sim: Simulator, client: Client): Promise<void> {
  const marker = ++markers;
  const seen = firstValueFrom(
    client.notices$.pipe(filter((n) => (n as { sender_id?: unknown }).sender_id === marker && (n as { user_id?: unknown }).user_id === 1)),
  );
  await sim.emit(sim.events.friendPoke({ user_id: 1, sender_id: marker }));
  await seen;
}
