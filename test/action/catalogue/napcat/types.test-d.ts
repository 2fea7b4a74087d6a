import { describe, expectTypeOf, it } from 'vitest';
import type { Id, IdInput } from '../../../../src/codec/id';
import type { ParamsOf, ResultOf } from '../../../../src/action/define';
import { NAPCAT_ACTIONS } from '../../../../src/action/catalogue/napcat';

type Actions = typeof NAPCAT_ACTIONS;

describe('NAPCAT_ACTIONS types', () => {
  it('keeps the literal action names', () => {
    expectTypeOf<'.ocr_image'>().toExtend<keyof Actions>();
    expectTypeOf<'ArkShareGroup'>().toExtend<keyof Actions>();
    // @ts-expect-error: not a NapCat extension name
    expectTypeOf<'get_rkey_ex'>().toExtend<keyof Actions>();
  });

  it('types params as callers pass them: IDs in any form, optional fields optional', () => {
    expectTypeOf<ParamsOf<Actions['group_poke']>>().toEqualTypeOf<{
      group_id: IdInput;
      user_id: IdInput;
      target_id?: IdInput | undefined;
    }>();
    expectTypeOf<ParamsOf<Actions['set_group_member_invite_policy']>['policy']>().toEqualTypeOf<
      'disabled' | 'require_approval' | 'no_approval' | 'no_approval_under_100'
    >();
  });

  it('types results precisely', () => {
    expectTypeOf<ResultOf<Actions['nc_get_user_status']>>().toEqualTypeOf<{ status: number; ext_status: number }>();
    expectTypeOf<ResultOf<Actions['get_group_signed_list']>[number]['user_id']>().toEqualTypeOf<Id>();
    expectTypeOf<ResultOf<Actions['get_doubt_friends_add_request']>[number]['flag']>().toEqualTypeOf<string>();
    expectTypeOf<ResultOf<Actions['get_group_shut_list']>[number]['shutUpTime']>().toEqualTypeOf<number>();
  });
});
