import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../src/codec/frame';
import { failedReply, replyFrame, requestParts } from '../../src/transport/http-frames';
import { checkSignature, checkToken, presentedToken, sameSecret, signatureOf } from '../../src/transport/signature';

describe('requestParts', () => {
  it('keeps the exact text of the params, 64-bit integers included', () => {
    const text = '{"action":"get_stranger_info","params":{"user_id":1152921504606846977},"echo":"t:1"}';
    expect(requestParts(text)).toEqual({ action: 'get_stranger_info', params: '{"user_id":1152921504606846977}', echo: 't:1' });
  });

  it('re-serialises the params of a frame in another shape, and rejects a frame without an action', () => {
    expect(requestParts('{ "echo": 1, "params": {"a": 1}, "action": "x" }')).toEqual({ action: 'x', params: '{"a":1}', echo: 1 });
    expect(requestParts('{"action":"x","echo":"e"}')).toEqual({ action: 'x', params: '{}', echo: 'e' });
    expect(requestParts('{"params":{}}')).toBeUndefined();
    expect(requestParts('nope')).toBeUndefined();
  });
});

describe('replyFrame', () => {
  it('appends the echo to a 2xx JSON body without reparsing it', () => {
    expect(replyFrame(200, '{"status":"ok","retcode":0,"data":1152921504606846977}', 'e:1')).toBe(
      '{"status":"ok","retcode":0,"data":1152921504606846977,"echo":"e:1"}',
    );
    expect(replyFrame(200, '{}', 'e')).toBe('{"echo":"e"}');
  });

  it('lets the echo win over an echo the server sent', () => {
    const frame = decodeFrame(replyFrame(200, '{"status":"ok","retcode":0,"data":null,"echo":null}', 'mine'));
    expect(frame).toMatchObject({ kind: 'reply', reply: { echo: 'mine' } });
  });

  it('makes an empty 2xx body an ok reply and a non-JSON one a failure', () => {
    expect(JSON.parse(replyFrame(204, '', 'e'))).toEqual({ status: 'ok', retcode: 0, data: null, echo: 'e' });
    expect(JSON.parse(replyFrame(200, '<html>', 'e'))).toMatchObject({ status: 'failed', retcode: 200, echo: 'e' });
  });

  it('treats a 2xx JSON null exactly like an empty body, and a JSON array or number as a failure', () => {
    for (const body of ['null', ' null\n', '', '  ']) {
      expect(JSON.parse(replyFrame(200, body, 'e'))).toEqual({ status: 'ok', retcode: 0, data: null, echo: 'e' });
    }
    for (const body of ['[]', '0', '"ok"']) expect(JSON.parse(replyFrame(200, body, 'e'))).toMatchObject({ status: 'failed', retcode: 200 });
  });

  it('maps 404 to retcode 1404 and other statuses to themselves, keeping the server’s message', () => {
    expect(JSON.parse(replyFrame(404, '', 'e'))).toMatchObject({ status: 'failed', retcode: 1404, echo: 'e' });
    expect(JSON.parse(replyFrame(500, '{"msg":"down"}', 'e'))).toMatchObject({ retcode: 500, message: 'down' });
    expect(JSON.parse(failedReply(1403, 'no', null))).toMatchObject({ retcode: 1403, echo: null });
  });
});

describe('signatures and tokens', () => {
  it('signs as sha1=<hex HMAC-SHA1> and checks 401 missing, 403 wrong, 200 right', () => {
    const body = Buffer.from('{"a":1}');
    const signature = signatureOf('s', body);
    expect(signature).toMatch(/^sha1=[0-9a-f]{40}$/);
    expect(checkSignature(undefined, 's', body)).toBe(401);
    expect(checkSignature('sha1=abc', 's', body)).toBe(403);
    expect(checkSignature(signature.toUpperCase().replace('SHA1', 'sha1'), 's', body)).toBe(200);
  });

  it('reads Bearer, Token and access_token, and checks 401 missing, 403 wrong', () => {
    expect(presentedToken('Bearer abc', '/')).toBe('abc');
    expect(presentedToken('Token abc', '/')).toBe('abc');
    expect(presentedToken(undefined, '/x?access_token=a%20b')).toBe('a b');
    expect(presentedToken(undefined, '/x')).toBeUndefined();
    expect(checkToken(undefined, 't')).toBe(401);
    expect(checkToken('u', 't')).toBe(403);
    expect(checkToken('t', 't')).toBe(200);
    expect(checkToken(undefined, undefined)).toBe(200);
    expect(sameSecret('short', 'a much longer secret')).toBe(false);
  });

  it('answers 401 to an empty signature header and accepts one padded with spaces', () => {
    const body = Buffer.from('{}');
    expect(checkSignature('', 's', body)).toBe(401);
    expect(checkSignature(`  ${signatureOf('s', body)}\t`, 's', body)).toBe(200);
  });

  it('reads a scheme only at the start of a trimmed header, after any run of spaces, up to the end of one line', () => {
    expect(presentedToken('  Bearer abc  ', undefined)).toBe('abc');
    expect(presentedToken('Bearer   abc', undefined)).toBe('abc');
    expect(presentedToken('MyBearer abc', '/?access_token=q')).toBe('q');
    expect(presentedToken('Bearer abc\ndef', undefined)).toBeUndefined();
  });

  it('treats an empty access_token as none', () => {
    expect(presentedToken(undefined, '/x?access_token=')).toBeUndefined();
  });

  it('requires no token when the expected token is empty', () => {
    expect(checkToken(undefined, '')).toBe(200);
    expect(checkToken('anything', '')).toBe(200);
  });
});
