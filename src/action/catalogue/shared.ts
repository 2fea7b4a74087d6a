import * as t from 'io-ts';
import type { FieldCheck } from '../../codec/compile-is';
import { GroupRole } from '../../codec/account';
import { Id } from '../../codec/id';
import { objectCodec } from '../../codec/object';
import { SegmentArray } from '../../codec/segment';

/** The `note` of rows whose result is `t.unknown` because NapCat's own result schema is `Any`. */
export const ANY_SCHEMA_NOTE = "NapCat's schema is Any";

/** `t.union([codec, t.undefined])`: a field callers or backends may leave out (use it inside {@link struct}). */
export const optional = <C extends t.Mixed>(codec: C) => t.union([codec, t.undefined]);

type Flatten<T> = { [K in keyof T]: T[K] };

/** An object type whose keys holding `undefined` are optional (`?:`), the others required. */
export type WithOptionalKeys<T> = Flatten<
  { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
    [K in keyof T as undefined extends T[K] ? K : never]?: T[K];
  }
>;

/** The codec {@link struct} builds: a `t.type` whose `optional(...)` fields are optional keys. */
export type StructC<P extends t.Props> = t.InterfaceType<
  P,
  WithOptionalKeys<{ [K in keyof P]: t.TypeOf<P[K]> }>,
  WithOptionalKeys<{ [K in keyof P]: t.OutputOf<P[K]> }>,
  unknown
>;

/**
 * `t.type` for objects with optional fields: a field whose codec accepts `undefined` (see {@link optional})
 * may be absent, both in the TypeScript type (`key?:`) and in `.is()` (plain `t.type`'s `.is()` rejects an
 * absent key, and types it as required). `.is()` and `.validate()` are {@link objectCodec}'s (one pass,
 * unknown fields kept, a success returns its input); `.encode()` is `t.type`'s (each field's own encode).
 *
 * @example
 * const Ban = struct({ group_id: IdParam, duration: optional(t.number) }, 'Ban');
 * Ban.is({ group_id: 1 }); // true — and `{ group_id: 1 }` type-checks as a Ban
 */
export function struct<P extends t.Props>(props: P, name: string): StructC<P> {
  type C = StructC<P>;
  const base = t.type(props, name);
  const lean = objectCodec(name, Object.entries(props).map(([key, codec]) => fieldCheck(key, codec)));
  return new t.InterfaceType(
    name,
    lean.is as C['is'],
    lean.validate as unknown as C['validate'],
    base.encode as unknown as C['encode'],
    props,
  );
}

/** A struct field as {@link objectCodec} checks it: an `optional(codec)` field is `codec`, or absent. */
function fieldCheck(key: string, codec: t.Mixed): FieldCheck {
  const members = codec instanceof t.UnionType ? (codec.types as readonly t.Mixed[]) : [];
  const isOptional = members.length === 2 && members[1] === t.undefined;
  return { key, codec: isOptional ? (members[0] as t.Mixed) : codec, optional: isOptional };
}

/** The reply data of actions that answer nothing useful: `null` (NapCat), missing, or an object. */
export const NoResult = t.union([t.null, t.undefined, t.UnknownRecord], 'NoResult');
export type NoResult = t.TypeOf<typeof NoResult>;

/** `get_login_info`: the logged-in account. */
export const LoginInfo = struct({ user_id: Id, nickname: t.string }, 'LoginInfo');
export interface LoginInfo extends t.TypeOf<typeof LoginInfo> {}

/** `get_stranger_info`: any user's public profile (NapCat adds many optional fields). */
export const StrangerInfo = struct(
  {
    user_id: Id,
    nickname: t.string,
    sex: optional(t.string),
    age: optional(t.number),
    qid: optional(t.string),
    level: optional(t.number),
    login_days: optional(t.number),
    remark: optional(t.string),
    long_nick: optional(t.string),
  },
  'StrangerInfo',
);
export interface StrangerInfo extends t.TypeOf<typeof StrangerInfo> {}

/** One entry of `get_friend_list`. */
export const FriendInfo = struct(
  {
    user_id: Id,
    nickname: t.string,
    remark: optional(t.string),
    sex: optional(t.string),
    age: optional(t.number),
    level: optional(t.number),
    category_id: optional(t.number),
  },
  'FriendInfo',
);
export interface FriendInfo extends t.TypeOf<typeof FriendInfo> {}

/** `get_group_info` and one entry of `get_group_list`. */
export const GroupInfo = struct(
  {
    group_id: Id,
    group_name: t.string,
    member_count: optional(t.number),
    max_member_count: optional(t.number),
    group_remark: optional(t.string),
    group_all_shut: optional(t.number),
  },
  'GroupInfo',
);
export interface GroupInfo extends t.TypeOf<typeof GroupInfo> {}

/** `get_group_member_info` and one entry of `get_group_member_list`. */
export const GroupMemberInfo = struct(
  {
    group_id: Id,
    user_id: Id,
    nickname: t.string,
    card: optional(t.string),
    sex: optional(t.string),
    age: optional(t.number),
    area: optional(t.string),
    join_time: optional(t.number),
    last_sent_time: optional(t.number),
    level: optional(t.union([t.string, t.number])),
    qq_level: optional(t.number),
    role: optional(GroupRole),
    unfriendly: optional(t.boolean),
    title: optional(t.string),
    title_expire_time: optional(t.number),
    card_changeable: optional(t.boolean),
    shut_up_timestamp: optional(t.number),
    is_robot: optional(t.boolean),
  },
  'GroupMemberInfo',
);
export interface GroupMemberInfo extends t.TypeOf<typeof GroupMemberInfo> {}

/** The `{ message_id }` every send action answers. */
export const MessageIdResult = struct({ message_id: Id }, 'MessageIdResult');
export interface MessageIdResult extends t.TypeOf<typeof MessageIdResult> {}

/** The sender of a stored message (`get_msg`, history lists). */
export const MessageSender = struct(
  {
    user_id: Id,
    nickname: optional(t.string),
    card: optional(t.string),
    sex: optional(t.string),
    age: optional(t.number),
    level: optional(t.union([t.string, t.number])),
    role: optional(GroupRole),
    title: optional(t.string),
  },
  'MessageSender',
);
export interface MessageSender extends t.TypeOf<typeof MessageSender> {}

/** A stored message: `get_msg`, and the entries of the history actions. */
export const MessageDetail = struct(
  {
    time: t.number,
    message_type: t.string,
    message_id: Id,
    real_id: optional(Id),
    message_seq: optional(Id),
    sender: MessageSender,
    message: t.union([SegmentArray, t.string]),
    raw_message: optional(t.string),
    font: optional(t.number),
    user_id: optional(Id),
    group_id: optional(Id),
    self_id: optional(Id),
  },
  'MessageDetail',
);
export interface MessageDetail extends t.TypeOf<typeof MessageDetail> {}

/** `{ messages }`: the history actions' reply. */
export const MessageList = struct({ messages: t.array(MessageDetail) }, 'MessageList');
export interface MessageList extends t.TypeOf<typeof MessageList> {}

/** `get_version_info`: `app_name` tells the backend (NapCat says `NapCat.Onebot`). */
export const VersionInfo = struct(
  { app_name: t.string, app_version: optional(t.string), protocol_version: optional(t.string) },
  'VersionInfo',
);
export interface VersionInfo extends t.TypeOf<typeof VersionInfo> {}

/** `get_status`: whether the account is online and the backend healthy. */
export const Status = struct(
  { online: t.union([t.boolean, t.null, t.undefined]), good: t.boolean, stat: optional(t.unknown) },
  'Status',
);
export interface Status extends t.TypeOf<typeof Status> {}

/** `{ yes }`: the `can_send_*` probes. */
export const YesResult = struct({ yes: t.boolean }, 'YesResult');
export interface YesResult extends t.TypeOf<typeof YesResult> {}

/** One file of a group's file system. */
export const GroupFile = struct(
  {
    group_id: optional(Id),
    file_id: t.string,
    file_name: t.string,
    busid: optional(t.number),
    size: optional(t.number),
    file_size: optional(t.number),
    upload_time: optional(t.number),
    dead_time: optional(t.number),
    modify_time: optional(t.number),
    download_times: optional(t.number),
    uploader: optional(Id),
    uploader_name: optional(t.string),
  },
  'GroupFile',
);
export interface GroupFile extends t.TypeOf<typeof GroupFile> {}

/** One folder of a group's file system. */
export const GroupFolder = struct(
  {
    group_id: optional(Id),
    folder_id: t.string,
    folder: optional(t.string),
    folder_name: t.string,
    create_time: optional(t.number),
    creator: optional(Id),
    creator_name: optional(t.string),
    total_file_count: optional(t.number),
  },
  'GroupFolder',
);
export interface GroupFolder extends t.TypeOf<typeof GroupFolder> {}

/** `{ files, folders }`: a folder listing (`get_group_root_files`, `get_group_files_by_folder`); go-cqhttp sends `null` for an empty list. */
export const GroupFolderListing = struct(
  { files: t.union([t.array(GroupFile), t.null]), folders: t.union([t.array(GroupFolder), t.null]) },
  'GroupFolderListing',
);
export interface GroupFolderListing extends t.TypeOf<typeof GroupFolderListing> {}

/** A downloaded or cached file: `get_image`, `get_record`, `get_file`. */
export const FileDetail = struct(
  {
    file: optional(t.string),
    url: optional(t.string),
    file_size: optional(t.union([t.string, t.number])),
    file_name: optional(t.string),
    base64: optional(t.string),
  },
  'FileDetail',
);
export interface FileDetail extends t.TypeOf<typeof FileDetail> {}

/** `{ url }`: the file URL actions. */
export const UrlResult = struct({ url: t.string }, 'UrlResult');
export interface UrlResult extends t.TypeOf<typeof UrlResult> {}
