import { isLeft } from 'fp-ts/lib/Either.js';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { describe, expect, it } from 'vitest';
import { MEDIA_ACTIONS } from '../../../../src/action/catalogue/media';
import {
  DownloadFileChunk,
  DownloadFileComplete,
  DownloadFileInfo,
  DownloadFrame,
  StreamErrorData,
  TestStreamFrame,
  UploadChunkReceived,
  UploadFileComplete,
  UploadFrame,
  UploadStreamStatus,
} from '../../../../src/action/catalogue/media/streams';

/** The `data` of each download frame, in order, as `frames-and-streams.md` describes them. */
const fileInfo = { type: 'stream', data_type: 'file_info', file_name: 'cat.png', file_size: 70000, chunk_size: 65536 };
const imageInfo = { ...fileInfo, width: 640, height: 480 };
const recordInfo = { ...fileInfo, file_name: 'voice.amr', out_format: 'mp3' };
const chunk = (index: number, size: number, progress: number) => ({
  type: 'stream',
  data_type: 'file_chunk',
  index,
  data: Buffer.alloc(size, 1).toString('base64'),
  size,
  progress,
  base64_size: Buffer.alloc(size, 1).toString('base64').length,
});
const complete = { type: 'response', data_type: 'file_complete', total_chunks: 2, total_bytes: 70000, message: 'Download completed' };
const errorData = { type: 'error', data_type: 'error' };

const chunkReceived = { type: 'stream', stream_id: 's1', status: 'chunk_received', received_chunks: 1, total_chunks: 2 };
const streamStatus = { type: 'stream', stream_id: 's1', status: 'file_created', received_chunks: 1, total_chunks: 2 };
const uploadComplete = {
  type: 'response',
  stream_id: 's1',
  status: 'file_complete',
  received_chunks: 2,
  total_chunks: 2,
  file_path: '/tmp/napcat/temp/cat.png',
  file_size: 70000,
};

describe('download stream frames', () => {
  it('accepts the file_info, file_chunk and file_complete frames of a download in order', () => {
    const frames = [fileInfo, chunk(0, 65536, 94), chunk(1, 4464, 100), complete];
    expect(frames.map((f) => DownloadFrame.is(f))).toEqual([true, true, true, true]);
  });

  it("accepts the image stream's width and height and the record stream's out_format in file_info", () => {
    expect(DownloadFileInfo.is(imageInfo)).toBe(true);
    expect(DownloadFileInfo.is(recordInfo)).toBe(true);
    expect(DownloadFrame.is(imageInfo)).toBe(true);
  });

  it('checks each frame against its own data_type only', () => {
    expect(DownloadFileChunk.is(chunk(0, 10, 100))).toBe(true);
    expect(DownloadFileComplete.is(complete)).toBe(true);
    expect(DownloadFrame.is({ ...complete, data_type: 'file_chunk' })).toBe(false);
    expect(DownloadFrame.is({ ...chunk(0, 10, 100), type: 'response' })).toBe(false);
  });

  it('rejects an unknown data_type, naming the ones it knows', () => {
    const result = DownloadFrame.decode({ type: 'stream', data_type: 'file_meta' });
    expect(isLeft(result)).toBe(true);
    expect(PathReporter.report(result).join('\n')).toContain('file_info, file_chunk, file_complete');
  });

  it('reports the missing field of a chunk frame', () => {
    const { index: _index, ...noIndex } = chunk(0, 10, 100);
    expect(PathReporter.report(DownloadFrame.decode(noIndex)).join('\n')).toContain('index');
  });

  it('decodes a valid chunk frame to the same value', () => {
    const frame = chunk(3, 12, 50);
    const result = DownloadFrame.decode(frame);
    expect(result).toEqual({ _tag: 'Right', right: frame });
  });

  it('leaves the error frame data to StreamErrorData, not to the download frames', () => {
    expect(StreamErrorData.is(errorData)).toBe(true);
    expect(DownloadFrame.is(errorData)).toBe(false);
  });

  it('is the result codec of the three download stream rows', () => {
    expect(MEDIA_ACTIONS.download_file_stream.result).toBe(DownloadFrame);
    expect(MEDIA_ACTIONS.download_file_image_stream.result).toBe(DownloadFrame);
    expect(MEDIA_ACTIONS.download_file_record_stream.result).toBe(DownloadFrame);
  });
});

describe('upload_file_stream answers', () => {
  it('accepts chunk_received, file_created and file_complete answers', () => {
    expect(UploadChunkReceived.is(chunkReceived)).toBe(true);
    expect(UploadStreamStatus.is(streamStatus)).toBe(true);
    expect(UploadFileComplete.is(uploadComplete)).toBe(true);
    expect([chunkReceived, streamStatus, uploadComplete].every((f) => UploadFrame.is(f))).toBe(true);
  });

  it('accepts file_complete with the sha256 NapCat adds when expected_sha256 was sent', () => {
    expect(UploadFrame.is({ ...uploadComplete, sha256: 'ab'.repeat(32) })).toBe(true);
  });

  it('rejects file_complete without the file_path to use the upload with', () => {
    const { file_path: _path, ...noPath } = uploadComplete;
    expect(UploadFrame.is(noPath)).toBe(false);
  });

  it('rejects an unknown status', () => {
    expect(UploadFrame.is({ ...chunkReceived, status: 'chunk_lost' })).toBe(false);
  });

  it('is the result codec of upload_file_stream', () => {
    expect(MEDIA_ACTIONS.upload_file_stream.result).toBe(UploadFrame);
  });
});

describe('test_download_stream frames', () => {
  it('accepts its ten data_chunk frames and the closing data_complete frame', () => {
    const frames = [
      ...Array.from({ length: 10 }, (_, i) => ({ type: 'stream', data: `Index-> ${i + 1}`, data_type: 'data_chunk' })),
      { type: 'response', data_type: 'data_complete', data: 'Stream transmission complete' },
    ];
    expect(frames.every((f) => TestStreamFrame.is(f))).toBe(true);
    expect(MEDIA_ACTIONS.test_download_stream.result.is(frames[10])).toBe(true);
  });

  it('rejects a download frame', () => {
    expect(TestStreamFrame.is(complete)).toBe(false);
  });
});
