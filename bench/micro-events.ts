/**
 * Micro-benchmark of the event path alone (no socket), in CPU time: frames pushed through a real client's pipeline on an
 * in-process transport, versus `JSON.parse` + a post_type check. `npx tsx bench/micro-events.ts`.
 */
import { Subject } from 'rxjs';
import { createClient } from '../src/index';
import type { TransportSignal } from '../src/transport/types';
import { sampleGroupMessage } from '../test/fixtures/events';

const frames = Array.from({ length: 256 }, (_, i) => JSON.stringify({ ...sampleGroupMessage(), message_id: 1000 + i }));
const N = 200_000;
/** CPU time of this process in µs: unlike the wall clock, it does not count time spent waiting for a core. */
const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const signals = new Subject<TransportSignal>();
const client = createClient({
  url: 'test://micro',
  transport: () => signals,
  reconnect: false,
});
let received = 0;
client.groupMessages$.subscribe(() => received++);
signals.next({ type: 'open', generation: 1, send: () => undefined });

function sdkRound(): number {
  const start = cpuNow();
  for (let i = 0; i < N; i++) signals.next(frames[i & 255] as string);
  return ((cpuNow() - start) * 1000) / N;
}

function rawRound(): number {
  let count = 0;
  const start = cpuNow();
  for (let i = 0; i < N; i++) {
    const event = JSON.parse(frames[i & 255] as string) as { post_type?: string; message_type?: string };
    if (event.post_type === 'message' && event.message_type === 'group') count++;
  }
  if (count !== N) throw new Error('raw miscounted');
  return ((cpuNow() - start) * 1000) / N;
}

const ROUNDS = 15;
const rawTimes: number[] = [];
const sdkTimes: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  rawTimes.push(rawRound());
  sdkTimes.push(sdkRound());
}
const best = (times: number[]): number => Math.min(...times);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ratios = rawTimes.map((raw, i) => raw / (sdkTimes[i] as number));
console.log(
  `best of ${ROUNDS}: raw ${best(rawTimes).toFixed(0)} ns, onebot-rx ${best(sdkTimes).toFixed(0)} ns per event ` +
    `(SDK's own ${(best(sdkTimes) - best(rawTimes)).toFixed(0)} ns); median paired ratio ${median(ratios).toFixed(2)}`,
);
if (received !== ROUNDS * N) throw new Error(`received ${received}, expected ${ROUNDS * N}`);
void client.close();
