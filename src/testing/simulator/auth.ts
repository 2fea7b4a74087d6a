import type { IncomingMessage } from 'node:http';
import { sameSecret } from '../../transport/signature';

/** The token a client presented: `Authorization: Bearer|Token <t>`, else `?access_token=<t>`. */
export function presentedToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^(?:Bearer|Token)\s+(.+)$/i.exec(header.trim());
  if (match?.[1] !== undefined) return match[1];
  const query = new URL(req.url ?? '/', 'http://sim.invalid').searchParams.get('access_token');
  return query === null || query === '' ? undefined : query;
}

/** Compares two tokens in constant time, their lengths included (both are hashed before comparing). */
export function sameToken(presented: string, expected: string): boolean {
  return sameSecret(presented, expected);
}

/** The HTTP status of an upgrade: 200 to accept, 401 without a token, 403 with a wrong one. */
export function authorize(req: IncomingMessage, accessToken: string | undefined): 200 | 401 | 403 {
  if (accessToken === undefined || accessToken === '') return 200;
  const token = presentedToken(req);
  if (token === undefined) return 401;
  return sameToken(token, accessToken) ? 200 : 403;
}
