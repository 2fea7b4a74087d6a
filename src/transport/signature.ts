/**
 * Shared secrets compared in constant time: access tokens and webhook signatures (Node only).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Whether two strings are equal, in time that depends on neither (both are hashed to 32 bytes first). */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * The `X-Signature` value OneBot 11 sends with a webhook POST: `sha1=<hex HMAC-SHA1(secret, body)>`.
 *
 * @example
 * signatureOf('secret', Buffer.from('{}')) // 'sha1=5f5d…'
 */
export function signatureOf(secret: string, body: Uint8Array | string): string {
  return `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
}

/** The HTTP status a signed request earns: 200 when it matches, 401 without a signature, 403 with a wrong one. */
export function checkSignature(header: string | undefined, secret: string, body: Uint8Array): 200 | 401 | 403 {
  if (header === undefined || header === '') return 401;
  return sameSecret(header.trim().toLowerCase(), signatureOf(secret, body)) ? 200 : 403;
}

/** The token a request presents: `Authorization: Bearer <t>` or `Token <t>`, else `?access_token=<t>`. */
export function presentedToken(authorization: string | undefined, url: string | undefined): string | undefined {
  const match = authorization === undefined ? null : /^(?:Bearer|Token)\s+(.+)$/i.exec(authorization.trim());
  if (match?.[1] !== undefined) return match[1];
  const query = new URL(url ?? '/', 'http://onebot.invalid').searchParams.get('access_token');
  return query === null || query === '' ? undefined : query;
}

/** The HTTP status of a token check: 200 when no token is required or it matches, 401 missing, 403 wrong. */
export function checkToken(presented: string | undefined, expected: string | undefined): 200 | 401 | 403 {
  if (expected === undefined || expected === '') return 200;
  if (presented === undefined) return 401;
  return sameSecret(presented, expected) ? 200 : 403;
}
