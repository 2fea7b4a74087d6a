import { describe, expect, it } from 'vitest';
import { actionFailed, failureKindOf, isFailedReply } from '../../src/action/failure';
import type { ActionReply } from '../../src/codec/frame';

const reply = (fields: Partial<ActionReply>): ActionReply => ({ status: 'failed', retcode: 100, data: null, ...fields });

describe('failureKindOf', () => {
  it.each([
    [1400, 'invalid-params'],
    [400, 'invalid-params'],
    [100, 'invalid-params'],
    [1404, 'unknown-action'],
    [404, 'unknown-action'],
    [1401, 'permission'],
    [1403, 'permission'],
    [401, 'permission'],
    [403, 'permission'],
  ] as const)('maps retcode %i to %s', (retcode, kind) => {
    expect(failureKindOf(retcode)).toBe(kind);
  });

  it('maps every other retcode to failed', () => {
    expect([0, 1, 102, 200, 500, 1405].map(failureKindOf)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'failed']);
  });
});

describe('isFailedReply', () => {
  it('treats status failed as failure even with retcode 0', () => {
    expect(isFailedReply(reply({ status: 'failed', retcode: 0 }))).toBe(true);
  });

  it('treats a non-zero retcode with status ok as failure', () => {
    expect(isFailedReply(reply({ status: 'ok', retcode: 102 }))).toBe(true);
  });

  it('treats an async acknowledgement with a non-zero retcode as success', () => {
    expect(isFailedReply(reply({ status: 'async', retcode: 1 }))).toBe(false);
  });

  it('treats status ok with retcode 0 as success', () => {
    expect(isFailedReply(reply({ status: 'ok', retcode: 0 }))).toBe(false);
  });
});

describe('actionFailed', () => {
  it('carries the reply fields, the normalised kind and the string echo', () => {
    const error = actionFailed('get_msg', { message_id: 1 }, reply({ retcode: 1404, message: 'no such action', wording: 'w', echo: 'e1' }));
    expect({ ...error, message: error.message }).toEqual({
      name: 'ActionFailedError',
      action: 'get_msg',
      params: { message_id: 1 },
      retcode: 1404,
      status: 'failed',
      wording: 'w',
      echo: 'e1',
      kind: 'unknown-action',
      message: 'get_msg failed (retcode 1404, unknown-action): no such action',
    });
  });

  it("falls back to go-cqhttp's msg when message is empty", () => {
    expect(actionFailed('x', {}, reply({ message: '', msg: 'from msg' })).message).toBe('x failed (retcode 100, invalid-params): from msg');
  });

  it('has no detail, an empty wording and a null echo when the reply has none', () => {
    const error = actionFailed('x', {}, reply({ retcode: 7, echo: 42 }));
    expect([error.message, error.wording, error.echo]).toEqual(['x failed (retcode 7, failed)', '', null]);
  });

  it('keeps a non-empty wording as it is', () => {
    expect(actionFailed('x', {}, reply({ wording: 'too fast' })).wording).toBe('too fast');
  });
});
