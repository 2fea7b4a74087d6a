import { describe, expectTypeOf, it } from 'vitest';
import type {
  Anonymous,
  EventCodec,
  FriendRequest,
  GroupDecreaseNotice,
  GroupIncreaseNotice,
  GroupMessageEvent,
  GuildMessageEvent,
  GroupRequest,
  HeartbeatEvent,
  LifecycleEvent,
  MessageEvent,
  MessageSentEvent,
  MetaEvent,
  NoticeEvent,
  NotifyNotice,
  OneBotEvent,
  PokeNotify,
  PrivateMessageEvent,
  RequestEvent,
  Sender,
  UnknownEvent,
} from '../../../src/codec/event';
import { eventCodecFor } from '../../../src/codec/event';
import type { Id } from '../../../src/codec/id';
import type { Segment } from '../../../src/codec/segment';

/** The level-2 discriminant of an event, whichever key holds it. */
type Level2Of<E> = E extends { message_type: infer L }
  ? L
  : E extends { notice_type: infer L }
    ? L
    : E extends { request_type: infer L }
      ? L
      : E extends { meta_event_type: infer L }
        ? L
        : never;

/** Members of a union whose field `K` is a plain `string` rather than literals. */
type NonLiteral<E, K extends PropertyKey> = E extends unknown
  ? K extends keyof E
    ? string extends E[K]
      ? E
      : never
    : never
  : never;

/** Members with no level-2 key at all. */
type MissingLevel2<E> = E extends unknown ? ([Level2Of<E>] extends [never] ? E : never) : never;

/** Dotted queries as the lead derives them: `post.level2` and `post.level2.sub`. */
type QueryOf<E> = E extends { post_type: infer P extends string }
  ?
      | `${P}.${Level2Of<E> & string}`
      | (E extends { sub_type: infer S extends string } ? `${P}.${Level2Of<E> & string}.${S}` : never)
  : never;

type Query = QueryOf<OneBotEvent>;

describe('event types', () => {
  it('narrows the union by its literal discriminants to exactly one interface', () => {
    expectTypeOf<Extract<OneBotEvent, { notice_type: 'group_increase' }>>().toEqualTypeOf<GroupIncreaseNotice>();
    expectTypeOf<Extract<OneBotEvent, { notice_type: 'group_decrease' }>>().toEqualTypeOf<GroupDecreaseNotice>();
    expectTypeOf<Extract<OneBotEvent, { notice_type: 'notify'; sub_type: 'poke' }>>().toEqualTypeOf<PokeNotify>();
    expectTypeOf<Extract<OneBotEvent, { post_type: 'message'; message_type: 'group' }>>().toEqualTypeOf<GroupMessageEvent>();
    expectTypeOf<Extract<OneBotEvent, { post_type: 'message'; message_type: 'private' }>>().toEqualTypeOf<PrivateMessageEvent>();
    expectTypeOf<Extract<OneBotEvent, { request_type: 'friend' }>>().toEqualTypeOf<FriendRequest>();
    expectTypeOf<Extract<OneBotEvent, { request_type: 'group' }>>().toEqualTypeOf<GroupRequest>();
    expectTypeOf<Extract<OneBotEvent, { meta_event_type: 'heartbeat' }>>().toEqualTypeOf<HeartbeatEvent>();
    expectTypeOf<Extract<OneBotEvent, { meta_event_type: 'lifecycle' }>>().toEqualTypeOf<LifecycleEvent>();
  });

  it('groups the events by post_type', () => {
    expectTypeOf<Extract<OneBotEvent, { post_type: 'message' }>>().toEqualTypeOf<MessageEvent | GuildMessageEvent>();
    expectTypeOf<Extract<OneBotEvent, { post_type: 'message_sent' }>>().toEqualTypeOf<MessageSentEvent>();
    expectTypeOf<Extract<OneBotEvent, { post_type: 'notice' }>>().toEqualTypeOf<NoticeEvent>();
    expectTypeOf<Extract<OneBotEvent, { post_type: 'request' }>>().toEqualTypeOf<RequestEvent>();
    expectTypeOf<Extract<OneBotEvent, { post_type: 'meta_event' }>>().toEqualTypeOf<MetaEvent>();
    expectTypeOf<Extract<OneBotEvent, { notice_type: 'notify' }>>().toEqualTypeOf<NotifyNotice>();
  });

  it('gives every member literal post_type, level-2 key and sub_type', () => {
    expectTypeOf<NonLiteral<OneBotEvent, 'post_type'>>().toBeNever();
    expectTypeOf<NonLiteral<OneBotEvent, 'sub_type'>>().toBeNever();
    expectTypeOf<NonLiteral<OneBotEvent, 'message_type'>>().toBeNever();
    expectTypeOf<NonLiteral<OneBotEvent, 'notice_type'>>().toBeNever();
    expectTypeOf<NonLiteral<OneBotEvent, 'request_type'>>().toBeNever();
    expectTypeOf<NonLiteral<OneBotEvent, 'meta_event_type'>>().toBeNever();
    expectTypeOf<MissingLevel2<OneBotEvent>>().toBeNever();
    expectTypeOf<GroupDecreaseNotice['sub_type']>().toEqualTypeOf<'leave' | 'kick' | 'kick_me' | 'disband'>();
    expectTypeOf<GroupMessageEvent['sub_type']>().toEqualTypeOf<'normal' | 'anonymous' | 'notice'>();
  });

  it('derives dotted queries from the literal fields', () => {
    expectTypeOf<'message.group.normal'>().toExtend<Query>();
    expectTypeOf<'message_sent.private.friend'>().toExtend<Query>();
    expectTypeOf<'notice.group_increase'>().toExtend<Query>();
    expectTypeOf<'notice.notify.poke'>().toExtend<Query>();
    expectTypeOf<'request.friend'>().toExtend<Query>();
    expectTypeOf<'request.group.invite'>().toExtend<Query>();
    expectTypeOf<'meta_event.heartbeat'>().toExtend<Query>();
    expectTypeOf<'meta_event.lifecycle.connect'>().toExtend<Query>();
    expectTypeOf<'message.group.bogus'>().not.toExtend<Query>();
    expectTypeOf<'notice.notify'>().toExtend<Query>();
    expectTypeOf<'notice.group_upload.add'>().not.toExtend<Query>();
  });

  it('types message content as segments and IDs as Id', () => {
    expectTypeOf<GroupMessageEvent['message']>().toEqualTypeOf<Segment[]>();
    expectTypeOf<MessageSentEvent['message']>().toEqualTypeOf<Segment[]>();
    expectTypeOf<GroupMessageEvent['group_id']>().toEqualTypeOf<Id>();
    expectTypeOf<GroupMessageEvent['sender']>().toEqualTypeOf<Sender>();
    expectTypeOf<Sender['user_id']>().toEqualTypeOf<Id | undefined>();
    expectTypeOf<PokeNotify['target_id']>().toEqualTypeOf<Id>();
  });

  it('makes fields that backends may leave out optional', () => {
    expectTypeOf<GroupMessageEvent>().toHaveProperty('anonymous');
    expectTypeOf<GroupMessageEvent['anonymous']>().toEqualTypeOf<Anonymous | null | undefined>();
    expectTypeOf<Pick<Sender, 'user_id' | 'nickname'>>().toExtend<Sender>();
    expectTypeOf<PokeNotify['group_id']>().toEqualTypeOf<Id | undefined>();
  });

  it('types unknown events loosely, with post_type a string', () => {
    expectTypeOf<UnknownEvent['post_type']>().toEqualTypeOf<string>();
    expectTypeOf<UnknownEvent['self_id']>().toEqualTypeOf<Id | undefined>();
    expectTypeOf<UnknownEvent['anything']>().toEqualTypeOf<unknown>();
  });

  it('returns a codec whose .is() narrows to OneBotEvent', () => {
    expectTypeOf(eventCodecFor).returns.toEqualTypeOf<EventCodec | undefined>();
    const frame: Record<string, unknown> = {};
    const codec = eventCodecFor(frame);
    if (codec?.is(frame)) expectTypeOf(frame).toExtend<OneBotEvent>();
  });
});
