import * as t from 'io-ts';
import { action, NoParams, type ActionDef } from '../../define';
import { AudioFormat } from '../files';
import { NAPCAT_ONLY } from '../napcat/common';
import { NoResult, optional, struct } from '../shared';
import { taggedUnion } from './tagged-union';
import { lazyRows } from '../../lazy-rows';

/** `data.type` of a Stream API frame: `stream` in between, `response` last, `error` on failure. */
export const StreamFrameType = t.keyof({ stream: null, response: null, reset: null, error: null }, 'StreamFrameType');
export type StreamFrameType = t.TypeOf<typeof StreamFrameType>;

/** The `data` of a stream action's error frame (`status: 'failed'`, the reason in the frame's `message`). */
export const StreamErrorData = struct(
  { type: t.literal('error'), data_type: t.literal('error') },
  'StreamErrorData',
);
export interface StreamErrorData extends t.TypeOf<typeof StreamErrorData> {}

/**
 * First frame of a download: the file's name and size, the chunk size in use; `width`/`height` for
 * `download_file_image_stream`, `out_format` for `download_file_record_stream`; `sha256` (hex) when the
 * server gives one (NapCat does not), which the download then checks.
 */
export const DownloadFileInfo = struct(
  {
    data_type: t.literal('file_info'),
    type: t.literal('stream'),
    file_name: t.string,
    file_size: t.number,
    chunk_size: t.number,
    width: optional(t.number),
    height: optional(t.number),
    out_format: optional(t.string),
    sha256: optional(t.string),
  },
  'DownloadFileInfo',
);
export interface DownloadFileInfo extends t.TypeOf<typeof DownloadFileInfo> {}

/** One chunk of a download: `data` is base64 of `size` bytes; `progress` is 0–100. */
export const DownloadFileChunk = struct(
  {
    data_type: t.literal('file_chunk'),
    type: t.literal('stream'),
    index: t.number,
    data: t.string,
    size: t.number,
    progress: t.number,
    base64_size: t.number,
  },
  'DownloadFileChunk',
);
export interface DownloadFileChunk extends t.TypeOf<typeof DownloadFileChunk> {}

/**
 * Last frame of a download: the true chunk and byte counts (`file_info.file_size` may differ after an
 * `out_format` conversion); `sha256` (hex) when the server gives one.
 */
export const DownloadFileComplete = struct(
  {
    data_type: t.literal('file_complete'),
    type: t.literal('response'),
    total_chunks: t.number,
    total_bytes: t.number,
    message: t.string,
    sha256: optional(t.string),
  },
  'DownloadFileComplete',
);
export interface DownloadFileComplete extends t.TypeOf<typeof DownloadFileComplete> {}

/** Any frame of the `download_file*_stream` actions, picked by `data_type`. */
export const DownloadFrame = taggedUnion('DownloadFrame', 'data_type', {
  file_info: DownloadFileInfo,
  file_chunk: DownloadFileChunk,
  file_complete: DownloadFileComplete,
});
export type DownloadFrame = t.TypeOf<typeof DownloadFrame>;

/** `upload_file_stream` answer to a new chunk. */
export const UploadChunkReceived = struct(
  {
    status: t.literal('chunk_received'),
    type: t.literal('stream'),
    stream_id: t.string,
    received_chunks: t.number,
    total_chunks: t.number,
  },
  'UploadChunkReceived',
);
export interface UploadChunkReceived extends t.TypeOf<typeof UploadChunkReceived> {}

/**
 * `upload_file_stream` answer to `verify_only`, to a chunk already received, and to a request with neither
 * data nor `is_complete`: the counts so far (no list of missing chunks).
 */
export const UploadStreamStatus = struct(
  {
    status: t.literal('file_created'),
    type: t.literal('stream'),
    stream_id: t.string,
    received_chunks: t.number,
    total_chunks: t.number,
  },
  'UploadStreamStatus',
);
export interface UploadStreamStatus extends t.TypeOf<typeof UploadStreamStatus> {}

/**
 * `upload_file_stream` answer once the file is merged: `file_path` is a path on the NapCat host, usable as
 * `file` elsewhere; `sha256` only when `expected_sha256` was sent.
 */
export const UploadFileComplete = struct(
  {
    status: t.literal('file_complete'),
    type: t.literal('response'),
    stream_id: t.string,
    received_chunks: t.number,
    total_chunks: t.number,
    file_path: t.string,
    file_size: t.number,
    sha256: optional(t.string),
  },
  'UploadFileComplete',
);
export interface UploadFileComplete extends t.TypeOf<typeof UploadFileComplete> {}

/** Any answer of `upload_file_stream`, picked by `status`. */
export const UploadFrame = taggedUnion('UploadFrame', 'status', {
  chunk_received: UploadChunkReceived,
  file_created: UploadStreamStatus,
  file_complete: UploadFileComplete,
});
export type UploadFrame = t.TypeOf<typeof UploadFrame>;

/** One of `test_download_stream`'s ten intermediate frames (`data` is `Index-> 1` … `Index-> 10`). */
export const TestStreamChunk = struct(
  { data_type: t.literal('data_chunk'), type: t.literal('stream'), data: t.string },
  'TestStreamChunk',
);
export interface TestStreamChunk extends t.TypeOf<typeof TestStreamChunk> {}

/** `test_download_stream`'s last frame when no error was asked for. */
export const TestStreamComplete = struct(
  { data_type: t.literal('data_complete'), type: t.literal('response'), data: t.string },
  'TestStreamComplete',
);
export interface TestStreamComplete extends t.TypeOf<typeof TestStreamComplete> {}

/** Any frame of `test_download_stream`, picked by `data_type`. */
export const TestStreamFrame = taggedUnion('TestStreamFrame', 'data_type', {
  data_chunk: TestStreamChunk,
  data_complete: TestStreamComplete,
});
export type TestStreamFrame = t.TypeOf<typeof TestStreamFrame>;

/** Params of the download stream actions: `file` or `file_id` names the file; chunks of 64 KiB by default. */
export const DownloadFileStreamParams = struct(
  { file: optional(t.string), file_id: optional(t.string), chunk_size: optional(t.number) },
  'DownloadFileStreamParams',
);
export interface DownloadFileStreamParams extends t.TypeOf<typeof DownloadFileStreamParams> {}

/** `download_file_record_stream` params: a download, converted to `out_format` first when given. */
export const DownloadFileRecordStreamParams = struct(
  {
    file: optional(t.string),
    file_id: optional(t.string),
    chunk_size: optional(t.number),
    out_format: optional(AudioFormat),
  },
  'DownloadFileRecordStreamParams',
);
export interface DownloadFileRecordStreamParams extends t.TypeOf<typeof DownloadFileRecordStreamParams> {}

/**
 * `upload_file_stream` params, one request per chunk. `total_chunks`, `file_size`, `expected_sha256`,
 * `filename` and `file_retention` (ms, default 300000, 0 keeps the file) count only on the request that
 * creates the stream.
 */
export const UploadFileStreamParams = struct(
  {
    stream_id: t.string,
    chunk_data: optional(t.string),
    chunk_index: optional(t.number),
    total_chunks: optional(t.number),
    file_size: optional(t.number),
    expected_sha256: optional(t.string),
    filename: optional(t.string),
    is_complete: optional(t.boolean),
    reset: optional(t.boolean),
    verify_only: optional(t.boolean),
    file_retention: optional(t.number),
  },
  'UploadFileStreamParams',
);
export interface UploadFileStreamParams extends t.TypeOf<typeof UploadFileStreamParams> {}

const DOWNLOAD_NOTE = 'Stream reply: `file_info`, then `file_chunk` frames, then `file_complete`; failures arrive as an error frame.';

/** NapCat's Stream API: chunked downloads and uploads over one socket, and its test and cleanup actions. */
export const STREAM_ACTIONS = lazyRows({
  download_file_stream: () => action({
    params: DownloadFileStreamParams,
    result: DownloadFrame,
    reply: 'stream',
    origin: 'napcat',
    doc: 'Downloads a file (received file ID, path or URL) as base64 chunks.',
    support: NAPCAT_ONLY,
    note: DOWNLOAD_NOTE,
  }),
  download_file_image_stream: () => action({
    params: DownloadFileStreamParams,
    result: DownloadFrame,
    reply: 'stream',
    origin: 'napcat',
    doc: 'Downloads an image as base64 chunks; `file_info` adds its `width` and `height`.',
    support: NAPCAT_ONLY,
    note: DOWNLOAD_NOTE,
  }),
  download_file_record_stream: () => action({
    params: DownloadFileRecordStreamParams,
    result: DownloadFrame,
    reply: 'stream',
    origin: 'napcat',
    doc: 'Downloads a voice message as base64 chunks, converted to `out_format` when given.',
    support: NAPCAT_ONLY,
    note: DOWNLOAD_NOTE,
  }),
  test_download_stream: () => action({
    params: struct({ error: optional(t.boolean) }, 'TestDownloadStreamParams'),
    result: TestStreamFrame,
    reply: 'stream',
    origin: 'napcat',
    doc: 'Sends ten test frames 100 ms apart, then completes, or fails when `error` is true.',
    support: NAPCAT_ONLY,
  }),
  upload_file_stream: () => action({
    params: UploadFileStreamParams,
    result: UploadFrame,
    origin: 'napcat',
    doc: 'Uploads one chunk of a file (or completes, verifies or resets the upload) to the NapCat host.',
    support: NAPCAT_ONLY,
    note: 'One reply per request although it says `type: stream`; the file is merged only on a request with `is_complete: true` and no chunk.',
  }),
  clean_stream_temp_file: () => action({
    params: NoParams,
    result: NoResult,
    origin: 'napcat',
    doc: "Deletes every file in NapCat's stream temp directory.",
    support: NAPCAT_ONLY,
  }),
} satisfies Record<string, () => ActionDef>);
