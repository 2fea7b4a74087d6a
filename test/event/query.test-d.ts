import type { Observable } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Client,
  EventOf,
  EventQuery,
  FriendRequest,
  GroupDecreaseNotice,
  GroupIncreaseNotice,
  GroupMessageEvent,
  GuildMessageEvent,
  GroupMessageSentEvent,
  HeartbeatEvent,
  MessageEvent,
  PokeNotify,
  PrivateMessageEvent,
} from '../../src/index';
import { ofType } from '../../src/index';

declare const client: Client;

describe('event queries narrow the type exactly', () => {
  it('narrows by post_type, level-2 type and sub_type', () => {
    expectTypeOf<EventOf<'message'>>().toEqualTypeOf<MessageEvent | GuildMessageEvent>();
    expectTypeOf<EventOf<'message.guild'>>().toEqualTypeOf<GuildMessageEvent>();
    expectTypeOf<EventOf<'message.group'>>().toEqualTypeOf<GroupMessageEvent>();
    expectTypeOf<EventOf<'message.private'>>().toEqualTypeOf<PrivateMessageEvent>();
    expectTypeOf<EventOf<'message_sent.group'>>().toEqualTypeOf<GroupMessageSentEvent>();
    expectTypeOf<EventOf<'notice.group_increase'>>().toEqualTypeOf<GroupIncreaseNotice>();
    expectTypeOf<EventOf<'notice.notify.poke'>>().toEqualTypeOf<PokeNotify & { sub_type: 'poke' }>();
    expectTypeOf<EventOf<'request.friend'>>().toEqualTypeOf<FriendRequest>();
    expectTypeOf<EventOf<'meta_event.heartbeat'>>().toEqualTypeOf<HeartbeatEvent>();
  });

  it('narrows a shared interface to the queried sub_type', () => {
    expectTypeOf<EventOf<'notice.group_decrease.kick'>>().toEqualTypeOf<GroupDecreaseNotice & { sub_type: 'kick' }>();
    expectTypeOf<EventOf<'notice.group_decrease.kick'>['sub_type']>().toEqualTypeOf<'kick'>();
  });

  it('gives the union for several queries, on client.on and ofType alike', () => {
    expectTypeOf(client.on('notice.group_increase', 'request.friend')).toEqualTypeOf<
      Observable<GroupIncreaseNotice | FriendRequest>
    >();
    expectTypeOf(client.events$.pipe(ofType('message.group'))).toEqualTypeOf<Observable<GroupMessageEvent>>();
    expectTypeOf(client.groupMessages$).toEqualTypeOf<Observable<GroupMessageEvent>>();
  });

  it('rejects misspelt and impossible queries at compile time', () => {
    // @ts-expect-error 'mesage' is not a post_type
    client.on('mesage.group');
    // @ts-expect-error group messages have no 'poke' sub_type
    client.on('message.group.poke');
    // @ts-expect-error 'message' never matches 'message_sent' partially
    ofType('message_sen');
    expectTypeOf<'notice.notify.poke'>().toMatchTypeOf<EventQuery>();
    expectTypeOf<'notice.poke'>().not.toMatchTypeOf<EventQuery>();
  });
});
