import type { ActionReply } from '../codec/frame';
import { ActionFailedError, type FailureKind } from '../errors';

const KIND_BY_RETCODE: Readonly<Record<number, FailureKind>> = {
  1400: 'invalid-params', // NapCat over WS
  400: 'invalid-params', // NapCat over HTTP
  100: 'invalid-params', // go-cqhttp
  1404: 'unknown-action', // NapCat
  404: 'unknown-action', // go-cqhttp, Lagrange, HTTP
  1401: 'permission', // NapCat
  1403: 'permission',
  401: 'permission',
  403: 'permission',
};

/** Normalises a backend's retcode into a {@link FailureKind}. */
export function failureKindOf(retcode: number): FailureKind {
  return KIND_BY_RETCODE[retcode] ?? 'failed';
}

/** Whether a reply reports failure (`status: 'failed'`, or a non-zero retcode that is not an async ack). */
export function isFailedReply(reply: ActionReply): boolean {
  return reply.status === 'failed' || (reply.retcode !== 0 && reply.status !== 'async');
}

/** Builds the {@link ActionFailedError} for a failed reply (`message ?? msg` across backends). */
export function actionFailed(action: string, params: unknown, reply: ActionReply): ActionFailedError {
  return new ActionFailedError({
    action,
    params,
    retcode: reply.retcode,
    status: reply.status,
    message: reply.message || reply.msg || '',
    wording: reply.wording ?? '',
    echo: typeof reply.echo === 'string' ? reply.echo : null,
    kind: failureKindOf(reply.retcode),
  });
}
