/**
 * Stream API throughput: onebot-rx vs a raw `ws` client doing the same base64 chunking, against the
 * simulator, interleaved in one run (medians of several rounds, paired ratios), plus the peak RSS of a
 * large `downloadFileStreamToFile` measured in a fresh child process (and the simulator's growth meanwhile;
 * it reads the file one chunk at a time, so both stay flat).
 *
 *   npx tsx bench/streams.ts                      # 64 MB transfers, 5 rounds, a 256 MB download for RSS
 *   npx tsx bench/streams.ts --mb 128 --rounds 7 --large-mb 1024
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom } from 'rxjs';
import WebSocket from 'ws';
import { createClient } from '../src/index';
import { createSimulator } from '../src/testing/index';

const CHUNK = 256 * 1024;
const WINDOW = 4;
const DOWNLOAD_CHUNK = 256 * 1024;

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const mbPerSec = (bytes: number, ms: number): number => bytes / 1024 / 1024 / (ms / 1000);

/** A raw client: one ws, echo-correlated JSON requests, replies routed through a Map. */
async function rawClient(url: string) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const handlers = new Map<string, (reply: { status: string; data: Record<string, unknown> | null }) => void>();
  let counter = 0;
  ws.on('message', (raw: WebSocket.RawData) => {
    const reply = JSON.parse(raw.toString()) as { echo?: string; status: string; data: Record<string, unknown> | null };
    if (reply.echo !== undefined) handlers.get(reply.echo)?.(reply);
  });
  const request = (action: string, params: object, onReply: (reply: { status: string; data: Record<string, unknown> | null }) => void): void => {
    const echo = `raw:${++counter}`;
    handlers.set(echo, onReply);
    ws.send(JSON.stringify({ action, params, echo }));
  };
  const call = (action: string, params: object) =>
    new Promise<Record<string, unknown>>((resolve, reject) =>
      request(action, params, (reply) => (reply.status === 'ok' ? resolve(reply.data ?? {}) : reject(new Error(JSON.stringify(reply))))),
    );
  return { ws, request, call, forget: (echo: string) => handlers.delete(echo) };
}

type Raw = Awaited<ReturnType<typeof rawClient>>;

/** Raw upload: `WINDOW` chunk requests in flight, base64 per chunk, then `is_complete`. */
async function rawUpload(raw: Raw, data: Buffer, streamId: string): Promise<void> {
  const total = Math.ceil(data.length / CHUNK);
  let next = 0;
  const hash = createHash('sha256');
  const lane = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      const chunk = data.subarray(index * CHUNK, (index + 1) * CHUNK);
      hash.update(chunk);
      await raw.call('upload_file_stream', {
        stream_id: streamId,
        chunk_data: chunk.toString('base64'),
        chunk_index: index,
        total_chunks: total,
        file_size: data.length,
        filename: streamId,
        file_retention: 300_000,
      });
    }
  };
  await Promise.all(Array.from({ length: WINDOW }, lane));
  hash.digest('hex');
  await raw.call('upload_file_stream', { stream_id: streamId, is_complete: true });
}

/** Raw download: every frame parsed, every chunk decoded, until the `response` frame. */
function rawDownload(raw: Raw, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    raw.request('download_file_stream', { file, chunk_size: DOWNLOAD_CHUNK }, (reply) => {
      if (reply.status !== 'ok') return reject(new Error('download failed'));
      const data = reply.data as { type: string; data_type: string; data?: string };
      if (data.data_type === 'file_chunk') bytes += Buffer.from(data.data ?? '', 'base64').length;
      if (data.type === 'response') resolve(bytes);
    });
  });
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Peak resident memory of this process, sampled every 5 ms while `run` is pending (in bytes). */
async function peakRssDuring(run: () => Promise<unknown>): Promise<{ baseline: number; peak: number }> {
  const baseline = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  // The high-water mark also covers startup (and what a forked child inherits), so it only counts when it rose.
  const maxAfter = process.resourceUsage().maxRSS;
  return { baseline, peak: maxAfter > maxBefore ? Math.max(peak, maxAfter * 1024) : peak };
}

/** The child process: downloads `file` to a temp dir through onebot-rx and prints its peak RSS. */
async function rssChild(url: string, file: string): Promise<void> {
  const client = createClient({ url });
  const dir = mkdtempSync(join(tmpdir(), 'onebot-rx-bench-rss-'));
  try {
    const { baseline, peak } = await peakRssDuring(() => lastValueFrom(client.downloadFileStreamToFile(file, { dir }, { chunkSize: DOWNLOAD_CHUNK })));
    console.log(JSON.stringify({ baselineMb: baseline / 1048576, peakMb: peak / 1048576 }));
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(url: string, file: string): Promise<{ baselineMb: number; peakMb: number }> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--rss-child', url, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as { baselineMb: number; peakMb: number }) : reject(new Error(`child exited ${code}`)))),
  );
}

async function main(): Promise<void> {
  const mb = arg('mb', 64);
  const rounds = arg('rounds', 5);
  const largeMb = arg('large-mb', 256);
  const sim = await createSimulator({ heartbeatInterval: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'onebot-rx-bench-'));
  const data = randomBytes(mb * 1024 * 1024);
  const file = join(dir, 'payload.bin');
  writeFileSync(file, data);
  const client = createClient({ url: sim.url, actionTimeout: 60_000 });
  client.connect();
  const raw = await rawClient(sim.url);
  const results = { rawUp: [] as number[], rxUp: [] as number[], rawDown: [] as number[], rxDown: [] as number[] };
  try {
    for (let round = 0; round < rounds; round++) {
      const runs: Array<[keyof typeof results, () => Promise<unknown>]> = [
        ['rawUp', () => rawUpload(raw, data, `raw-${round}`)],
        ['rxUp', () => lastValueFrom(client.uploadFileStream(data, { streamId: `rx-${round}`, chunkSize: CHUNK, window: WINDOW }))],
        ['rawDown', () => rawDownload(raw, file)],
        ['rxDown', () => lastValueFrom(client.downloadFileStream(file, { chunkSize: DOWNLOAD_CHUNK }))],
      ];
      const order = round % 2 === 0 ? runs : [runs[1]!, runs[0]!, runs[3]!, runs[2]!];
      for (const [name, run] of order) results[name].push(mbPerSec(data.length, await timed(run)));
      await lastValueFrom(client.cleanStreamTempFile());
    }
    const ratio = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));
    console.log(`Stream API, ${mb} MB, chunks of ${CHUNK / 1024} KiB, window ${WINDOW}, ${rounds} rounds (median MB/s)`);
    console.log(`  upload    raw ${median(results.rawUp).toFixed(1)}  onebot-rx ${median(results.rxUp).toFixed(1)}  ratio ${ratio(results.rxUp, results.rawUp).toFixed(2)}×`);
    console.log(`  download  raw ${median(results.rawDown).toFixed(1)}  onebot-rx ${median(results.rxDown).toFixed(1)}  ratio ${ratio(results.rxDown, results.rawDown).toFixed(2)}×`);

    const large = join(dir, 'large.bin');
    writeFileSync(large, Buffer.alloc(0));
    for (let i = 0; i < largeMb / 64; i++) writeFileSync(large, randomBytes(64 * 1024 * 1024), { flag: 'a' });
    let rss = { baselineMb: 0, peakMb: 0 };
    const server = await peakRssDuring(async () => (rss = await runChild(sim.url, large)));
    console.log(
      `  ${largeMb} MB downloadFileStreamToFile: peak RSS ${rss.peakMb.toFixed(0)} MB, ${(rss.peakMb - rss.baselineMb).toFixed(0)} MB above the client's baseline` +
        ` (simulator: ${((server.peak - server.baseline) / 1048576).toFixed(0)} MB above its own)`,
    );
  } finally {
    raw.ws.close();
    await client.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const child = process.argv.indexOf('--rss-child');
(child >= 0 ? rssChild(process.argv[child + 1]!, process.argv[child + 2]!) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
