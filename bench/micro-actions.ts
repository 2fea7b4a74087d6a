/**
 * Micro-benchmark of the action core alone (no socket): subscribe a call, route its reply, per round trip.
 * Isolates the SDK's per-call cost from the network: `npx tsx bench/micro-actions.ts`.
 */
import { asyncScheduler } from 'rxjs';
import { createCaller } from '../src/action/caller';
import { CATALOGUE } from '../src/action/catalogue';
import type { ActionDef } from '../src/action/define';
import { decodeFrame, type ReplyFrame } from '../src/codec/frame';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const replies: string[] = [];
const caller = createCaller({
  catalogue: CATALOGUE as unknown as Record<string, ActionDef>,
  link: () => ({
    hold: () => ({ unsubscribe: () => undefined }),
    socket: () => ({ type: 'open', generation: 1, send: (text: string) => replies.push(text) > 0 }),
    closedError: () => undefined,
  }),
  scheduler: asyncScheduler,
  defaultTimeout: 30_000,
  strictResults: false,
  tag: 'bench',
  logger: silent,
  report: () => undefined,
  fatal: () => undefined,
});

const N = 100_000;
let done = 0;
function round(): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    caller.call('send_group_msg', { group_id: 123456, message: 'hello' }).subscribe(() => done++);
    const request = JSON.parse(replies.pop() as string) as { echo: string };
    const text = `{"status":"ok","retcode":0,"data":{"message_id":${i}},"message":"","wording":"","echo":"${request.echo}"}`;
    caller.reply(decodeFrame(text) as ReplyFrame);
  }
  return Number(process.hrtime.bigint() - start) / N;
}
/** The same work with no SDK: stringify the request, parse it back, build and parse the reply, a Map entry. */
function rawRound(): number {
  const pending = new Map<string, (data: unknown) => void>();
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const echo = `raw:${i}`;
    pending.set(echo, () => done++);
    replies.push(JSON.stringify({ action: 'send_group_msg', params: { group_id: 123456, message: [{ type: 'text', data: { text: 'hello' } }] }, echo }));
    const request = JSON.parse(replies.pop() as string) as { echo: string };
    const reply = JSON.parse(`{"status":"ok","retcode":0,"data":{"message_id":${i}},"message":"","wording":"","echo":"${request.echo}"}`) as { echo: string; data: unknown };
    const resolve = pending.get(reply.echo);
    pending.delete(reply.echo);
    resolve?.(reply.data);
  }
  return Number(process.hrtime.bigint() - start) / N;
}

for (let r = 0; r < 5; r++) {
  const raw = rawRound();
  const sdk = round();
  console.log(`raw ${raw.toFixed(0)} ns, action core ${sdk.toFixed(0)} ns per round trip: ratio ${(raw / sdk).toFixed(2)}`);
}
