/**
 * Micro-benchmark of the action path alone (no socket), in CPU time: `client.api.send_group_msg(...)` through a real
 * client on an in-process transport, 1,000 calls in flight, each completion subscribing the next (the bench
 * client's shape), versus the same work with no SDK (a Map by echo, `JSON.stringify` / `JSON.parse`). The
 * "server" (parse the request's echo, write the reply text) is the same for both. `npx tsx bench/micro-actions.ts`.
 */
import { Subject } from 'rxjs';
import { createClient } from '../src/index';
import type { TransportSignal } from '../src/transport/types';

const N = 100_000;
/** CPU time of this process in µs: unlike the wall clock, it does not count time spent waiting for a core. */
const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const IN_FLIGHT = 1_000;
const signals = new Subject<TransportSignal>();
/** Request frames written and not yet answered, oldest first. */
const requests: string[] = [];
let head = 0;
const client = createClient({ url: 'test://micro', transport: () => signals, reconnect: false });
const connection = client.connect();
signals.next({ type: 'open', generation: 1, send: (text: string) => void requests.push(text) });

/** The oldest unanswered request, taken off the queue (not retained once answered). */
function nextRequest(): string {
  const request = requests[head] as string;
  requests[head++] = '';
  return request;
}

/** The load server's reply to `request`, found by its echo. */
function replyTo(request: string, messageId: number): string {
  const echo = (JSON.parse(request) as { echo: string }).echo;
  return `{"status":"ok","retcode":0,"data":{"message_id":${messageId}},"message":"","wording":"","echo":${JSON.stringify(echo)},"stream":"normal-action"}`;
}

function sdkRound(): number {
  let launched = 0;
  let answered = 0;
  const check = (result: { message_id: unknown }): void => {
    if (typeof result.message_id !== 'number') throw new Error('bad result');
    answered++;
  };
  const fail = (error: unknown): void => {
    throw error;
  };
  const launch = (): void => {
    if (launched === N) return;
    launched++;
    client.api.send_group_msg({ group_id: 1, message: 'hi' }).subscribe({ next: check, error: fail, complete: launch });
  };
  const start = cpuNow();
  for (let i = 0; i < IN_FLIGHT; i++) launch();
  for (let id = 1; head < requests.length; id++) signals.next(replyTo(nextRequest(), id));
  if (answered !== N) throw new Error(`answered ${answered} of ${N}`);
  requests.length = 0;
  head = 0;
  return ((cpuNow() - start) * 1000) / N;
}

function rawRound(): number {
  const pending = new Map<string, number>();
  let sent = 0;
  let answered = 0;
  const sendNext = (): void => {
    const echo = `raw-${sent}`;
    pending.set(echo, sent++);
    requests.push(JSON.stringify({ action: 'send_group_msg', params: { group_id: 1, message: 'hi' }, echo }));
  };
  const start = cpuNow();
  for (let i = 0; i < IN_FLIGHT; i++) sendNext();
  for (let id = 1; head < requests.length; id++) {
    const reply = JSON.parse(replyTo(nextRequest(), id)) as { status: string; echo: string; data: { message_id: unknown } };
    if (!pending.delete(reply.echo) || reply.status !== 'ok' || typeof reply.data.message_id !== 'number') throw new Error('bad reply');
    answered++;
    if (sent < N) sendNext();
  }
  if (answered !== N) throw new Error(`raw answered ${answered} of ${N}`);
  requests.length = 0;
  head = 0;
  return ((cpuNow() - start) * 1000) / N;
}

const ROUNDS = Number(process.argv[2] ?? 15);
const rawTimes: number[] = [];
const sdkTimes: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  rawTimes.push(rawRound());
  sdkTimes.push(sdkRound());
}
const best = (times: number[]): number => Math.min(...times);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
console.log(
  `best of ${ROUNDS}: raw ${best(rawTimes).toFixed(0)} ns, onebot-rx ${best(sdkTimes).toFixed(0)} ns per round trip ` +
    `(SDK's own ${(best(sdkTimes) - best(rawTimes)).toFixed(0)} ns); medians raw ${median(rawTimes).toFixed(0)}, onebot-rx ${median(sdkTimes).toFixed(0)}`,
);
connection.unsubscribe();
void client.close();
