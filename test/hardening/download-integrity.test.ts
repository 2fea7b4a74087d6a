import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, type TransferError, createClient, isTransferError } from '../../src/index';
import { all, failure, tempDir } from '../stream/helpers';
import { type Loopback, startLoopback } from '../transport/loopback';

/** The `data` of each frame a raw server sends for one download request. */
type Script = (params: Record<string, unknown>) => Array<Record<string, unknown>>;

const open: Array<{ server: Loopback; client: Client }> = [];

afterEach(async () => {
  for (const { server, client } of open.splice(0)) {
    await client.close();
    await server.close();
  }
});

/** A raw `ws` server answering every stream download with `script`'s frames, in one burst. */
async function rawDownloadServer(script: Script): Promise<Client> {
  const server = await startLoopback();
  server.server.on('connection', (socket) => {
    socket.on('message', (text) => {
      const { action, params, echo } = JSON.parse(String(text)) as { action: string; params: Record<string, unknown>; echo: unknown };
      if (!action.startsWith('download_file')) return;
      for (const data of script(params)) {
        const failed = data.type === 'error';
        socket.send(
          JSON.stringify({ status: failed ? 'failed' : 'ok', retcode: failed ? 1200 : 0, data, message: '', wording: '', echo, stream: 'stream-action' }),
        );
      }
    });
  });
  const client = createClient({ url: server.url, reconnect: false, actionTimeout: 10_000 });
  open.push({ server, client });
  return client;
}

const info = (fileSize: number, extra: Record<string, unknown> = {}) => ({
  type: 'stream',
  data_type: 'file_info',
  file_name: 'report.bin',
  file_size: fileSize,
  chunk_size: 1000,
  ...extra,
});
const chunk = (index: number, bytes: Buffer, data = bytes.toString('base64')) => ({
  type: 'stream',
  data_type: 'file_chunk',
  index,
  data,
  size: bytes.length,
  progress: 0,
  base64_size: data.length,
});
const complete = (totalChunks: number, totalBytes: number, extra: Record<string, unknown> = {}) => ({
  type: 'response',
  data_type: 'file_complete',
  total_chunks: totalChunks,
  total_bytes: totalBytes,
  message: 'Download completed',
  ...extra,
});

const FILE = randomBytes(4000);
const part = (i: number) => FILE.subarray(i * 1000, (i + 1) * 1000);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** An intact 4-chunk download of {@link FILE}, with `patch` applied to its frame list. */
const frames = (patch: (list: Array<Record<string, unknown>>) => void = () => undefined): Script => () => {
  const list = [info(4000), ...[0, 1, 2, 3].map((i) => chunk(i, part(i))), complete(4, 4000)];
  patch(list);
  return list;
};

/** The code of the TransferError `source` fails with. */
async function codeOf(source: Parameters<typeof failure>[0]): Promise<string> {
  const error = await failure(source);
  expect(isTransferError(error), String(error)).toBe(true);
  return (error as TransferError).code;
}

/** Every way of downloading one file, the chunk stream and the two *ToFile targets, each with its directory. */
function everyWay(client: Client) {
  const dir = tempDir();
  return {
    dir,
    ways: [
      client.downloadFileStream('f1'),
      client.downloadFileStreamToFile('f1', { dir }),
      client.downloadFileImageStreamToFile('f1', { path: join(dir, 'exact.bin') }),
    ],
  };
}

const CORRUPTIONS: Array<[name: string, script: Script, code: string]> = [
  // 1000 bytes of base64 with '!' in it: Buffer.from skips the stray characters instead of failing.
  ['a chunk with invalid base64 characters', frames((l) => (l[3] = chunk(2, part(2), `${part(2).toString('base64').slice(0, 600)}!!${part(2).toString('base64').slice(602)}`))), 'CORRUPT'],
  ['a chunk without its padding', frames((l) => (l[3] = chunk(2, part(2), part(2).toString('base64').replace(/=+$/, '')))), 'CORRUPT'],
  ['a chunk in URL-safe base64', frames((l) => (l[3] = chunk(2, part(2), part(2).toString('base64url')))), 'CORRUPT'],
  ['a skipped chunk', frames((l) => l.splice(3, 1)), 'CORRUPT'],
  ['a chunk sent twice', frames((l) => l.splice(3, 0, chunk(1, part(1)))), 'CORRUPT'],
  ['two chunks swapped', frames((l) => ([l[2], l[3]] = [l[3]!, l[2]!])), 'CORRUPT'],
  ['a chunk whose bytes disagree with its size', frames((l) => (l[2] = { ...chunk(1, part(1)), size: 999 })), 'CORRUPT'],
  ['a short file whose completion claims the announced size', frames((l) => l.splice(4, 2, complete(3, 4000))), 'SIZE_MISMATCH'],
  ['a completion whose chunk count differs', frames((l) => (l[5] = complete(5, 4000))), 'SIZE_MISMATCH'],
  ['a short file announced as 4000 bytes, consistently counted short at the end', frames((l) => l.splice(4, 2, complete(3, 3000))), 'SIZE_MISMATCH'],
  ['more bytes than announced', frames((l) => l.splice(5, 1, chunk(4, part(0)), complete(5, 5000))), 'SIZE_MISMATCH'],
  ['bytes that do not hash to the announced sha256', frames((l) => (l[0] = info(4000, { sha256: sha(Buffer.from('other')) }))), 'SHA256_MISMATCH'],
  [
    'a final sha256 that contradicts the announced one',
    frames((l) => {
      l[0] = info(4000, { sha256: sha(FILE) });
      l[5] = complete(4, 4000, { sha256: sha(Buffer.from('other')) });
    }),
    'SHA256_MISMATCH',
  ],
  ['a sha256 given only in file_complete that the bytes do not hash to', frames((l) => (l[5] = complete(4, 4000, { sha256: sha(Buffer.from('other')) }))), 'SHA256_MISMATCH'],
];

describe('a server that sends a corrupt or short download (raw ws server)', () => {
  it.each(CORRUPTIONS)('fails on %s with a typed TransferError and leaves no file', async (_name, script, code) => {
    const client = await rawDownloadServer(script);
    const { dir, ways } = everyWay(client);
    for (const way of ways) expect(await codeOf(way)).toBe(code);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('completes an intact download, with or without a sha256, upper- or lower-case', async () => {
    for (const announced of [undefined, sha(FILE), sha(FILE).toUpperCase()]) {
      const client = await rawDownloadServer(
        frames((l) => {
          if (announced !== undefined) l[0] = info(4000, { sha256: announced });
          if (announced !== undefined) l[5] = complete(4, 4000, { sha256: announced }); // and only at the end
        }),
      );
      const chunks = await all(client.downloadFileStream('f1'));
      expect(Buffer.concat(chunks.map((c) => c.data)).equals(FILE)).toBe(true);
      const dir = tempDir();
      await all(client.downloadFileStreamToFile('f1', { dir }));
      expect(readFileSync(join(dir, 'report.bin')).equals(FILE)).toBe(true);
      expect(readdirSync(dir)).toEqual(['report.bin']);
    }
  });

  it('trusts file_complete over file_size for a converted voice message (NapCat announces the source size)', async () => {
    const client = await rawDownloadServer(frames((l) => (l[0] = info(1234, { out_format: 'mp3' }))));
    const chunks = await all(client.downloadFileRecordStream('f1', 'mp3'));
    expect(chunks.at(-1)?.receivedBytes).toBe(4000);
    expect(await codeOf(client.downloadFileRecordStream('f1'))).toBe('SIZE_MISMATCH');
  });
});

describe('file-system failures while writing a download (raw ws server)', () => {
  it('refuses a server file name too long for the file system before writing anything', async () => {
    const client = await rawDownloadServer(frames((l) => (l[0] = { ...info(4000), file_name: `${'n'.repeat(300)}.bin` })));
    const dir = tempDir();
    const error = (await failure(client.downloadFileStreamToFile('f1', { dir }))) as TransferError;
    expect([error.name, error.code, error.fileId]).toEqual(['TransferError', 'SERVER', 'f1']);
    expect(error.message).toContain('304 bytes long');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('maps ENAMETOOLONG on the final rename to FILE_SYSTEM and removes the temporary file', async () => {
    const client = await rawDownloadServer(frames());
    const dir = tempDir();
    const error = (await failure(client.downloadFileStreamToFile('f1', { path: join(dir, `${'x'.repeat(300)}.bin`) }))) as TransferError;
    expect([error.name, error.code, (error.cause as { code?: string }).code]).toEqual(['TransferError', 'FILE_SYSTEM', 'ENAMETOOLONG']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('maps a target directory that cannot be created to FILE_SYSTEM', async () => {
    const client = await rawDownloadServer(frames());
    const blocker = join(tempDir(), 'not-a-dir');
    writeFileSync(blocker, 'x');
    const error = (await failure(client.downloadFileStreamToFile('f1', { dir: join(blocker, 'sub') }))) as TransferError;
    expect([error.code, isTransferError(error)]).toEqual(['FILE_SYSTEM', true]);
    expect(existsSync(join(blocker, 'sub'))).toBe(false);
  });
});
