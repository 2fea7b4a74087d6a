import * as t from 'io-ts';
import { OnlineFileMessages } from '../kernel-lists';
import { IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { NAPCAT_ONLY } from '../napcat/common';
import { optional, struct } from '../shared';
import { KERNEL_NOTE, KernelResult } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** Params naming one online-file offer in a private chat (`element_id`: the file element inside it). */
export const OnlineFileOfferParams = struct(
  { user_id: IdParam, msg_id: t.string, element_id: t.string },
  'OnlineFileOfferParams',
);
export interface OnlineFileOfferParams extends t.TypeOf<typeof OnlineFileOfferParams> {}

const MSG_ID_NOTE = `${KERNEL_NOTE}. \`msg_id\` is NapCat's internal message ID (digits kept as a string), not a OneBot \`message_id\`.`;

/** NapCat's online files: direct peer-to-peer file and folder transfers in private chats. */
export const ONLINE_FILE_ACTIONS = lazyRows({
  send_online_file: () => action({
    params: struct(
      { user_id: IdParam, file_path: t.string, file_name: optional(t.string) },
      'SendOnlineFileParams',
    ),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Offers a local file to a user as an online (direct) transfer.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  send_online_folder: () => action({
    params: struct(
      { user_id: IdParam, folder_path: t.string, folder_name: optional(t.string) },
      'SendOnlineFolderParams',
    ),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Offers a local folder to a user as an online (direct) transfer.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  get_online_file_msg: () => action({
    params: struct({ user_id: IdParam }, 'GetOnlineFileMsgParams'),
    result: OnlineFileMessages,
    origin: 'napcat',
    doc: 'Lists the online-file messages of a private chat.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  receive_online_file: () => action({
    params: OnlineFileOfferParams,
    result: KernelResult,
    origin: 'napcat',
    doc: 'Accepts an online file or folder a user offered.',
    support: NAPCAT_ONLY,
    note: MSG_ID_NOTE,
  }),
  refuse_online_file: () => action({
    params: OnlineFileOfferParams,
    result: KernelResult,
    origin: 'napcat',
    doc: 'Declines an online file or folder a user offered.',
    support: NAPCAT_ONLY,
    note: MSG_ID_NOTE,
  }),
  cancel_online_file: () => action({
    params: struct({ user_id: IdParam, msg_id: t.string }, 'CancelOnlineFileParams'),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Withdraws an online file the bot offered.',
    support: NAPCAT_ONLY,
    note: MSG_ID_NOTE,
  }),
} satisfies Record<string, () => ActionDef>);
