import * as t from 'io-ts';
import { Id, IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { optional, struct } from '../shared';
import { NAPCAT_ONLY, NumberOrString } from './common';
import { KERNEL_NOTE, KernelResult } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** One user who reacted, as `fetch_emoji_like` reports it (QQ's raw field names). */
export const EmojiLiker = struct({ tinyId: t.string, nickName: t.string, headUrl: t.string }, 'EmojiLiker');
export interface EmojiLiker extends t.TypeOf<typeof EmojiLiker> {}

/** `fetch_emoji_like` reply: one page of the users who reacted with an emoji; pass `cookie` for the next. */
export const EmojiLikePage = struct(
  {
    emojiLikesList: t.array(EmojiLiker),
    cookie: t.string,
    isLastPage: t.boolean,
    isFirstPage: t.boolean,
    result: t.number,
    errMsg: t.string,
  },
  'EmojiLikePage',
);
export interface EmojiLikePage extends t.TypeOf<typeof EmojiLikePage> {}

/** `get_emoji_likes` reply: every user who reacted with an emoji (`user_id` is QQ's tiny ID). */
export const EmojiLikes = struct(
  { emoji_like_list: t.array(struct({ user_id: Id, nick_name: t.string }, 'EmojiLikeUser')) },
  'EmojiLikes',
);
export interface EmojiLikes extends t.TypeOf<typeof EmojiLikes> {}

/** NapCat's emoji reactions (the "likes" shown under a message). */
export const NAPCAT_REACTION_ACTIONS = lazyRows({
  set_msg_emoji_like: () => action({
    params: struct(
      { message_id: IdParam, emoji_id: NumberOrString, set: optional(t.boolean) },
      'SetMsgEmojiLikeParams',
    ),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Adds (`set`, default true) or removes an emoji reaction on a message.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  fetch_emoji_like: () => action({
    params: struct(
      {
        message_id: IdParam,
        emojiId: NumberOrString,
        emojiType: NumberOrString,
        count: optional(NumberOrString),
        cookie: optional(t.string),
      },
      'FetchEmojiLikeParams',
    ),
    result: EmojiLikePage,
    origin: 'napcat',
    doc: 'Reads one page (`count`, default 20) of the users who reacted to a message with an emoji.',
    support: NAPCAT_ONLY,
  }),
  get_emoji_likes: () => action({
    params: struct(
      {
        message_id: IdParam,
        emoji_id: NumberOrString,
        group_id: optional(IdParam),
        emoji_type: optional(NumberOrString),
        count: optional(t.number),
      },
      'GetEmojiLikesParams',
    ),
    result: EmojiLikes,
    origin: 'napcat',
    doc: 'Lists the users who reacted to a message with an emoji (`count` 0, the default, for all).',
    support: NAPCAT_ONLY,
    note: 'A long message ID needs `group_id`; a short one does not.',
  }),
} satisfies Record<string, () => ActionDef>);
