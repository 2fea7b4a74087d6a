import type * as t from 'io-ts';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  EVENT_CODECS,
  GuildMessageEvent,
  MessageEvent,
  MessageSentEvent,
  MetaEvent,
  NoticeEvent,
  NotifyNotice,
  OneBotEvent,
  RequestEvent,
} from '../../../src/codec/event';

/** The events a branch of the codec tree decodes: the union of its leaves' types. */
type EventsOf<T> =
  T extends t.Decoder<unknown, infer A> ? A : T extends object ? { [K in keyof T]: EventsOf<T[K]> }[keyof T] : never;

/** `true` when each type is assignable to the other (no distribution over unions). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Tree = typeof EVENT_CODECS;

// The event unions are still written out by name (readable hovers); these checks keep them equal to the codec
// tree, which is what the dispatcher decodes: a leaf added to the tree without its union member, or a union
// member without a leaf, fails here.
describe('event unions match the event codec tree', () => {
  it('has one union member per leaf, per branch', () => {
    expectTypeOf<Same<OneBotEvent, EventsOf<Tree>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<MessageEvent, EventsOf<Omit<Tree['message'], 'guild'>>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<GuildMessageEvent, EventsOf<Tree['message']['guild']>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<MessageSentEvent, EventsOf<Tree['message_sent']>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<NoticeEvent, EventsOf<Tree['notice']>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<NotifyNotice, EventsOf<Tree['notice']['notify']>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<RequestEvent, EventsOf<Tree['request']>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<MetaEvent, EventsOf<Tree['meta_event']>>>().toEqualTypeOf<true>();
  });
});
