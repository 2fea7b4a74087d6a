import * as t from 'io-ts';
import { Id, IdParam } from '../../../codec/id';
import { GroupRequest } from '../../../codec/event/request';
import { action, type ActionDef, NoParams } from '../../define';
import { NoResult, optional, struct } from '../shared';
import { compat } from '../support';
import { lazyRows } from '../../lazy-rows';

/** Support of a Lagrange.OneBot extension that neither go-cqhttp nor NapCat registers. */
const LAGRANGE_ONLY = compat('unsupported', 'unsupported', 'extension');

/** The `{ msg }` Lagrange's group-file operations answer with (the server's message; `retcode` tells). */
export const LagrangeFsResult = t.union([struct({ msg: optional(t.string) }, 'LagrangeFsMessage'), t.null], 'LagrangeFsResult');
export type LagrangeFsResult = t.TypeOf<typeof LagrangeFsResult>;

/** `.send_packet` reply: the packet's sequence, the response body as hex, the SSO retcode and extra text. */
export const SendPacketResult = struct(
  { sequence: t.number, result: t.string, retcode: t.number, extra: optional(t.union([t.string, t.null])) },
  'SendPacketResult',
);
export interface SendPacketResult extends t.TypeOf<typeof SendPacketResult> {}

/** Lagrange.OneBot's own actions (read from its `Core/Operation` classes and their `Entity/Action` params). */
export const LAGRANGE_ACTIONS = lazyRows({
  '.join_friend_emoji_chain': () => action({
    params: struct({ user_id: IdParam, message_id: IdParam, emoji_id: t.number }, 'JoinFriendEmojiChainParams'),
    result: NoResult,
    origin: 'lagrange',
    doc: "Joins a friend's emoji chain (+1 on a face message).",
    support: LAGRANGE_ONLY,
  }),
  '.join_group_emoji_chain': () => action({
    params: struct({ group_id: IdParam, message_id: IdParam, emoji_id: t.number }, 'JoinGroupEmojiChainParams'),
    result: NoResult,
    origin: 'lagrange',
    doc: 'Joins a group emoji chain (+1 on a face message).',
    support: LAGRANGE_ONLY,
  }),
  '.send_packet': () => action({
    params: struct(
      { data: t.string, command: t.string, sign: optional(t.boolean), type: optional(t.number) },
      'LagrangeSendPacketParams',
    ),
    result: SendPacketResult,
    origin: 'lagrange',
    doc: 'Sends a raw SSO packet (`data` as hex) under `command`; `type` defaults to 12.',
    support: LAGRANGE_ONLY,
  }),
  fetch_mface_key: () => action({
    params: struct({ emoji_ids: t.array(t.string) }, 'FetchMFaceKeyParams'),
    result: t.array(t.string, 'MFaceKeys'),
    origin: 'lagrange',
    doc: 'The keys of market faces, in the order of `emoji_ids`.',
    support: LAGRANGE_ONLY,
  }),
  set_group_reaction: () => action({
    params: struct(
      { group_id: IdParam, message_id: IdParam, code: t.string, is_add: optional(t.boolean) },
      'SetGroupReactionParams',
    ),
    result: NoResult,
    origin: 'lagrange',
    doc: 'Adds (or with `is_add: false` removes) a face reaction `code` on a group message.',
    support: LAGRANGE_ONLY,
    note: "NapCat's equivalent is `set_msg_emoji_like`.",
  }),
  get_group_requests: () => action({
    params: NoParams,
    result: t.array(GroupRequest, 'GroupRequestList'),
    origin: 'lagrange',
    doc: 'The pending join requests and invitations, as `request.group` events (`flag` answers them).',
    support: LAGRANGE_ONLY,
  }),
  get_music_ark: () => action({
    params: struct(
      {
        title: optional(t.string),
        desc: optional(t.string),
        jumpUrl: optional(t.string),
        musicUrl: optional(t.string),
        source_icon: optional(t.string),
        tag: optional(t.string),
        preview: optional(t.string),
        sourceMsgId: optional(t.string),
      },
      'GetMusicArkParams',
    ),
    result: t.string,
    origin: 'lagrange',
    doc: 'A signed music-card ark JSON, to send in a `json` segment.',
    support: LAGRANGE_ONLY,
  }),
  delete_group_file_folder: () => action({
    params: struct({ group_id: IdParam, folder_id: t.string }, 'DeleteGroupFileFolderParams'),
    result: LagrangeFsResult,
    origin: 'lagrange',
    doc: "Deletes a group file folder (Lagrange's name for `delete_group_folder`).",
    support: LAGRANGE_ONLY,
  }),
  rename_group_file_folder: () => action({
    params: struct({ group_id: IdParam, folder_id: t.string, new_folder_name: t.string }, 'RenameGroupFileFolderParams'),
    result: LagrangeFsResult,
    origin: 'lagrange',
    doc: 'Renames a group file folder.',
    support: LAGRANGE_ONLY,
  }),
  set_group_bot_status: () => action({
    params: struct({ group_id: IdParam, bot_id: IdParam, enable: t.number }, 'SetGroupBotStatusParams'),
    result: Id,
    origin: 'lagrange',
    doc: 'Turns a QQ group robot on (`enable: 1`) or off (0) in a group; answers the `bot_id`.',
    support: LAGRANGE_ONLY,
  }),
  send_group_bot_callback: () => action({
    params: struct(
      { group_id: IdParam, bot_id: IdParam, data_1: optional(t.string), data_2: optional(t.string) },
      'SendGroupBotCallbackParams',
    ),
    result: Id,
    origin: 'lagrange',
    doc: "Sends a callback to a QQ group robot's button; answers the `bot_id`.",
    support: LAGRANGE_ONLY,
  }),
  upload_image: () => action({
    params: struct({ file: t.string }, 'UploadImageParams'),
    result: t.string,
    origin: 'lagrange',
    doc: 'Uploads an image (path, URL or `base64://`) and answers its download URL.',
    support: LAGRANGE_ONLY,
  }),
} satisfies Record<string, () => ActionDef>);
