import type { Observable } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import type { IdInput } from '../../src/codec/id';
import type { ActionName, Catalogue } from '../../src/action/catalogue/index';
import type { ResultOf } from '../../src/action/define';
import type { SeedMethods } from '../../src/action/methods';
import type { CallOptions } from '../../src/action/types';
import type { Message } from '../../src/message/message';

type Result<A extends ActionName> = Observable<ResultOf<Catalogue[A]>>;

describe('seed-method signatures', () => {
  it('setGroupBan takes two IDs, an optional duration and options', () => {
    expectTypeOf<SeedMethods['setGroupBan']>().toEqualTypeOf<
      (groupId: IdInput, userId: IdInput, duration?: number, options?: CallOptions) => Result<'set_group_ban'>
    >();
  });

  it('unsetGroupBan takes no duration at all', () => {
    expectTypeOf<SeedMethods['unsetGroupBan']>().toEqualTypeOf<
      (groupId: IdInput, userId: IdInput, options?: CallOptions) => Result<'set_group_ban'>
    >();
  });

  it('sendGroupMessage takes an ID and a Message and emits the message ID', () => {
    expectTypeOf<SeedMethods['sendGroupMessage']>().toEqualTypeOf<
      (groupId: IdInput, message: Message, options?: CallOptions) => Result<'send_group_msg'>
    >();
    expectTypeOf<ReturnType<SeedMethods['sendGroupMessage']>>().toEqualTypeOf<
      Observable<{ message_id: number | string }>
    >();
  });

  it('getLoginInfo takes only options and emits user_id and nickname', () => {
    expectTypeOf<SeedMethods['getLoginInfo']>().parameters.toEqualTypeOf<[options?: CallOptions]>();
    expectTypeOf<ReturnType<SeedMethods['getLoginInfo']>>().toEqualTypeOf<
      Observable<{ user_id: number | string; nickname: string }>
    >();
  });

  it('sendMessage takes one params object whose optional fields may be left out', () => {
    expectTypeOf<SeedMethods['sendMessage']>().toBeCallableWith({ group_id: 1, message: 'hi' });
    expectTypeOf<SeedMethods['sendMessage']>().toBeCallableWith({ user_id: 2n, message: 'hi' }, { timeout: 1 });
  });

  it('getGroupMemberInfo has an optional noCache flag', () => {
    expectTypeOf<SeedMethods['getGroupMemberInfo']>().toEqualTypeOf<
      (groupId: IdInput, userId: IdInput, noCache?: boolean, options?: CallOptions) => Result<'get_group_member_info'>
    >();
  });

  it('sendGroupNotice takes the remaining notice fields as an optional object', () => {
    expectTypeOf<SeedMethods['sendGroupNotice']>().toBeCallableWith(1, 'text');
    expectTypeOf<SeedMethods['sendGroupNotice']>().toBeCallableWith(1, 'text', { image: 'a.png', pinned: 1 });
  });

  it('rejects wrong argument types', () => {
    const methods = {} as SeedMethods;
    // @ts-expect-error a group ID is not a boolean
    methods.setGroupBan(true, 2);
    // @ts-expect-error the user ID is required
    methods.setGroupBan(1);
    // @ts-expect-error duration is a number
    methods.setGroupBan(1, 2, '60');
    // @ts-expect-error honour types are a fixed set
    methods.getGroupHonorInfo(1, 'dragon');
  });
});
