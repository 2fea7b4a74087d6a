import { describe, expect, it } from 'vitest';
import { describeConnectionError, describeEndpoint, unsentReason } from '../../src/client/diagnose';
import { AuthError } from '../../src/index';

const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('connection diagnostics', () => {
  it('names refused connections, DNS, TLS and rejected tokens in plain words', () => {
    expect(describeConnectionError(new Error('x', { cause: coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1') }))).toBe(
      'ECONNREFUSED (connection refused: nothing listens there): x',
    );
    expect(describeConnectionError(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND h'))).toMatch(/^ENOTFOUND \(DNS: no such host\)/);
    expect(describeConnectionError(coded('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'))).toMatch(/TLS handshake failed/);
    expect(describeConnectionError(new AuthError(403))).toBe('403 (the server rejected the access token): the server rejected the access token (403)');
  });

  it('never prints the token: the endpoint loses its query, messages are redacted', () => {
    expect(describeEndpoint('ws://u:p@127.0.0.1:3001/onebot?access_token=s3cret')).toBe('ws://127.0.0.1:3001/onebot');
    expect(describeEndpoint({ api: 'ws://h:1/api', event: 'ws://h:1/event' })).toBe('ws://h:1/api');
    expect(unsentReason('ws://h:1/', new Error('failed: ws://h:1/?access_token=s3cret'), 's3cret')).toBe(
      'no connection to ws://h:1/ is open; last error: failed: ws://h:1/?access_token=***',
    );
    expect(unsentReason('ws://h:1/', undefined)).toBe('no connection to ws://h:1/ has opened yet');
  });
});
