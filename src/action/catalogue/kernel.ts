import * as t from 'io-ts';
import { optional, struct } from './shared';

/**
 * Result codecs of NapCat actions whose own schema is `Any` because the handler passes the NT kernel's
 * answer through unchanged (read from NapCat's `napcat-core` service typings). Every field the SDK does
 * not name stays on the object.
 */

/** The note of rows typed here: NapCat declares `Any`, the shape comes from the kernel call it returns. */
export const KERNEL_NOTE = "NapCat's schema is Any; typed from the NT kernel call it passes through";

/**
 * The NT kernel's `GeneralCallResult` (`result` 0 on success, `errMsg`), with whatever else the call adds;
 * `null` (or no `data`) when the kernel answered nothing.
 *
 * @example
 * client.api.set_msg_emoji_like({ message_id, emoji_id: 76 }); // emits { result: 0, errMsg: '' }
 */
export const KernelResult = t.union(
  [struct({ result: optional(t.number), errMsg: optional(t.string) }, 'GeneralCallResult'), t.null, t.undefined],
  'KernelResult',
);
export type KernelResult = t.TypeOf<typeof KernelResult>;

/** A muted member of `get_group_shut_list` (NapCat's `ShutUpGroupMember`): `shutUpTime` is when the mute ends. */
export const ShutUpMember = struct(
  {
    uid: t.string,
    uin: t.string,
    nick: optional(t.string),
    cardName: optional(t.string),
    role: optional(t.number),
    shutUpTime: t.number,
  },
  'ShutUpMember',
);
export interface ShutUpMember extends t.TypeOf<typeof ShutUpMember> {}

/** One entry of `nc_get_rkey` (the OIDB 0x9067_202 reply): the key, its lifetime in s, issue time, type. */
export const RawRkey = struct(
  { rkey: t.string, ttl: optional(t.union([t.number, t.string])), time: optional(t.number), type: optional(t.number) },
  'RawRkey',
);
export interface RawRkey extends t.TypeOf<typeof RawRkey> {}

/** One range of robot accounts of `get_robot_uin_range`, as digit strings. */
export const RobotUinRange = struct({ minUin: t.string, maxUin: t.string }, 'RobotUinRange');
export interface RobotUinRange extends t.TypeOf<typeof RobotUinRange> {}

/**
 * `send_ark_share` / `ArkSharePeer`: a contact card's ark JSON. NapCat's handler returns the kernel object
 * (`arkJson` for a group, `arkMsg` for a user); its documented example is the JSON string itself.
 */
export const ArkShareResult = t.union(
  [
    t.string,
    struct(
      { result: optional(t.number), errMsg: optional(t.string), arkJson: optional(t.string), arkMsg: optional(t.string) },
      'ArkShareKernelResult',
    ),
  ],
  'ArkShareResult',
);
export type ArkShareResult = t.TypeOf<typeof ArkShareResult>;

/** `get_group_info_ex`: the group's extended info (`GroupExtInfo` of the 0xEF0 call). */
export const GroupExtInfo = struct(
  { groupCode: optional(t.string), resultCode: optional(t.number), extInfo: optional(t.UnknownRecord) },
  'GroupExtInfo',
);
export interface GroupExtInfo extends t.TypeOf<typeof GroupExtInfo> {}

/**
 * `get_share_link`: the flash-transfer share link and when it expires (a Unix time as a string), as the
 * kernel object NapCat's handler returns; its documented example is the link string itself.
 */
export const ShareLinkResult = t.union(
  [
    t.string,
    struct(
      { result: optional(t.number), errMsg: optional(t.string), shareLink: t.string, expireTimestamp: optional(t.string) },
      'ShareLinkKernelResult',
    ),
  ],
  'ShareLinkResult',
);
export type ShareLinkResult = t.TypeOf<typeof ShareLinkResult>;
