import * as t from 'io-ts';
import { Id } from '../../codec/id';
import { optional, struct } from './shared';

/**
 * Result codecs of NapCat actions whose schema is `Any` but whose handler returns an NT kernel answer NapCat's
 * `napcat-core` types (its service typings and `data/flash.ts`), or an object the handler builds itself. Every
 * field the SDK does not name stays on the object.
 */

/** The `GeneralCallResult` part of a kernel answer. */
const general = { result: optional(t.number), errMsg: optional(t.string) };

/** `create_flash_task`: the new file set (`createFlashTransferUploadTask`); `{}` when no file was given. */
export const FlashTaskCreated = struct(
  {
    ...general,
    seq: optional(t.number),
    createFlashTransferResult: optional(
      struct(
        { fileSetId: t.string, shareLink: optional(t.string), expireTime: optional(t.string), expireLeftTime: optional(t.string) },
        'FlashTransferCreated',
      ),
    ),
  },
  'FlashTaskCreated',
);
export interface FlashTaskCreated extends t.TypeOf<typeof FlashTaskCreated> {}

/** A flash-transfer file set (NapCat's `FlashFileSetInfo`). */
export const FlashFileSet = struct(
  {
    fileSetId: t.string,
    name: optional(t.string),
    totalFileCount: optional(t.number),
    totalFileSize: optional(t.number),
    shareInfo: optional(struct({ shareLink: optional(t.string), extractionCode: optional(t.string) }, 'FlashShareInfo')),
    expireLeftTime: optional(t.number),
    createTime: optional(t.number),
    expireTime: optional(t.number),
    taskId: optional(t.string),
  },
  'FlashFileSet',
);
export interface FlashFileSet extends t.TypeOf<typeof FlashFileSet> {}

/** `get_fileset_info`: the kernel's `getFileSet` answer. */
export const FilesetInfo = struct({ ...general, seq: optional(t.number), isCache: optional(t.boolean), fileSet: FlashFileSet }, 'FilesetInfo');
export interface FilesetInfo extends t.TypeOf<typeof FilesetInfo> {}

/** One folder level of `get_flash_file_list` (NapCat's `fileListsInfo`); its files are kernel file objects. */
export const FlashFolder = struct(
  {
    parentId: optional(t.string),
    depth: optional(t.number),
    fileList: t.array(t.UnknownRecord),
    isEnd: optional(t.boolean),
    isCache: optional(t.boolean),
  },
  'FlashFolder',
);
export interface FlashFolder extends t.TypeOf<typeof FlashFolder> {}

/** `get_flash_file_list`: NapCat's `FileListResponse` (`errMs`, as the kernel spells it). */
export const FlashFileList = struct(
  { seq: optional(t.number), result: optional(t.number), errMs: optional(t.string), fileLists: t.array(FlashFolder) },
  'FlashFileList',
);
export interface FlashFileList extends t.TypeOf<typeof FlashFileList> {}

/** `get_flash_file_url`: `result` -1 and an empty URL when no file matched. */
export const FlashFileUrl = struct({ ...general, transferUrl: t.string }, 'FlashFileUrl');
export interface FlashFileUrl extends t.TypeOf<typeof FlashFileUrl> {}

/** `download_fileset`: the kernel's `startFileSetDownload` answer. */
export const FilesetDownload = struct({ ...general, extraInfo: optional(t.unknown) }, 'FilesetDownload');
export interface FilesetDownload extends t.TypeOf<typeof FilesetDownload> {}

/** One entry of `get_doubt_friends_add_request` (built by NapCat's `getDoubtFriendRequest`): `flag` answers it. */
export const DoubtFriendRequest = struct(
  {
    flag: t.string,
    uin: Id,
    nick: optional(t.string),
    source: optional(t.string),
    reason: optional(t.string),
    msg: optional(t.string),
    group_code: optional(t.string),
    time: optional(t.union([t.string, t.number])),
    type: optional(t.string),
  },
  'DoubtFriendRequest',
);
export interface DoubtFriendRequest extends t.TypeOf<typeof DoubtFriendRequest> {}

/** One offline-file message of `get_online_file_msg` (`getOnlineFileMsgs`). */
export const OnlineFileMessage = struct(
  {
    msgId: t.string,
    msgRandom: optional(t.string),
    senderUid: optional(t.string),
    peerUid: optional(t.string),
    msgTime: optional(t.string),
    elements: optional(
      t.array(struct({ elementType: t.number, elementId: t.string, fileElement: optional(t.UnknownRecord) }, 'OnlineFileElement')),
    ),
  },
  'OnlineFileMessage',
);
export interface OnlineFileMessage extends t.TypeOf<typeof OnlineFileMessage> {}

/** `get_online_file_msg`: the conversation's online-file messages. */
export const OnlineFileMessages = struct({ ...general, msgList: t.array(OnlineFileMessage) }, 'OnlineFileMessages');
export interface OnlineFileMessages extends t.TypeOf<typeof OnlineFileMessages> {}

/** One item of `get_collection_list` (`getCollectionItemList`): IDs and times are digit strings. */
export const CollectionItem = struct(
  {
    cid: t.string,
    type: optional(t.number),
    status: optional(t.number),
    author: optional(t.UnknownRecord),
    bid: optional(t.number),
    category: optional(t.number),
    createTime: optional(t.string),
    collectTime: optional(t.string),
    modifyTime: optional(t.string),
    sequence: optional(t.string),
    shareUrl: optional(t.string),
    summary: optional(t.UnknownRecord),
  },
  'CollectionItem',
);
export interface CollectionItem extends t.TypeOf<typeof CollectionItem> {}

/** `get_collection_list`: one page of the account's collection. */
export const CollectionList = struct(
  {
    ...general,
    collectionSearchList: struct(
      { collectionItemList: t.array(CollectionItem), hasMore: optional(t.boolean), bottomTimeStamp: optional(t.string) },
      'CollectionSearchList',
    ),
  },
  'CollectionList',
);
export interface CollectionList extends t.TypeOf<typeof CollectionList> {}

/** One saved sticker of `fetch_custom_face_detail` (the kernel's `fetchFavEmojiList` entry). */
export const FavEmoji = struct(
  {
    emoId: t.number,
    url: t.string,
    uin: optional(t.string),
    emoPath: optional(t.string),
    isExist: optional(t.boolean),
    resId: optional(t.string),
    md5: optional(t.string),
    emoOriginalPath: optional(t.string),
    thumbPath: optional(t.string),
    isAPNG: optional(t.boolean),
    isMarkFace: optional(t.boolean),
    eId: optional(t.string),
  },
  'FavEmoji',
);
export interface FavEmoji extends t.TypeOf<typeof FavEmoji> {}

/**
 * `get_group_album_media_list`: the album service's `getMediaList` response. NapCat types only its envelope
 * (`errMs`, as the kernel spells it); the media fields come with it, unnamed.
 */
export const AlbumMediaPage = struct(
  {
    seq: optional(t.number),
    result: optional(t.number),
    errMs: optional(t.string),
    trace_id: optional(t.string),
    request_time_line: optional(t.unknown),
  },
  'AlbumMediaPage',
);
export interface AlbumMediaPage extends t.TypeOf<typeof AlbumMediaPage> {}
