import * as t from 'io-ts';
import { IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { NAPCAT_ONLY } from '../napcat/common';
import { NoResult, optional, struct } from '../shared';
import { lazyRows } from '../../lazy-rows';

/**
 * Who may see a Qzone post: 1 everyone, 4 friends, 16 only `target_uins`, 64 only me, 128 everyone but
 * `target_uins`.
 */
export const QzoneVisibility = t.union(
  [t.literal(1), t.literal(4), t.literal(16), t.literal(64), t.literal(128)],
  'QzoneVisibility',
);
export type QzoneVisibility = t.TypeOf<typeof QzoneVisibility>;

/** `send_qzone_msg` reply: the new post's `tid`. */
export const QzonePostResult = struct({ tid: t.string }, 'QzonePostResult');
export interface QzonePostResult extends t.TypeOf<typeof QzonePostResult> {}

/** NapCat's Qzone (QQ空间) posts: publish and delete. */
export const QZONE_ACTIONS = lazyRows({
  send_qzone_msg: () => action({
    params: struct(
      {
        content: t.string,
        images: optional(t.array(t.string)),
        ugc_right: optional(QzoneVisibility),
        target_uins: optional(t.array(IdParam)),
      },
      'SendQzoneMsgParams',
    ),
    result: QzonePostResult,
    origin: 'napcat',
    doc: 'Publishes a Qzone post: text, optional images (file://, http(s)://, base64://), visibility.',
    support: NAPCAT_ONLY,
    note: '`target_uins` is required when `ugc_right` is 16 or 128.',
  }),
  delete_qzone_msg: () => action({
    params: struct({ tid: t.string }, 'DeleteQzoneMsgParams'),
    result: NoResult,
    origin: 'napcat',
    doc: 'Deletes one of the bot\'s Qzone posts by its `tid`.',
    support: NAPCAT_ONLY,
  }),
} satisfies Record<string, () => ActionDef>);
