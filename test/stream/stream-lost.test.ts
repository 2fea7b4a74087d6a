import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ActionFailedError, TransferError } from '../../src/errors';
import { StreamLost, canReread, countsLostChunks, forgotOnCompletion, isStreamLost } from '../../src/stream/stream-lost';

const failed = (message: string): ActionFailedError =>
  new ActionFailedError({
    action: 'upload_file_stream',
    params: {},
    retcode: 200,
    status: 'failed',
    message,
    wording: '',
    echo: null,
    kind: 'failed',
  });

describe('StreamLost', () => {
  it('names the stream and the reason, and keeps its cause', () => {
    const cause = new Error('gone');
    const lost = new StreamLost('s1', 'restarted', { cause });
    expect([lost.name, lost.streamId, lost.message, lost.cause]).toEqual([
      'StreamLost',
      's1',
      'upload s1: the server lost the stream (restarted)',
      cause,
    ]);
    expect([isStreamLost(lost), isStreamLost(new Error('x'))]).toEqual([true, false]);
  });
});

describe('forgotOnCompletion', () => {
  it.each(['total_chunks required', 'Missing chunk 3', 'missing memory chunk 0', 'Stream not found: s1'])(
    'recognises a failed completion saying %s',
    (message) => {
      expect(forgotOnCompletion(failed(message))).toBe(true);
    },
  );

  it('ignores other failures and errors that are not action failures', () => {
    expect([
      forgotOnCompletion(failed('disk full')),
      forgotOnCompletion(new Error('stream not found')),
      forgotOnCompletion(new TransferError('SERVER', 'missing chunk')),
    ]).toEqual([false, false, false]);
  });
});

describe('countsLostChunks', () => {
  it('sees lost chunks only when a numeric count falls below the floor', () => {
    expect([countsLostChunks(2, 3), countsLostChunks(3, 3), countsLostChunks(4, 3), countsLostChunks('2', 3), countsLostChunks(undefined, 3)]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('canReread', () => {
  it('rereads paths, bytes and blobs but not a Readable', () => {
    expect([
      canReread('/tmp/file'),
      canReread(new Uint8Array([1])),
      canReread(new Blob(['x'])),
      canReread(Readable.from(['x'])),
    ]).toEqual([true, true, true, false]);
  });
});
