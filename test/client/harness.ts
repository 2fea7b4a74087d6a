import { type Observable, firstValueFrom, filter, take, toArray } from 'rxjs';
import { afterEach } from 'vitest';
import { type Client, type ClientOptions, createClient } from '../../src/index';
import { type Simulator, type SimulatorOptions, createSimulator } from '../../src/testing/index';

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

/** Waits `ms` of real time. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
