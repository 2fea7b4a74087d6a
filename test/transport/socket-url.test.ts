import { describe, expect, it } from 'vitest';
import { displayUrl, redactError, redactText, withAccessToken } from '../../src/transport/socket-url';

describe('withAccessToken', () => {
  it('appends the URL-encoded token as access_token, keeping the existing query', () => {
    expect(withAccessToken('ws://127.0.0.1:3001', 'a b&c')).toBe('ws://127.0.0.1:3001/?access_token=a%20b%26c');
    expect(withAccessToken('ws://h/onebot?x=1', 't')).toBe('ws://h/onebot?x=1&access_token=t');
  });

  it('round-trips any token through URLSearchParams', () => {
    const token = 'ä/+?=&#%20 ';
    expect(new URL(withAccessToken('ws://h/', token)).searchParams.get('access_token')).toBe(token);
  });
});

describe('displayUrl', () => {
  it('drops credentials, query and fragment', () => {
    expect(displayUrl('ws://u:p@host:3001/onebot?access_token=x#y')).toBe('ws://host:3001/onebot');
  });

  it('prints a placeholder for an unparsable URL rather than the text itself', () => {
    expect(displayUrl('not a url?access_token=secret')).toBe('<invalid url>');
  });
});

describe('redaction', () => {
  it('replaces every spelling of the token in a text', () => {
    expect(redactText('a s/ t b s%2F%20t c s%2F+t', 's/ t')).toBe('a *** b *** c ***');
  });

  it('keeps an error that does not mention the token', () => {
    const error = new Error('connect ECONNREFUSED');
    expect(redactError(error, 'secret')).toBe(error);
  });

  it('replaces an error whose message or fields mention the token by a redacted copy with the same name', () => {
    const error = Object.assign(new TypeError('bad ws://h/?access_token=secret'), { input: 'secret' });
    const redacted = redactError(error, 'secret') as Error;
    expect(redacted).not.toBe(error);
    expect(redacted.name).toBe('TypeError');
    expect(redacted.message).toBe('bad ws://h/?access_token=***');
    expect(Object.values(redacted)).not.toContain('secret');
  });
});
