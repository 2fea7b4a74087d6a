/**
 * Slow subscribers: 500,000 group messages arrive as fast as a socket delivers them, and each takes 1 ms to
 * handle. Compares a `concatMap` pipeline (an unbounded queue) with `client.handle` (bounded queues) on heap and
 * on what was handled or dropped. One policy per process (`--policy concatMap|serial|conversation`), run with
 * `node --expose-gc --import tsx bench/slow-subscriber.ts --policy <p>`; prints one JSON line.
 */
import { Observable, concatMap, timer } from 'rxjs';
import { createClient, isQueueOverflowError } from '../src/index';
import type { SocketOpen, TransportSignal } from '../src/transport/types';

const EVENTS = Number(process.env.EVENTS ?? 500_000);
const GROUPS = 1_000;
const policy = process.argv[process.argv.indexOf('--policy') + 1] ?? 'concatMap';
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const gc = (globalThis as { gc?: () => void }).gc;

function frame(i: number): string {
  return JSON.stringify({
    time: 1_764_000_000, self_id: 10000, post_type: 'message', message_type: 'group', sub_type: 'normal',
    message_id: i, group_id: 300001 + (i % GROUPS), user_id: 20001, anonymous: null, font: 0,
    message: [{ type: 'text', data: { text: `message ${i}` } }], raw_message: `message ${i}`,
    sender: { user_id: 20001, nickname: 'Alice', card: '', role: 'member' },
  });
}

/** A socket that delivers every frame in batches of 1,000 per macrotask: as fast as a busy server would. */
let delivered = 0;
const transport = () =>
  new Observable<TransportSignal>((subscriber) => {
    const socket: SocketOpen = { type: 'open', generation: 1, send: () => true };
    subscriber.next(socket);
    let i = 0;
    const pump = (): void => {
      for (const end = Math.min(i + 1_000, EVENTS); i < end; i++) {
        subscriber.next(frame(i));
        delivered++;
      }
      if (i < EVENTS) setImmediate(pump);
    };
    setImmediate(pump);
  });

async function main(): Promise<void> {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const client = createClient({ url: 'ws://unused', transport, reconnect: false });
  let handled = 0;
  let dropped = 0;
  let peak = heapBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
  const started = performance.now();
  const work = () => timer(1);
  if (policy === 'concatMap') {
    client.groupMessages$.pipe(concatMap(() => work())).subscribe(() => handled++);
  } else {
    client.errors$.subscribe((e) => {
      const cause = (e as { cause?: unknown }).cause;
      if (isQueueOverflowError(cause)) dropped = cause.dropped;
    });
    client.handle('message.group', () => work().pipe(concatMap(async () => void handled++)), {
      concurrency: policy === 'serial' ? 'serial' : 'conversation',
    });
  }
  // Sample for 12 s, as issue 17 did; then stop the handlers so the last drop count is reported.
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  await client.close();
  clearInterval(sampler);
  gc?.();
  const heapEnd = process.memoryUsage().heapUsed;
  const result = { policy, events: EVENTS, seconds: Math.round((performance.now() - started) / 1000), heapBeforeMB: mb(heapBefore), heapPeakMB: mb(peak), heapAfterGcMB: mb(heapEnd), delivered, handled, dropped };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

void main();
