import * as t from 'io-ts';
import { IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { NAPCAT_ONLY } from '../napcat/common';
import { optional, struct } from '../shared';
import { KERNEL_NOTE, KernelResult } from '../kernel';
import { FilesetDownload, FilesetInfo, FlashFileList, FlashFileUrl, FlashTaskCreated } from '../kernel-lists';
import { lazyRows } from '../../lazy-rows';

/** `{ fileset_id }`: names one flash-transfer file set. */
export const FilesetIdParams = struct({ fileset_id: t.string }, 'FilesetIdParams');
export interface FilesetIdParams extends t.TypeOf<typeof FilesetIdParams> {}

/** `get_fileset_id` reply. */
export const FilesetIdResult = struct({ fileset_id: t.string }, 'FilesetIdResult');
export interface FilesetIdResult extends t.TypeOf<typeof FilesetIdResult> {}

/** NapCat's flash transfer (闪传): file sets uploaded once, shared by code or message, downloaded later. */
export const FLASH_ACTIONS = lazyRows({
  create_flash_task: () => action({
    params: struct(
      { files: t.union([t.string, t.array(t.string)]), name: optional(t.string), thumb_path: optional(t.string) },
      'CreateFlashTaskParams',
    ),
    result: FlashTaskCreated,
    origin: 'napcat',
    doc: 'Uploads local files as a new flash-transfer file set.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  send_flash_msg: () => action({
    params: struct(
      { fileset_id: t.string, user_id: optional(IdParam), group_id: optional(IdParam) },
      'SendFlashMsgParams',
    ),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Sends a file set as a flash-transfer message to a group or a user.',
    support: NAPCAT_ONLY,
    note: `${KERNEL_NOTE}. One of \`group_id\` / \`user_id\` is required; \`group_id\` wins when both are given.`,
  }),
  get_fileset_id: () => action({
    params: struct({ share_code: t.string }, 'GetFilesetIdParams'),
    result: FilesetIdResult,
    origin: 'napcat',
    doc: 'Resolves a share code (or share link) to its file set ID.',
    support: NAPCAT_ONLY,
  }),
  get_fileset_info: () => action({
    params: FilesetIdParams,
    result: FilesetInfo,
    origin: 'napcat',
    doc: 'Reads the details of a file set.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  get_flash_file_list: () => action({
    params: FilesetIdParams,
    result: FlashFileList,
    origin: 'napcat',
    doc: 'Lists the files of a file set.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  get_flash_file_url: () => action({
    params: struct(
      { fileset_id: t.string, file_name: optional(t.string), file_index: optional(t.number) },
      'GetFlashFileUrlParams',
    ),
    result: FlashFileUrl,
    origin: 'napcat',
    doc: 'Gets the download URL of one file of a set, by name or 0-based index.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  download_fileset: () => action({
    params: FilesetIdParams,
    result: FilesetDownload,
    origin: 'napcat',
    doc: "Downloads a whole file set to NapCat's default download folder.",
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
} satisfies Record<string, () => ActionDef>);
