/**
 * The errors a socket ends with, built in one place so both socket implementations word them alike.
 */
import { AuthError, DisconnectedError, ProtocolError } from '../errors';
import { redactError, redactText } from './socket-url';

/** Close code for a connection that ended without a close frame (RFC 6455). */
export const ABNORMAL_CLOSURE = 1006;

/** Close code for a message too big to process (RFC 6455). */
export const MESSAGE_TOO_BIG = 1009;

/** The server closed the socket (or it dropped) with this close code and reason, after `cause` if any. */
export function closedError(where: string, code: number, reason: string, cause?: unknown): DisconnectedError {
  const why = reason ? `${code}: ${reason}` : `${code}`;
  return new DisconnectedError(`the connection to ${where} closed (${why})`, { code, reason, cause });
}

/** Connecting failed or the socket broke (ECONNREFUSED, reset, a bad frame…); the token is redacted. */
export function failedError(where: string, cause: unknown, token: string | undefined): DisconnectedError {
  const safeCause = redactError(cause, token);
  const detail = safeCause instanceof Error ? safeCause.message : redactText(String(safeCause), token);
  return new DisconnectedError(`the connection to ${where} failed: ${detail}`, {
    code: ABNORMAL_CLOSURE,
    cause: safeCause,
  });
}

/** The upgrade was answered with an HTTP status instead of `101`: 401/403 is a rejected token. */
export function upgradeRejectedError(where: string, status: number): AuthError | DisconnectedError {
  if (status === 401 || status === 403) return new AuthError(status);
  return new DisconnectedError(`${where} answered the WebSocket upgrade with HTTP ${status}`, {
    code: ABNORMAL_CLOSURE,
  });
}

/** An inbound frame exceeded `maxPayload`. */
export function oversizedError(limit: number, cause?: unknown): ProtocolError {
  return new ProtocolError(`an inbound frame exceeded maxPayload (${limit} bytes)`, {
    code: MESSAGE_TOO_BIG,
    cause,
  });
}

/** The previous ping got no pong within one ping interval. */
export function pingTimeoutError(where: string, interval: number): DisconnectedError {
  return new DisconnectedError(`no pong from ${where} within ${interval} ms: ping timeout`, {
    code: ABNORMAL_CLOSURE,
    reason: 'ping timeout',
  });
}
