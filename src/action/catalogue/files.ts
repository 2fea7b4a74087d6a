import * as t from 'io-ts';
import { IdParam } from '../../codec/id';
import { action, type ActionDef } from '../define';
import { FileDetail, GroupFolderListing, NoResult, optional, struct } from './shared';
import { compat, EVERYWHERE, NOT_COLLECTED } from './support';
import { KERNEL_NOTE, KernelResult } from './kernel';
import { lazyRows } from '../lazy-rows';

/** The audio formats `get_record` converts to. */
export const AudioFormat = t.keyof(
  { mp3: null, amr: null, wma: null, m4a: null, spx: null, ogg: null, wav: null, flac: null },
  'AudioFormat',
);
export type AudioFormat = t.TypeOf<typeof AudioFormat>;

/** `{ url }` of a group or private file (NapCat may leave it out when it finds none). */
export const FileUrl = struct({ url: optional(t.string) }, 'FileUrl');
export interface FileUrl extends t.TypeOf<typeof FileUrl> {}

/** Upload reply: NapCat answers the new `file_id`; go-cqhttp answers nothing. */
export const UploadedFile = t.union(
  [struct({ file_id: optional(t.union([t.string, t.null])) }, 'UploadedFileId'), t.null, t.undefined],
  'UploadedFile',
);
export type UploadedFile = t.TypeOf<typeof UploadedFile>;

/** `get_group_file_system_info` reply: file counts and space. */
export const GroupFileSystemInfo = struct(
  { file_count: t.number, limit_count: t.number, used_space: t.number, total_space: t.number },
  'GroupFileSystemInfo',
);
export interface GroupFileSystemInfo extends t.TypeOf<typeof GroupFileSystemInfo> {}

/** `download_file` reply: the local path the backend saved to. */
export const DownloadedFile = struct({ file: t.string }, 'DownloadedFile');
export interface DownloadedFile extends t.TypeOf<typeof DownloadedFile> {}

/** OneBot 11 and go-cqhttp file actions: group file system, uploads, cached media, downloads. */
export const FILE_ACTIONS = lazyRows({
  get_image: () => action({
    params: struct({ file: t.string }, 'GetImageParams'),
    result: FileDetail,
    origin: 'onebot11',
    doc: 'Resolves a received image (`file` from its segment) to a local path and URL.',
    support: compat('supported', 'supported', 'unsupported'),
    note: 'NapCat also takes `file_id`, and answers `base64` when configured to.',
  }),
  get_record: () => action({
    params: struct({ file: t.string, out_format: optional(AudioFormat) }, 'GetRecordParams'),
    result: FileDetail,
    origin: 'onebot11',
    doc: 'Resolves a received voice message to a local file, converted to `out_format`.',
    support: compat('supported', 'slight', 'unsupported'),
    note: 'NapCat and go-cqhttp require `out_format`: the go-cqhttp and NapCat adapters send `mp3` when it is left out.',
  }),
  get_group_file_url: () => action({
    params: struct({ group_id: IdParam, file_id: t.string, busid: optional(t.number) }, 'GetGroupFileUrlParams'),
    result: FileUrl,
    origin: 'go-cqhttp',
    doc: 'Reads a download URL for a group file.',
    support: EVERYWHERE,
    note: 'NapCat ignores `busid`.',
  }),
  get_private_file_url: () => action({
    params: struct({ user_id: IdParam, file_id: t.string }, 'GetPrivateFileUrlParams'),
    result: FileUrl,
    origin: 'go-cqhttp',
    doc: 'Reads a download URL for a file received in a private chat.',
    support: EVERYWHERE,
    note: 'NapCat needs only `file_id`.',
  }),
  upload_group_file: () => action({
    params: struct(
      { group_id: IdParam, file: t.string, name: t.string, folder: optional(t.string), folder_id: optional(t.string) },
      'UploadGroupFileParams',
    ),
    result: UploadedFile,
    origin: 'go-cqhttp',
    doc: 'Uploads a local file (a path on the backend\'s machine) to a group, into `folder` if given.',
    support: compat('supported', 'slight', 'supported'),
    note: 'NapCat also takes `folder_id` for `folder` and answers the new `file_id`.',
  }),
  upload_private_file: () => action({
    params: struct({ user_id: IdParam, file: t.string, name: t.string }, 'UploadPrivateFileParams'),
    result: UploadedFile,
    origin: 'go-cqhttp',
    doc: 'Sends a local file (a path on the backend\'s machine) to a user.',
    support: compat('supported', 'slight', 'supported'),
    note: 'NapCat answers the new `file_id`.',
  }),
  get_group_file_system_info: () => action({
    params: struct({ group_id: IdParam }, 'GetGroupFileSystemInfoParams'),
    result: GroupFileSystemInfo,
    origin: 'go-cqhttp',
    doc: 'Reads a group file system\'s counts and space.',
    support: compat('supported', 'supported', 'unsupported'),
  }),
  get_group_root_files: () => action({
    params: struct({ group_id: IdParam, file_count: optional(t.number) }, 'GetGroupRootFilesParams'),
    result: GroupFolderListing,
    origin: 'go-cqhttp',
    doc: 'Lists the files and folders at the root of a group\'s file system.',
    support: EVERYWHERE,
    note: 'NapCat lists at most `file_count` entries (default 50).',
  }),
  get_group_files_by_folder: () => action({
    params: struct(
      { group_id: IdParam, folder_id: t.string, file_count: optional(t.number) },
      'GetGroupFilesByFolderParams',
    ),
    result: GroupFolderListing,
    origin: 'go-cqhttp',
    doc: 'Lists the files and folders inside one folder of a group\'s file system.',
    support: EVERYWHERE,
    note: 'NapCat lists at most `file_count` entries (default 50) and also takes `folder` for `folder_id`.',
  }),
  delete_group_file: () => action({
    params: struct({ group_id: IdParam, file_id: t.string, busid: optional(t.number) }, 'DeleteGroupFileParams'),
    result: KernelResult,
    origin: 'go-cqhttp',
    doc: 'Deletes a group file.',
    support: EVERYWHERE,
    note: `${KERNEL_NOTE}. NapCat ignores \`busid\`.`,
  }),
  create_group_file_folder: () => action({
    params: struct(
      { group_id: IdParam, name: t.string, parent_id: optional(t.string) },
      'CreateGroupFileFolderParams',
    ),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Creates a folder in a group\'s file system.',
    support: compat('supported', 'serious', 'supported'),
    note: 'NapCat creates folders at the root only (its adapter refuses another `parent_id`), also takes `folder_name`, and answers `{ result, groupItem }`.',
  }),
  delete_group_folder: () => action({
    params: struct({ group_id: IdParam, folder_id: t.string }, 'DeleteGroupFolderParams'),
    result: KernelResult,
    origin: 'go-cqhttp',
    doc: 'Deletes a folder of a group\'s file system with its files.',
    support: compat('supported', 'supported', 'serious'),
    note: `${KERNEL_NOTE}. NapCat also takes \`folder\` for \`folder_id\`.`,
  }),
  download_file: () => action({
    params: struct(
      {
        url: optional(t.string),
        base64: optional(t.string),
        name: optional(t.string),
        headers: optional(t.union([t.string, t.array(t.string)])),
        thread_count: optional(t.number),
      },
      'DownloadFileParams',
    ),
    result: DownloadedFile,
    origin: 'go-cqhttp',
    doc: 'Makes the backend download a URL (or decode `base64`) into its cache; answers the local path.',
    support: NOT_COLLECTED,
    note: 'Give `url` or `base64`. NapCat ignores `thread_count`.',
  }),
} satisfies Record<string, () => ActionDef>);
