/**
 * An upload interrupted by a dropped connection, then resumed with the same `streamId`: the second attempt
 * asks the server how far it got and sends only the chunks it never acknowledged.
 *
 *   npx tsx examples/upload-resume.ts
 */
import { createHash, randomBytes } from 'node:crypto';
import { filter, lastValueFrom, tap } from 'rxjs';
import { type UploadEvent, createClient, isTransferError } from 'onebot-rx';
import { type ActionCall, createSimulator } from 'onebot-rx/testing';

const CHUNK = 64 * 1024;
const CHUNKS = 64;

async function main(): Promise<void> {
  const sim = await createSimulator({ heartbeatInterval: 0 });
  const client = createClient({ url: sim.url, reconnect: { initialDelay: 50, jitter: 0 } });
  const data = randomBytes(CHUNK * CHUNKS);
  const options = { streamId: 'holiday-video', chunkSize: CHUNK, window: 2 };

  const chunkCalls: ActionCall[] = [];
  const watching = sim.calls$.pipe(filter((call) => call.params['chunk_index'] !== undefined)).subscribe((call) => {
    chunkCalls.push(call);
    if (chunkCalls.length === CHUNKS / 2) void sim.drop({ abrupt: true });
  });
  const show = (event: UploadEvent): void => {
    if (event.kind === 'progress' && event.bytesSent % (8 * CHUNK) === 0) {
      console.log(`  ${event.bytesSent} / ${event.totalBytes} bytes acknowledged`);
    }
  };

  try {
    console.log(`uploading ${data.length} bytes in ${CHUNKS} chunks; the connection drops half way`);
    await lastValueFrom(client.uploadFileStream(data, options).pipe(tap(show))).catch((error: unknown) => {
      if (!isTransferError(error)) throw error;
      console.log(`  failed: ${error.code} after ${chunkCalls.length} chunks were sent`);
    });

    const before = chunkCalls.length;
    console.log('resuming with the same streamId');
    const done = await lastValueFrom(client.uploadFileStream(data, options).pipe(tap(show)));
    if (done.kind !== 'complete') throw new Error('the upload did not complete');
    const ours = createHash('sha256').update(data).digest('hex');
    console.log(`  resent ${chunkCalls.length - before} of ${CHUNKS} chunks`);
    console.log(`  stored at ${done.filePath}, sha256 ${done.sha256 === ours ? 'matches' : 'DIFFERS'}`);
  } finally {
    watching.unsubscribe();
    await client.close();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
