import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParamError, readParams, type Params } from '../params';
import type { UploadState } from '../transfers';
import type { World } from '../world';
import { StreamAnswer, type Handler, type HandlerContext, type HandlerTable } from './context';

const DEFAULT_CHUNK = 64 * 1024;

type StreamPackets = object[] | StreamAnswer;

const failure = (error: unknown): StreamAnswer =>
  new StreamAnswer([], {
    retcode: error instanceof ParamError ? 1400 : 1200,
    message: error instanceof Error ? error.message : String(error),
  });

/** Wraps a Stream API handler so that its failures (thrown or rejected) become stream error frames (1400 / 1200). */
function streaming(handle: (params: Params, ctx: HandlerContext) => StreamPackets | Promise<StreamPackets>): Handler {
  const wrap = (packets: StreamPackets): StreamAnswer => (packets instanceof StreamAnswer ? packets : new StreamAnswer(packets));
  return (params, ctx) => {
    try {
      const answer = handle(params, ctx);
      return answer instanceof Promise ? answer.then(wrap, failure) : wrap(answer);
    } catch (error) {
      return failure(error);
    }
  };
}

/** The bytes behind a download: its name, size and slices of up to `chunkSize` bytes produced on demand. */
interface DownloadSource {
  readonly name: string;
  readonly size: number;
  slices(chunkSize: number): AsyncGenerator<Buffer>;
}

function inMemory(name: string, bytes: Buffer): DownloadSource {
  return {
    name,
    size: bytes.length,
    async *slices(chunkSize) {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
    },
  };
}

/**
 * A file read with positional reads, one chunk at a time (so a download of any size keeps one chunk in
 * memory); opened when the first slice is pulled and closed however the reading ends.
 */
async function onDisk(name: string, path: string): Promise<DownloadSource> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`not a file: ${path}`);
  const { size } = info;
  return {
    name,
    size,
    async *slices(chunkSize) {
      const handle = await open(path, 'r');
      try {
        for (let offset = 0; offset < size; ) {
          const buffer = Buffer.allocUnsafe(Math.min(chunkSize, size - offset));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
          if (bytesRead === 0) return;
          offset += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        await handle.close();
      }
    },
  };
}

/** Finds the bytes behind `file`: a group file id, `base64://`, a `file://` URL or a local path. */
async function openSource(world: World, file: string): Promise<DownloadSource> {
  for (const files of world.files.values()) {
    const entry = files.get(file);
    if (entry?.source !== undefined) return onDisk(entry.file_name, entry.source);
  }
  if (file.startsWith('base64://')) return inMemory('file', Buffer.from(file.slice('base64://'.length), 'base64'));
  const path = file.startsWith('file://') ? fileURLToPath(file) : file;
  try {
    return await onDisk(basename(path), path);
  } catch {
    throw new Error(`file not found: ${file}`);
  }
}

/** `file_chunk` packets made one slice at a time as they are pulled, then `file_complete`. */
async function* chunkPackets(source: DownloadSource, chunkSize: number): AsyncGenerator<object> {
  let index = 0;
  let sent = 0;
  for await (const slice of source.slices(chunkSize)) {
    const data = slice.toString('base64');
    sent += slice.length;
    const progress = Math.round((sent / source.size) * 100);
    yield { type: 'stream', data_type: 'file_chunk', index, data, size: slice.length, progress, base64_size: data.length };
    index += 1;
  }
  yield { type: 'response', data_type: 'file_complete', total_chunks: index, total_bytes: sent, message: 'Download completed' };
}

type DownloadKind = 'file' | 'image' | 'record';

function download(kind: DownloadKind): Handler {
  return streaming(async (params, ctx) => {
    try {
      const p = readParams(params, { file: 'string?', file_id: 'string?', chunk_size: 'number?', out_format: 'string?' });
      const source = await openSource(ctx.world, p.file || p.file_id || '');
      const chunkSize = p.chunk_size && p.chunk_size > 0 ? p.chunk_size : DEFAULT_CHUNK;
      const extra = kind === 'image' ? { width: 0, height: 0 } : kind === 'record' ? { out_format: p.out_format ?? 'mp3' } : {};
      const info = { type: 'stream', data_type: 'file_info', file_name: source.name, file_size: source.size, chunk_size: chunkSize, ...extra };
      return new StreamAnswer([info], undefined, chunkPackets(source, chunkSize));
    } catch (error) {
      throw new Error(`Download failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  });
}

const status = (stream: UploadState, value: 'file_created' | 'chunk_received') => ({
  type: 'stream',
  stream_id: stream.id,
  status: value,
  received_chunks: stream.chunks.size,
  total_chunks: stream.totalChunks,
});

function complete(ctx: HandlerContext, stream: UploadState): object {
  const parts: Buffer[] = [];
  for (let i = 0; i < stream.totalChunks; i += 1) {
    const chunk = stream.chunks.get(i);
    if (!chunk) throw new Error(`Missing chunk ${i}`);
    parts.push(chunk);
  }
  const bytes = Buffer.concat(parts);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (stream.expectedSha256 !== undefined && stream.expectedSha256.toLowerCase() !== sha256) {
    ctx.transfers.uploads.delete(stream.id);
    throw new Error(`SHA256 mismatch. Expected: ${stream.expectedSha256}, Got: ${sha256}`);
  }
  ctx.transfers.uploads.delete(stream.id);
  return {
    type: 'response',
    stream_id: stream.id,
    status: 'file_complete',
    received_chunks: stream.chunks.size,
    total_chunks: stream.totalChunks,
    file_path: ctx.transfers.store(stream.filename, bytes),
    file_size: bytes.length,
    ...(stream.expectedSha256 === undefined ? {} : { sha256 }),
  };
}

const UPLOAD_SPEC = {
  stream_id: 'string',
  chunk_data: 'string?',
  chunk_index: 'number?',
  total_chunks: 'number?',
  expected_sha256: 'string?',
  filename: 'string?',
  is_complete: 'boolean?',
  reset: 'boolean?',
  verify_only: 'boolean?',
} as const;

const upload = streaming((params, ctx) => {
  const p = readParams(params, UPLOAD_SPEC);
  const { uploads } = ctx.transfers;
  if (p.reset) {
    uploads.delete(p.stream_id);
    throw new Error('Stream reset completed');
  }
  const known = uploads.get(p.stream_id);
  if (p.verify_only) {
    if (!known) throw new Error('Stream not found');
    return [status(known, 'file_created')];
  }
  if (!known && !p.total_chunks) throw new Error('total_chunks required for new stream');
  const stream: UploadState = known ?? {
    id: p.stream_id,
    totalChunks: p.total_chunks ?? 0,
    expectedSha256: p.expected_sha256,
    filename: p.filename ?? p.stream_id,
    chunks: new Map(),
  };
  uploads.set(stream.id, stream);
  if (p.chunk_data && p.chunk_index !== undefined) {
    if (p.chunk_index < 0 || p.chunk_index >= stream.totalChunks) throw new Error(`Invalid chunk index: ${p.chunk_index}`);
    if (stream.chunks.has(p.chunk_index)) return [status(stream, 'file_created')];
    stream.chunks.set(p.chunk_index, Buffer.from(p.chunk_data, 'base64'));
    return [status(stream, 'chunk_received')];
  }
  if (p.is_complete || stream.chunks.size === stream.totalChunks) return [complete(ctx, stream)];
  return [status(stream, 'file_created')];
});

function testDownload(params: Params): StreamAnswer {
  const chunks = Array.from({ length: 10 }, (_, i) => ({ type: 'stream', data_type: 'data_chunk', data: `Index-> ${i + 1}` }));
  if (params['error'] === true || params['error'] === 'true') {
    return new StreamAnswer(chunks, { retcode: 1200, message: 'This is a test error' });
  }
  return new StreamAnswer([...chunks, { type: 'response', data_type: 'data_complete', data: 'Stream transmission complete' }]);
}

/** NapCat's Stream API: chunked downloads, chunked uploads with resume, and its test action. */
export const STREAM_HANDLERS: HandlerTable = {
  download_file_stream: download('file'),
  download_file_image_stream: download('image'),
  download_file_record_stream: download('record'),
  upload_file_stream: upload,
  test_download_stream: testDownload,
  clean_stream_temp_file: (_params, ctx) => {
    ctx.transfers.clean();
    return null;
  },
};
