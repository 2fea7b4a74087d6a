/**
 * Words for a person when nothing connects: where the client tried to go (no token) and what went wrong last.
 */
import { isAuthError } from '../errors';
import type { SplitUrls } from '../transport/split-socket';
import { displayUrl, redactText } from '../transport/socket-url';

/** Codes of the usual reasons a connection never opens, in plain words. */
const CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused: nothing listens there',
  ECONNRESET: 'connection reset by the server',
  ETIMEDOUT: 'the connection attempt timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'DNS: no such host',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
};

function codeOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * One line about a connection error: the code (`ECONNREFUSED`, `ENOTFOUND`, a TLS code, an HTTP 401/403) in
 * plain words, then the message; the token never appears.
 *
 * @example describeConnectionError(refused) // 'ECONNREFUSED (connection refused: nothing listens there): connect ECONNREFUSED 127.0.0.1:1'
 */
export function describeConnectionError(error: unknown, token?: string): string {
  const message = redactText(error instanceof Error ? error.message : String(error), token);
  if (isAuthError(error)) return `${error.status} (the server rejected the access token): ${message}`;
  const code = codeOf(error);
  if (code === undefined) return message;
  const words = CODES[code] ?? (/CERT|TLS|SSL/.test(code) ? 'TLS handshake failed' : undefined);
  return `${code}${words === undefined ? '' : ` (${words})`}: ${message}`;
}

/** Where a client connects, safe to print: the URL without credentials, query or fragment. */
export function describeEndpoint(url: string | SplitUrls | undefined): string {
  if (url === undefined) return 'the custom transport';
  return typeof url === 'string' ? displayUrl(url) : displayUrl(url.api);
}

/**
 * Why a call could not be written: no connection to `endpoint` is open, and the last connection error if any.
 *
 * @example unsentReason('ws://127.0.0.1:3001/', refused) // 'no connection to ws://127.0.0.1:3001/ is open; last error: ECONNREFUSED …'
 */
export function unsentReason(endpoint: string, lastError: unknown, token?: string): string {
  return lastError === undefined
    ? `no connection to ${endpoint} has opened yet`
    : `no connection to ${endpoint} is open; last error: ${describeConnectionError(lastError, token)}`;
}
