import type { IncomingMessage } from 'node:http';
import { checkToken, presentedToken as tokenOf, sameSecret } from '../../transport/signature';

/** The token a client presented: `Authorization: Bearer|Token <t>`, else `?access_token=<t>`. */
export function presentedToken(req: IncomingMessage): string | undefined {
  return tokenOf(req.headers.authorization, req.url);
}

/** Compares two tokens in constant time, their lengths included (both are hashed before comparing). */
export function sameToken(presented: string, expected: string): boolean {
  return sameSecret(presented, expected);
}

/** The HTTP status of an upgrade: 200 to accept, 401 without a token, 403 with a wrong one. */
export function authorize(req: IncomingMessage, accessToken: string | undefined): 200 | 401 | 403 {
  return checkToken(presentedToken(req), accessToken);
}
