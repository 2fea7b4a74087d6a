import { describe, expect, it } from 'vitest';
import {
  ActionFailedError,
  ActionTimeoutError,
  ClientClosedError,
  DisconnectedError,
  InvalidParamsError,
  TransferError,
} from '../../src/errors';
import { asTransferError } from '../../src/stream/transfer-error';

const failed = (message: string) =>
  new ActionFailedError({
    action: 'upload_file_stream',
    params: {},
    retcode: 1200,
    status: 'failed',
    message,
    wording: message,
    echo: 'x:1',
    kind: 'failed',
  });

describe('asTransferError', () => {
  it.each([
    [new ActionTimeoutError('download_file_stream', 1000, true), 'TIMEOUT'],
    [new DisconnectedError('dropped', { sent: true }), 'DISCONNECTED'],
    [new ClientClosedError(), 'CLOSED'],
    [failed('SHA256 mismatch. Expected: aa, Got: bb'), 'SHA256_MISMATCH'],
    [failed('Stream not found'), 'NOT_FOUND'],
    [failed('Download failed: ENOENT: no such file or directory'), 'NOT_FOUND'],
    [failed('Memory limit exceeded'), 'SERVER'],
    [Object.assign(new Error('missing'), { code: 'ENOENT' }), 'NOT_FOUND'],
  ])('maps %s to %s, keeping it as the cause', (error, code) => {
    const mapped = asTransferError(error, { streamId: 's1' }) as TransferError;
    expect(mapped).toBeInstanceOf(TransferError);
    expect(mapped.code).toBe(code);
    expect(mapped.streamId).toBe('s1');
    expect(mapped.cause).toBe(error);
  });

  it('leaves errors that are not transfer failures as they are', () => {
    const invalid = new InvalidParamsError('upload_file_stream', {}, 'bad');
    expect(asTransferError(invalid, { fileId: 'f' })).toBe(invalid);
    const transfer = new TransferError('EMPTY', 'empty');
    expect(asTransferError(transfer, { fileId: 'f' })).toBe(transfer);
  });
});
