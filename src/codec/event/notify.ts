import * as t from 'io-ts';
import { Id } from '../id';
import { eventBase, groupNoticeBase } from './common';
import { type EventCodecOf, lean } from './lean';

const notify = { ...eventBase, post_type: t.literal('notice'), notice_type: t.literal('notify') } as const;
const groupNotify = { ...groupNoticeBase, notice_type: t.literal('notify') } as const;

const PokeNotifyCodec = lean(
  { ...notify, sub_type: t.literal('poke'), user_id: Id, target_id: Id },
  { group_id: Id, sender_id: Id, raw_info: t.unknown },
  'PokeNotify',
);
/** Someone poked someone. */
export interface PokeNotify extends t.TypeOf<typeof PokeNotifyCodec> {}
/**
 * Someone poked someone (`notice.notify.poke`): `user_id` poked `target_id`. A group poke has `group_id`;
 * NapCat's private poke has `sender_id` instead, and both carry NapCat's `raw_info` (the tip's items).
 */
export const PokeNotify: EventCodecOf<PokeNotify> = PokeNotifyCodec;

const LuckyKingNotifyCodec = t.type(
  { ...groupNotify, sub_type: t.literal('lucky_king'), target_id: Id },
  'LuckyKingNotify',
);
/** A red packet's luckiest receiver. */
export interface LuckyKingNotify extends t.TypeOf<typeof LuckyKingNotifyCodec> {}
/** A red packet's luckiest receiver (`notice.notify.lucky_king`, OneBot 11): `user_id` sent it, `target_id` won. */
export const LuckyKingNotify: EventCodecOf<LuckyKingNotify> = LuckyKingNotifyCodec;

const HonorNotifyCodec = t.type({ ...groupNotify, sub_type: t.literal('honor'), honor_type: t.string }, 'HonorNotify');
/** A member received a group honour. */
export interface HonorNotify extends t.TypeOf<typeof HonorNotifyCodec> {}
/**
 * A member received a group honour (`notice.notify.honor`, OneBot 11). `honor_type` is `'talkative'`,
 * `'performer'` or `'emotion'` in OneBot 11; kept a string for newer honours.
 */
export const HonorNotify: EventCodecOf<HonorNotify> = HonorNotifyCodec;

const TitleNotifyCodec = t.type({ ...groupNotify, sub_type: t.literal('title'), title: t.string }, 'TitleNotify');
/** A member got a new special title. */
export interface TitleNotify extends t.TypeOf<typeof TitleNotifyCodec> {}
/** A member got a new special title (`notice.notify.title`, NapCat and go-cqhttp). */
export const TitleNotify: EventCodecOf<TitleNotify> = TitleNotifyCodec;

const InputStatusNotifyCodec = lean(
  { ...notify, sub_type: t.literal('input_status'), user_id: Id, status_text: t.string, event_type: t.number },
  { group_id: Id },
  'InputStatusNotify',
);
/** A friend's typing status changed. */
export interface InputStatusNotify extends t.TypeOf<typeof InputStatusNotifyCodec> {}
/**
 * A friend's typing status changed (`notice.notify.input_status`, NapCat): `status_text` as shown by QQ
 * (empty when they stopped), `event_type` QQ's code. NapCat sends `group_id: 0`.
 */
export const InputStatusNotify: EventCodecOf<InputStatusNotify> = InputStatusNotifyCodec;

const ProfileLikeNotifyCodec = t.type(
  { ...notify, sub_type: t.literal('profile_like'), operator_id: Id, operator_nick: t.string, times: t.number },
  'ProfileLikeNotify',
);
/** Someone liked the bot's profile. */
export interface ProfileLikeNotify extends t.TypeOf<typeof ProfileLikeNotifyCodec> {}
/** Someone liked the bot's profile (`notice.notify.profile_like`, NapCat) `times` times. */
export const ProfileLikeNotify: EventCodecOf<ProfileLikeNotify> = ProfileLikeNotifyCodec;

const GroupNameNotifyCodec = t.type(
  { ...groupNotify, sub_type: t.literal('group_name'), name_new: t.string },
  'GroupNameNotify',
);
/** A member renamed the group. */
export interface GroupNameNotify extends t.TypeOf<typeof GroupNameNotifyCodec> {}
/** A member renamed the group (`notice.notify.group_name`, NapCat). */
export const GroupNameNotify: EventCodecOf<GroupNameNotify> = GroupNameNotifyCodec;

/** QQ's business ID of a grey tip: a string in NapCat's types, a number in some QQ builds. */
const BusiId = t.union([t.string, t.number], 'BusiId');

const GrayTipNotifyCodec = lean(
  { ...groupNotify, sub_type: t.literal('gray_tip'), message_id: Id, busi_id: BusiId, content: t.string },
  { raw_info: t.unknown },
  'GrayTipNotify',
);
/** A group grey tip NapCat could not classify. */
export interface GrayTipNotify extends t.TypeOf<typeof GrayTipNotifyCodec> {}
/**
 * A group grey tip NapCat could not classify (`notice.notify.gray_tip`, NapCat): `user_id` is the real
 * sender (a forged tip names its author), `message_id` can be recalled, `content` is the tip's JSON text,
 * `busi_id` QQ's business ID, `raw_info` NapCat's raw tip (`msgSeq`, `msgTime`, `msgId`, `json`).
 */
export const GrayTipNotify: EventCodecOf<GrayTipNotify> = GrayTipNotifyCodec;
