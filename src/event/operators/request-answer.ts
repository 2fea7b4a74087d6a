import type { Id } from '../../codec/id';

/** The fields of a request event an answer needs. */
export interface RequestRef {
  readonly post_type?: string;
  readonly request_type?: string;
  readonly sub_type?: string;
  readonly flag?: string;
  readonly user_id?: Id;
  readonly group_id?: Id;
}

/** Extra fields of an answer: a friend's remark when approving, a reason when rejecting a group request. */
export interface AnswerDetails {
  /** Friend requests: the remark to give the new friend. */
  readonly remark?: string;
  /** Group requests: why the request was rejected (shown to the requester). */
  readonly reason?: string;
}

/** The action that answers a request, and its params. */
export interface RequestAnswer {
  readonly action: 'set_friend_add_request' | 'set_group_add_request';
  readonly params: Readonly<Record<string, unknown>>;
}

const withDefined = (params: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));

/**
 * The action answering a friend or group request (`set_friend_add_request` / `set_group_add_request` with
 * its `flag`), or `undefined` when `event` is not an answerable request.
 *
 * @example requestAnswer(friendRequest, true, { remark: 'from the forum' });
 */
export function requestAnswer(event: RequestRef, approve: boolean, details: AnswerDetails = {}): RequestAnswer | undefined {
  if (event.post_type !== 'request' || typeof event.flag !== 'string') return undefined;
  if (event.request_type === 'friend') {
    return {
      action: 'set_friend_add_request',
      params: withDefined({ flag: event.flag, approve, remark: approve ? details.remark : undefined }),
    };
  }
  if (event.request_type === 'group') {
    return {
      action: 'set_group_add_request',
      params: withDefined({ flag: event.flag, sub_type: event.sub_type, approve, reason: approve ? undefined : details.reason }),
    };
  }
  return undefined;
}
