/**
 * The Redis stage's baselines, written by hand with `ws` and ioredis: the raw pipeline (the ratio), the
 * engine alone (prebuilt XADDs) and the raw XADDs alone.
 */
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { partitionOf } from '../../src/redis/partition';
import { EVENT_FIELDS as E } from '../../src/redis/wire';
import { type Run, measured } from './measure';
import { BURST, EVENTS, FRAMES, PARTITIONS } from './options';

/** The stream names of one raw run's partitions. */
export const streamsOf = (prefix: string): string[] => Array.from({ length: PARTITIONS }, (_, p) => `${prefix}:events:${p}`);

/** XADDs every frame in pipelines of {@link BURST} to `streams`. */
async function produce(producer: Redis, streams: readonly string[]): Promise<void> {
  for (let i = 0; i < EVENTS; i += BURST) {
    const pipeline = producer.pipeline();
    for (let j = i; j < Math.min(EVENTS, i + BURST); j++) {
      pipeline.xadd(streams[j % PARTITIONS]!, '*', E.id, `raw-${j}`, E.frame, FRAMES[j % FRAMES.length]!, E.self, '3889012345', E.time, String(Date.now()));
    }
    await pipeline.exec();
  }
}

/**
 * XADDs `count` of the load server's frames (prebuilt, one pipeline) to their conversations' partitions among
 * `streams`, as the gateway would: the untimed warm-up of a run's consumers.
 */
export async function prime(producer: Redis, streams: readonly string[], count: number): Promise<void> {
  const pipeline = producer.pipeline();
  for (let j = 0; j < count; j++) {
    const frame = FRAMES[j % FRAMES.length]!;
    const partition = partitionOf(JSON.parse(frame) as { self_id: number; group_id: number }, PARTITIONS);
    pipeline.xadd(streams[partition]!, '*', E.id, `warm-${j}`, E.frame, frame, E.self, '3889012345', E.time, String(Date.now()));
  }
  await pipeline.exec();
}

/** The producer half alone: the raw XADDs (what a gateway's work compares with). */
export async function rawProducer(url: string, round: number): Promise<Run> {
  const producer = new Redis(url);
  const run = await measured(producer, EVENTS, () => produce(producer, streamsOf(`rawp${round}`)));
  producer.disconnect();
  return run;
}

/** The raw engine: XADD every frame (pipelined), one consumer XREADGROUP COUNT 200 + XACK until every entry is acked. */
export async function engine(url: string, round: number): Promise<Run> {
  const producer = new Redis(url);
  const consumer = new Redis(url);
  const streams = streamsOf(`raw${round}`);
  for (const s of streams) await producer.xgroup('CREATE', s, 'g', '0', 'MKSTREAM');
  const run = await measured(producer, EVENTS, async () => {
    const consume = rawConsume(consumer, streams);
    await produce(producer, streams);
    await consume;
  });
  producer.disconnect();
  consumer.disconnect();
  return run;
}

/** The entries of one XREADGROUP reply, by stream: `[stream, [id, fields][]][]`. */
export type ReadReply = [string, [string, string[]][]][] | null;

/** One XREADGROUP of the raw consumers: COUNT 200 across `streams`, blocking up to 100 ms. */
export const readBatch = (consumer: Redis, streams: readonly string[], name: string): Promise<ReadReply> =>
  consumer.xreadgroup('GROUP', 'g', name, 'COUNT', 200, 'BLOCK', 100, 'STREAMS', ...streams, ...streams.map(() => '>')) as Promise<ReadReply>;

/**
 * One raw consumer: XREADGROUP COUNT 200 across `streams`, `JSON.parse` of each frame, one XACK pipeline per
 * read, until {@link EVENTS} entries are acknowledged.
 */
async function rawConsume(consumer: Redis, streams: readonly string[]): Promise<void> {
  let acked = 0;
  while (acked < EVENTS) {
    const reply = await readBatch(consumer, streams, 'c');
    const pipeline = consumer.pipeline();
    for (const [stream, entries] of reply ?? []) {
      for (const [, fields] of entries) JSON.parse(fields[3]!);
      if (entries.length > 0) pipeline.xack(stream, 'g', ...entries.map(([id]) => id));
      acked += entries.length;
    }
    await pipeline.exec();
  }
}

/**
 * The producer half of the job by hand: a `ws` client takes `events` frames from the load server,
 * `JSON.parse`s each for its routing key and XADDs the frame text with the gateway's fields to the
 * conversation's partition, the events of one tick in one pipeline. Returns the socket (to close after the run).
 */
export function feedFromSocket(producer: Redis, loadUrl: string, streams: readonly string[], events: number): WebSocket {
  let pipeline: ReturnType<Redis['pipeline']> | undefined;
  let seq = 0;
  const write = () => {
    const batch = pipeline!;
    pipeline = undefined;
    void batch.exec();
  };
  const socket = new WebSocket(`${loadUrl}/?mode=events&count=${events}`);
  socket.on('message', (data) => {
    const text = data.toString();
    const event = JSON.parse(text) as { self_id: number; group_id?: number; user_id?: number; post_type: string };
    if (pipeline === undefined) {
      pipeline = producer.pipeline();
      setImmediate(write);
    }
    pipeline.xadd(streams[partitionOf(event, PARTITIONS)]!, '*', E.id, `raw-${++seq}`, E.frame, text, E.self, String(event.self_id), E.time, String(Date.now()));
  });
  return socket;
}

/**
 * The same job as the SDK's, written by hand (the baseline every other stage of this bench uses: a raw `ws` +
 * `JSON.parse` client): {@link feedFromSocket}, and one consumer reading and acknowledging as {@link rawConsume} does.
 */
export async function rawPipeline(url: string, loadUrl: string, round: number): Promise<Run> {
  const producer = new Redis(url);
  const consumer = new Redis(url);
  const streams = streamsOf(`rawws${round}`);
  for (const s of streams) await producer.xgroup('CREATE', s, 'g', '0', 'MKSTREAM');
  let socket: WebSocket | undefined;
  const run = await measured(producer, EVENTS, async () => {
    socket = feedFromSocket(producer, loadUrl, streams, EVENTS);
    await rawConsume(consumer, streams);
  });
  socket?.close();
  producer.disconnect();
  consumer.disconnect();
  return run;
}
