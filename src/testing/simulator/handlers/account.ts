import { readParams } from '../params';
import { nicknameOf, type Friend, type World } from '../world';
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

/** One liker or liked user, as QQ lists them in `get_profile_like`. */
function likeEntry(world: World, userId: number, count: number, time: number): Record<string, unknown> {
  return { uid: `u_sim${userId}`, uin: userId, nick: nicknameOf(world, userId), count, latestTime: time };
}

/**
 * `get_profile_like`: the likes the account gave (its own profile, `voteInfo`) or the likes a user received
 * from the account (`favoriteInfo`), both counted by `send_like`.
 */
function profileLike(world: World, userId: number, now: number): Record<string, unknown> {
  const own = userId === world.selfId;
  const given = [...world.likes.entries()];
  const received = own ? 0 : (world.likes.get(userId) ?? 0);
  return {
    uid: `u_sim${userId}`,
    time: String(now),
    favoriteInfo: {
      userInfos: received > 0 ? [likeEntry(world, world.selfId, received, now)] : [],
      total_count: received,
      last_time: received > 0 ? now : 0,
      today_count: received,
    },
    voteInfo: {
      userInfos: own ? given.map(([id, count]) => likeEntry(world, id, count, now)) : [],
      total_count: own ? given.reduce((sum, [, count]) => sum + count, 0) : 0,
      new_count: 0,
      new_nearby_count: 0,
      last_visit_time: 0,
    },
  };
}

function friendOf(world: World, userId: number): Friend {
  const friend = world.friends.get(userId);
  if (!friend) throw new Error(`user ${userId} is not a friend`);
  return friend;
}

/** The account itself, its friends (remarks, deletion), likes, friend requests and web credentials. */
export const ACCOUNT_HANDLERS: HandlerTable = {
  get_login_info: (_params, { world }) => ({ user_id: world.selfId, nickname: world.nickname }),
  get_status: () => ({ online: true, good: true, stat: {} }),
  get_version_info: (_params, ctx) => ({ ...ctx.versionInfo }),
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
  get_profile_like: (params, ctx) => {
    const p = readParams(params, { user_id: 'id?' });
    return profileLike(ctx.world, p.user_id ?? ctx.world.selfId, ctx.now());
  },
  set_friend_remark: (params, { world }) => {
    const p = readParams(params, { user_id: 'id', remark: 'string' });
    friendOf(world, p.user_id).remark = p.remark;
    return null;
  },
  delete_friend: (params, { world }) => {
    const { user_id } = readParams(params, { user_id: 'id' });
    friendOf(world, user_id);
    world.friends.delete(user_id);
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
