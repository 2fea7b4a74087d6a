import { ActionFailedError } from 'onebot-rx';

/** Retcode of the failure reply a gateway sends for an action from a worker that lost its partition. */
export const STALE_OWNER_RETCODE = 1409;

/** `wording` of that failure reply. */
export const STALE_OWNER_WORDING = 'StaleOwnerError';

/**
 * The gateway refused an action because the worker that sent it no longer owns the event's partition (its
 * fencing epoch is older than the partition's current one): nothing was sent. The new owner handles the
 * event again, so the reply still goes out once.
 *
 * A worker sees it as an `ActionFailedError { retcode: 1409, wording: 'StaleOwnerError' }` (the action core
 * builds its errors from reply frames); {@link isStaleOwnerError} recognises both forms.
 */
export class StaleOwnerError extends ActionFailedError {
  constructor(action: string, params: unknown, partition: number, epoch: number, current: number, echo: string | null) {
    super({
      action,
      params,
      retcode: STALE_OWNER_RETCODE,
      status: 'failed',
      message: `stale owner of partition ${partition} (epoch ${epoch} < ${current}); nothing was sent`,
      wording: STALE_OWNER_WORDING,
      echo,
      kind: 'failed',
    });
  }
}

/** Whether `e` is a refusal of an action from a stale partition owner (see {@link StaleOwnerError}). */
export function isStaleOwnerError(e: unknown): e is ActionFailedError {
  return e instanceof Error && e.name === 'ActionFailedError' && (e as ActionFailedError).wording === STALE_OWNER_WORDING;
}
