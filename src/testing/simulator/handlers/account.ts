import { readParams } from '../params';
import { nicknameOf, type World } from '../world';
import type { HandlerTable } from './context';

/** The well-known QQ web-token hash of an skey (what `bkn` / csrf tokens are). */
function bknOf(skey: string): number {
  let hash = 5381;
  for (const ch of skey) hash = (hash + (hash << 5) + ch.charCodeAt(0)) & 0x7fffffff;
  return hash;
}

const skeyOf = (world: World): string => `@sim${String(world.selfId).padStart(6, '0').slice(-6)}`;

function cookiesOf(world: World, domain: string): string {
  const base = `uin=o${world.selfId}; skey=${skeyOf(world)}`;
  return domain === '' ? base : `${base}; p_uin=o${world.selfId}; p_skey=sim-${domain}`;
}

function strangerInfo(world: World, userId: number): Record<string, unknown> {
  const friend = world.friends.get(userId);
  return {
    user_id: userId,
    uid: `u_sim${userId}`,
    nickname: nicknameOf(world, userId),
    age: friend?.age ?? 0,
    qid: '',
    qqLevel: 1,
    sex: friend?.sex ?? 'unknown',
    long_nick: '',
    reg_time: 1_500_000_000,
    is_vip: false,
    is_years_vip: false,
    vip_level: 0,
    remark: friend?.remark ?? '',
    status: 10,
    login_days: 0,
  };
}

const canSend = (): { yes: boolean } => ({ yes: true });

/** The account itself, its friends, likes, friend requests and web credentials. */
export const ACCOUNT_HANDLERS: HandlerTable = {
  get_login_info: (_params, { world }) => ({ user_id: world.selfId, nickname: world.nickname }),
  get_status: () => ({ online: true, good: true, stat: {} }),
  get_version_info: (_params, ctx) => ({ app_name: 'NapCat.Onebot', protocol_version: 'v11', app_version: ctx.appVersion }),
  get_stranger_info: (params, { world }) => strangerInfo(world, readParams(params, { user_id: 'id' }).user_id),
  get_friend_list: (_params, { world }) =>
    [...world.friends.values()].map((f) => ({
      birthday_year: 0,
      birthday_month: 0,
      birthday_day: 0,
      user_id: f.user_id,
      age: f.age,
      phone_num: '',
      email: '',
      category_id: 0,
      nickname: f.nickname,
      remark: f.remark,
      sex: f.sex,
      level: f.level,
    })),
  send_like: (params, { world }) => {
    const p = readParams(params, { user_id: 'id', times: 'number?' });
    world.likes.set(p.user_id, (world.likes.get(p.user_id) ?? 0) + (p.times ?? 1));
    return null;
  },
  friend_poke: (params, ctx) => {
    const p = readParams(params, { user_id: 'id', target_id: 'id?' });
    ctx.emit(ctx.events.friendPoke({ user_id: p.user_id, sender_id: ctx.world.selfId, target_id: p.target_id ?? p.user_id }));
    return null;
  },
  set_friend_add_request: (params, ctx) => {
    const p = readParams(params, { flag: 'string', approve: 'boolean?', remark: 'string?' });
    const request = ctx.world.requests.get(p.flag);
    if (!request || request.request_type !== 'friend') throw new Error(`no pending friend request with flag ${p.flag}`);
    ctx.world.requests.delete(p.flag);
    if (p.approve ?? true) {
      const nickname = nicknameOf(ctx.world, request.user_id);
      ctx.world.friends.set(request.user_id, {
        user_id: request.user_id,
        nickname,
        remark: p.remark ?? nickname,
        sex: 'unknown',
        age: 0,
        level: 1,
      });
      ctx.emit(ctx.events.friendAdd({ user_id: request.user_id }));
    }
    return null;
  },
  can_send_image: canSend,
  can_send_record: canSend,
  get_cookies: (params, { world }) => {
    const { domain } = readParams(params, { domain: 'string' });
    return { cookies: cookiesOf(world, domain), bkn: String(bknOf(skeyOf(world))) };
  },
  get_csrf_token: (_params, { world }) => ({ token: bknOf(skeyOf(world)) }),
  get_credentials: (params, { world }) => {
    const { domain } = readParams(params, { domain: 'string?' });
    return { cookies: cookiesOf(world, domain ?? ''), token: bknOf(skeyOf(world)) };
  },
};
