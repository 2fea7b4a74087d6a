/**
 * Downloads a file through NapCat's Stream API with a terminal progress bar: from the simulator into a
 * temporary folder (removed at the end), from a real NapCat into `$ONEBOT_DOWNLOAD_DIR` (default ./downloads).
 *
 *   npx tsx examples/download-with-progress.ts                  # a 32 MB file from the embedded simulator
 *   ONEBOT_URL=ws://127.0.0.1:3001 ONEBOT_TOKEN=secret npx tsx examples/download-with-progress.ts <file id or path>
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncScheduler, lastValueFrom, tap, throttleTime } from 'rxjs';
import { type Progress, type WriteEvent, createClient, progressOf } from 'onebot-rx';
import { createSimulator } from 'onebot-rx/testing';

const BAR_WIDTH = 30;

/** `1536` → `1.5 KB`. */
function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** One line of the bar: `[███████░░░]  70.0%  22.4 MB / 32.0 MB  80.1 MB/s  ETA 0.1 s`. */
export function progressLine(event: WriteEvent & Progress): string {
  const filled = Math.round((event.percent / 100) * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const done = event.kind === 'progress' ? event.receivedBytes : event.totalBytes;
  const eta = event.etaMs === undefined ? '…' : `${(event.etaMs / 1000).toFixed(1)} s`;
  return `[${bar}] ${event.percent.toFixed(1).padStart(5)}%  ${formatBytes(done)} / ${formatBytes(event.totalBytes)}  ${formatBytes(event.bytesPerSecond)}/s  ETA ${eta}`;
}

/** Where to download from: a real server from the environment, or a simulator serving a fresh file. */
async function source(): Promise<{ url: string; token?: string; fileId: string; outDir: string; stop: () => Promise<void> }> {
  const url = process.env['ONEBOT_URL'];
  if (url !== undefined) {
    const fileId = process.argv[2];
    if (fileId === undefined) throw new Error('give the file id or path to download');
    return { url, token: process.env['ONEBOT_TOKEN'], fileId, outDir: process.env['ONEBOT_DOWNLOAD_DIR'] ?? 'downloads', stop: () => Promise.resolve() };
  }
  const sim = await createSimulator({ heartbeatInterval: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'onebot-rx-example-'));
  const fileId = join(dir, 'video.mp4');
  writeFileSync(fileId, randomBytes(32 * 1024 * 1024));
  return {
    url: sim.url,
    fileId,
    outDir: join(dir, 'downloads'),
    stop: async () => {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const from = await source();
  const client = createClient({ url: from.url, ...(from.token === undefined ? {} : { accessToken: from.token }) });
  try {
    const done = await lastValueFrom(
      client.downloadFileStreamToFile(from.fileId, { dir: from.outDir }).pipe(
        progressOf(),
        throttleTime(100, asyncScheduler, { leading: true, trailing: true }),
        tap((event) => process.stdout.write(`\r${progressLine(event)}`)),
      ),
    );
    process.stdout.write('\n');
    console.log(done.kind === 'complete' ? `saved ${done.path} (${formatBytes(done.totalBytes)})` : 'no file');
  } finally {
    await client.close();
    await from.stop();
  }
}

main().catch((error: unknown) => {
  process.stdout.write('\n');
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
