/** Common base of every error the SDK raises: a fixed `name` and a message naming what went wrong. */
export abstract class OneBotError extends Error {
  abstract override readonly name: string;
}

function guard<E extends OneBotError>(name: string) {
  return (e: unknown): e is E => e instanceof Error && e.name === name;
}

/** Normalised reason of a failed action, whatever the backend's retcode dialect. */
export type FailureKind = 'invalid-params' | 'unknown-action' | 'permission' | 'failed';

/**
 * The server rejected the access token (401/403 on the upgrade or over HTTP, or a `retcode 1403` frame).
 * Terminal: the client does not retry, since a wrong token does not fix itself. The token is never included.
 */
export class AuthError extends OneBotError {
  override readonly name = 'AuthError';
  constructor(
    /** HTTP status of the rejected upgrade or request, or the retcode of the rejecting frame. */
    readonly status: number,
    message = `the server rejected the access token (${status})`,
  ) {
    super(message);
  }
}
/** Whether `e` is an {@link AuthError} (works across ESM/CJS copies of the SDK). */
export const isAuthError = guard<AuthError>('AuthError');

/** Fields of an {@link ActionFailedError}. */
export interface ActionFailure {
  action: string;
  params: unknown;
  retcode: number;
  status: string;
  message: string;
  wording: string;
  echo: string | null;
  kind: FailureKind;
}

/**
 * The server answered the action with a failure (`status: 'failed'` or a non-zero retcode).
 *
 * @example
 * client.setGroupBan(group, user).subscribe({ error: (e) => isActionFailedError(e) && e.kind === 'permission' });
 */
export class ActionFailedError extends OneBotError implements ActionFailure {
  override readonly name = 'ActionFailedError';
  readonly action: string;
  readonly params: unknown;
  readonly retcode: number;
  readonly status: string;
  readonly wording: string;
  readonly echo: string | null;
  readonly kind: FailureKind;
  constructor(failure: ActionFailure) {
    super(
      `${failure.action} failed (retcode ${failure.retcode}, ${failure.kind})${failure.message ? `: ${failure.message}` : ''}`,
    );
    this.action = failure.action;
    this.params = failure.params;
    this.retcode = failure.retcode;
    this.status = failure.status;
    this.wording = failure.wording;
    this.echo = failure.echo;
    this.kind = failure.kind;
  }
}
/** Whether `e` is an {@link ActionFailedError}. */
export const isActionFailedError = guard<ActionFailedError>('ActionFailedError');

/**
 * No reply arrived within the call's timeout. `sent: true` means the request was written, so the outcome
 * on the server is unknown (it may still have happened).
 */
export class ActionTimeoutError extends OneBotError {
  override readonly name = 'ActionTimeoutError';
  constructor(
    readonly action: string,
    readonly timeout: number,
    readonly sent: boolean,
    /** Why an unsent call could not be written (the endpoint and the last connection error), when known. */
    readonly reason?: string,
  ) {
    super(
      sent
        ? `${action} got no reply within ${timeout} ms; it was sent, so its outcome is unknown`
        : `${action} was not sent within ${timeout} ms (${reason ?? 'no connection was open, or it was still queued by the throttle'})`,
    );
  }
}
/** Whether `e` is an {@link ActionTimeoutError}. */
export const isActionTimeoutError = guard<ActionTimeoutError>('ActionTimeoutError');

/**
 * The connection dropped. For a pending action, `sent: true` means the request had been written before the
 * drop (outcome unknown); it is never re-sent. As a terminal client error it carries the number of connection
 * `attempts` and the last `cause`.
 */
export class DisconnectedError extends OneBotError {
  override readonly name = 'DisconnectedError';
  constructor(
    message: string,
    readonly details: { action?: string; sent?: boolean; code?: number; reason?: string; attempts?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
  /** The action that was pending, when the error belongs to one call. */
  get action(): string | undefined {
    return this.details.action;
  }
  /** Whether the pending request had been written to the socket (outcome unknown). */
  get sent(): boolean {
    return this.details.sent ?? false;
  }
  /** WebSocket close code, when known. */
  get code(): number | undefined {
    return this.details.code;
  }
  /** Connection attempts made, for a terminal failure after `maxAttempts`. */
  get attempts(): number | undefined {
    return this.details.attempts;
  }
}
/** Whether `e` is a {@link DisconnectedError}. */
export const isDisconnectedError = guard<DisconnectedError>('DisconnectedError');

/** The parameters failed their codec; nothing was sent. `report` names each offending field. */
export class InvalidParamsError extends OneBotError {
  override readonly name = 'InvalidParamsError';
  constructor(
    readonly action: string,
    readonly params: unknown,
    readonly report: string,
  ) {
    super(`invalid params for ${action}: ${report}`);
  }
}
/** Whether `e` is an {@link InvalidParamsError}. */
export const isInvalidParamsError = guard<InvalidParamsError>('InvalidParamsError');

/** The client was closed with `close()`; no more actions or events. */
export class ClientClosedError extends OneBotError {
  override readonly name = 'ClientClosedError';
  constructor(message = 'the client is closed') {
    super(message);
  }
}
/** Whether `e` is a {@link ClientClosedError}. */
export const isClientClosedError = guard<ClientClosedError>('ClientClosedError');

/**
 * The backend (pinned with `backend`, or detected) is known not to implement the action, or the value given for
 * one of its params (`param`); the call fails before anything is sent. `{ force: true }` sends it anyway.
 *
 * @example
 * createClient({ url, backend: 'lagrange' }).setGroupLeave(groupId, true).subscribe({
 *   error: (e) => isUnsupportedActionError(e) && console.log(e.action, e.param), // 'set_group_leave' 'is_dismiss'
 * });
 */
export class UnsupportedActionError extends OneBotError {
  override readonly name = 'UnsupportedActionError';
  constructor(
    readonly action: string,
    readonly backend: string,
    /** The param the backend does not implement, when the action itself is implemented. */
    readonly param?: string,
  ) {
    super(
      `${param === undefined ? action : `${action}'s \`${param}\``} is not supported by ${backend} (pass { force: true } to send it anyway)`,
    );
  }
}
/** Whether `e` is an {@link UnsupportedActionError}. */
export const isUnsupportedActionError = guard<UnsupportedActionError>('UnsupportedActionError');

/**
 * Why a Stream API transfer failed: `EMPTY` a 0-byte upload; `NOT_FOUND` no such file or stream;
 * `SHA256_MISMATCH` the bytes do not hash to the sha256 given; `SERVER` any other server error (or an unsafe
 * server file name); `DISCONNECTED`, `TIMEOUT`, `CLOSED` the connection dropped, went idle, or the client
 * closed; `CORRUPT` a download chunk out of order (gap, duplicate) or not canonical base64, or its bytes
 * disagree with its `size`; `SIZE_MISMATCH` the bytes received differ from the download's `file_complete`
 * counts or its announced `file_size`, or an upload's `Readable` holds more or fewer bytes than its declared
 * `size`; `CONSUMED` an upload's `Readable` was already read (a stream cannot be read twice, e.g. under
 * `retry`); `FILE_SYSTEM` writing the download to disk failed (the `cause` is the file-system error, e.g.
 * `ENAMETOOLONG`, `ENOSPC`, `EACCES`).
 */
export type TransferErrorCode =
  | 'EMPTY'
  | 'NOT_FOUND'
  | 'SHA256_MISMATCH'
  | 'SERVER'
  | 'DISCONNECTED'
  | 'TIMEOUT'
  | 'CLOSED'
  | 'CORRUPT'
  | 'SIZE_MISMATCH'
  | 'CONSUMED'
  | 'FILE_SYSTEM';

/** A Stream API upload or download failed. */
export class TransferError extends OneBotError {
  override readonly name = 'TransferError';
  constructor(
    readonly code: TransferErrorCode,
    message: string,
    readonly details: { streamId?: string; fileId?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
  /** The upload's stream id, when the error belongs to an upload. */
  get streamId(): string | undefined {
    return this.details.streamId;
  }
  /** The download's file id, when the error belongs to a download. */
  get fileId(): string | undefined {
    return this.details.fileId;
  }
}
/** Whether `e` is a {@link TransferError}. */
export const isTransferError = guard<TransferError>('TransferError');

/**
 * A frame or an action result failed its codec. `raw` is the frame text (or the result value), `report` a
 * readable io-ts path report. Reported on `client.errors$`; event streams go on.
 */
export class DecodeError extends OneBotError {
  override readonly name = 'DecodeError';
  constructor(
    readonly raw: unknown,
    readonly report: string,
    readonly action?: string,
  ) {
    super(action ? `the result of ${action} does not match its codec: ${report}` : `undecodable frame: ${report}`);
  }
}
/** Whether `e` is a {@link DecodeError}. */
export const isDecodeError = guard<DecodeError>('DecodeError');

/**
 * A frame that breaks the protocol: neither event nor reply, a reply with a foreign echo, an oversized frame,
 * or a socket-level protocol failure.
 */
export class ProtocolError extends OneBotError {
  override readonly name = 'ProtocolError';
  constructor(
    message: string,
    readonly details: { raw?: unknown; code?: number; echo?: unknown; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
  /** The offending frame, when there was one. */
  get raw(): unknown {
    return this.details.raw;
  }
  /** WebSocket close code (1009 for an oversized frame), when the error closed a socket. */
  get code(): number | undefined {
    return this.details.code;
  }
}
/** Whether `e` is a {@link ProtocolError}. */
export const isProtocolError = guard<ProtocolError>('ProtocolError');


/** What `client.errors$` carries: undecodable frames, protocol breaches, and failed handlings. */
export type ClientError = DecodeError | ProtocolError | HandlerError;

/**
 * The handling of one event (`client.handle`) or an epic (`client.run`) failed: its handler threw, rejected,
 * emitted an error, timed out, or its event was dropped by a full queue. Reported on `client.errors$` and the
 * logger; the bot goes on with the other events. `event` is absent for an epic.
 *
 * @example
 * client.errors$.pipe(filter(isHandlerError)).subscribe((e) => console.error(e.event?.post_type, e.cause));
 */
export class HandlerError extends OneBotError {
  override readonly name = 'HandlerError';
  constructor(
    /** The event whose handling failed (absent for an epic). */
    readonly event: object | undefined,
    /** What went wrong: the handler's own error, a {@link HandlerTimeoutError} or a {@link QueueOverflowError}. */
    override readonly cause: unknown,
    /** The epic's name, for an epic's failure. */
    readonly epic?: string,
  ) {
    super(`${event === undefined ? `epic ${epic ?? '(anonymous)'}` : `the handler of ${describeEvent(event)}`} failed: ${messageOf(cause)}`, { cause });
  }
}
/** Whether `e` is a {@link HandlerError}. */
export const isHandlerError = guard<HandlerError>('HandlerError');

/** The cause of a {@link HandlerError} when the handling of one event ran past `timeout`; its calls were unsubscribed. */
export class HandlerTimeoutError extends OneBotError {
  override readonly name = 'HandlerTimeoutError';
  constructor(
    /** The handler timeout in ms. */
    readonly timeout: number,
  ) {
    super(`did not finish within ${timeout} ms; its pending calls were cancelled`);
  }
}
/** Whether `e` is a {@link HandlerTimeoutError}. */
export const isHandlerTimeoutError = guard<HandlerTimeoutError>('HandlerTimeoutError');

/**
 * The cause of a {@link HandlerError} when a full queue dropped events unhandled (`handle`'s `maxQueued` and
 * `overflow`). `dropped` counts every drop of that `handle` so far; while drops go on they are reported at most
 * once a second, with the latest dropped event.
 */
export class QueueOverflowError extends OneBotError {
  override readonly name = 'QueueOverflowError';
  constructor(
    /** The overflow policy that dropped the event. */
    readonly policy: 'drop-oldest' | 'drop-newest' | 'error',
    /** The queue bound. */
    readonly maxQueued: number,
    /** Drops by this `handle` so far, this one included. */
    readonly dropped: number,
  ) {
    super(`dropped unhandled: its queue held ${maxQueued} events (overflow '${policy}', ${dropped} dropped so far)`);
  }
}
/** Whether `e` is a {@link QueueOverflowError}. */
export const isQueueOverflowError = guard<QueueOverflowError>('QueueOverflowError');

/** The cause of a {@link HandlerError} when `client.run` stopped an epic that failed too often; `cause` is its last error. */
export class EpicStoppedError extends OneBotError {
  override readonly name = 'EpicStoppedError';
  constructor(
    /** Failures counted within the window. */
    readonly failures: number,
    /** The window in ms. */
    readonly windowMs: number,
    /** The epic's last error. */
    override readonly cause: unknown,
  ) {
    super(`stopped after ${failures} failures within ${windowMs} ms; last: ${messageOf(cause)}`, { cause });
  }
}
/** Whether `e` is an {@link EpicStoppedError}. */
export const isEpicStoppedError = guard<EpicStoppedError>('EpicStoppedError');

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** `group message 12 in group 34`: enough to find the event in a log, nothing of its content. */
function describeEvent(event: object): string {
  const e = event as Record<string, unknown>;
  const kind = [e.post_type, e.message_type ?? e.notice_type ?? e.request_type ?? e.meta_event_type].filter((p) => typeof p === 'string').join('.');
  const id = e.message_id === undefined ? '' : ` ${String(e.message_id)}`;
  const where = e.group_id !== undefined ? ` in group ${String(e.group_id)}` : e.user_id !== undefined ? ` from user ${String(e.user_id)}` : '';
  return `${kind || 'event'}${id}${where}`;
}
