import { VirtualTimeScheduler, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { BACKEND_ADAPTERS, type BackendName, backendProfile } from '../../src/action/backend';
import { createCaller } from '../../src/action/caller';
import { callerDeps } from '../helpers/status-caller';
import { CATALOGUE } from '../../src/action/catalogue/index';
import type { ActionDef } from '../../src/action/define';
import type { ReplyFrame } from '../../src/codec/frame';
import { ActionFailedError, UnsupportedActionError } from '../../src/errors';

const BACKENDS: readonly BackendName[] = ['napcat', 'go-cqhttp', 'lagrange'];
const ROWS = CATALOGUE as Readonly<Record<string, ActionDef>>;

/** A caller on the real catalogue, pinned to `backend`, whose socket records every frame text it writes. */
function pinned(backend: BackendName) {
  const written: string[] = [];
  const socket = { type: 'open' as const, generation: 1, send: (text: string) => (written.push(text), true) };
  const caller = createCaller(
    callerDeps({
      catalogue: ROWS,
      link: () => ({ hold: () => ({ unsubscribe: () => undefined }), socket: () => socket, closedError: () => undefined }),
      scheduler: new VirtualTimeScheduler(),
      strictResults: true,
      tag: 't',
      backend: backendProfile(backend),
      pinned: true,
    }),
  );
  /** Calls `action`, answers its frame with `reply`, resolves with the result (or rejects with the error). */
  const call = async (action: string, params: unknown, reply: Record<string, unknown> = { data: null }, force = false) => {
    const result = firstValueFrom(caller.call(action, params, force ? { force } : undefined));
    const echo = written.length === 0 ? undefined : (JSON.parse(written.at(-1) ?? '{}') as { echo?: string }).echo;
    if (echo !== undefined) {
      const frame = { status: 'ok', retcode: 0, message: '', echo, ...reply };
      caller.reply({ kind: 'reply', reply: frame, text: JSON.stringify(frame) } as ReplyFrame);
    }
    return result;
  };
  return { written, call };
}

/** The frame text a call of `action` with `params` writes on `backend` (its reply: `data: null`). */
async function frameOf(backend: BackendName, action: string, params: unknown): Promise<string | undefined> {
  const { written, call } = pinned(backend);
  await call(action, params).catch(() => undefined);
  return written[0];
}

const frame = (action: string, params: unknown) => JSON.stringify({ action, params, echo: 't:1' });

/** [backend, action, params the caller gives, the action and params the backend must receive]. */
const SENT: readonly (readonly [BackendName, string, Record<string, unknown>, string, Record<string, unknown>])[] = [
  ['napcat', 'get_model_show', { model: 'iPhone' }, '_get_model_show', { model: 'iPhone' }],
  ['napcat', 'set_model_show', { model: 'a', model_show: 'b' }, '_set_model_show', { model: 'a', model_show: 'b' }],
  ['napcat', 'get_record', { file: 'a.amr' }, 'get_record', { out_format: 'mp3', file: 'a.amr' }],
  ['napcat', 'get_unidirectional_friend_list', {}, 'get_unidirectional_friend_list', {}],
  ['napcat', 'delete_friend', { user_id: 2, temp_block: true }, 'delete_friend', { user_id: 2, temp_block: true }],
  ['napcat', 'get_online_clients', { no_cache: true }, 'get_online_clients', { no_cache: true }],
  ['napcat', 'set_qq_profile', { nickname: 'n', sex: 1 }, 'set_qq_profile', { nickname: 'n', sex: 1 }],
  ['napcat', 'get_group_system_msg', { count: 10 }, 'get_group_system_msg', { count: 10 }],
  ['napcat', 'create_group_file_folder', { group_id: 1, name: 'a', parent_id: '/' }, 'create_group_file_folder', { group_id: 1, name: 'a', parent_id: '/' }],
  ['go-cqhttp', 'get_model_show', { model: 'iPhone' }, '_get_model_show', { model: 'iPhone' }],
  ['go-cqhttp', 'set_model_show', { model: 'a', model_show: 'b' }, '_set_model_show', { model: 'a', model_show: 'b' }],
  ['go-cqhttp', 'get_record', { file: 'a.amr' }, 'get_record', { out_format: 'mp3', file: 'a.amr' }],
  ['go-cqhttp', 'delete_friend', { user_id: 2, temp_block: false }, 'delete_friend', { user_id: 2, temp_block: false }],
  ['go-cqhttp', 'set_qq_profile', { nickname: 'n', company: 'c' }, 'set_qq_profile', { nickname: 'n', company: 'c' }],
  ['go-cqhttp', 'get_group_honor_info', { group_id: 1 }, 'get_group_honor_info', { type: 'all', group_id: 1 }],
  ['lagrange', 'get_group_honor_info', { group_id: 1, type: 'legend' }, 'get_group_honor_info', { type: 'legend', group_id: 1 }],
  ['lagrange', 'get_group_honor_info', { group_id: 1 }, 'get_group_honor_info', { type: 'all', group_id: 1 }],
  ['lagrange', 'delete_group_folder', { group_id: 1, folder_id: '/abc' }, 'delete_group_file_folder', { group_id: 1, folder_id: '/abc' }],
  ['lagrange', 'get_group_msg_history', { group_id: 1, message_seq: 99, count: 5 }, 'get_group_msg_history', { group_id: 1, count: 5, message_id: 99 }],
  ['lagrange', 'send_forward_msg', { group_id: 1, messages: [] }, 'send_group_forward_msg', { group_id: 1, messages: [] }],
  ['lagrange', 'send_forward_msg', { message_type: 'private', group_id: 1, user_id: 2, messages: [] }, 'send_private_forward_msg', { user_id: 2, messages: [] }],
  ['lagrange', 'send_forward_msg', { user_id: 2, messages: [] }, 'send_private_forward_msg', { user_id: 2, messages: [] }],
  ['lagrange', 'delete_friend', { user_id: 2, temp_block: true }, 'delete_friend', { user_id: 2, block: true }],
  ['lagrange', 'set_group_leave', { group_id: 1, is_dismiss: false }, 'set_group_leave', { group_id: 1, is_dismiss: false }],
  ['lagrange', 'set_friend_add_request', { flag: 'f', approve: true }, 'set_friend_add_request', { flag: 'f', approve: true }],
];

describe('the outgoing frame of every adapted row', () => {
  it.each(SENT)('%s: %s %j goes out as %s %j', async (backend, action, params, wireAction, wireParams) => {
    expect(await frameOf(backend, action, params)).toBe(frame(wireAction, wireParams));
  });

  it.each(SENT)('%s: %s %j goes out unadapted on the backends without a row for it', async (backend, action, params) => {
    for (const other of BACKENDS) {
      if (other === backend || Object.hasOwn(BACKEND_ADAPTERS[other], action) || ROWS[action]?.support[other] === 'unsupported') continue;
      expect([other, await frameOf(other, action, params)]).toEqual([other, frame(action, params)]);
    }
  });

  it('covers every row of the adapter table', () => {
    for (const backend of BACKENDS) {
      for (const action of Object.keys(BACKEND_ADAPTERS[backend])) {
        expect([backend, action, SENT.some(([b, a]) => b === backend && a === action)]).toEqual([backend, action, true]);
        const { byTarget } = BACKEND_ADAPTERS[backend][action] ?? {};
        if (byTarget !== undefined) expect([byTarget.group in CATALOGUE, byTarget.private in CATALOGUE]).toEqual([true, true]);
      }
    }
  });

  it('sends an _async variant under the adapted name', async () => {
    expect(await frameOf('lagrange', 'delete_group_folder_async', { group_id: 1, folder_id: '/a' })).toBe(
      frame('delete_group_file_folder_async', { group_id: 1, folder_id: '/a' }),
    );
  });

  it('leaves a Lagrange send_forward_msg without a target as the upload it is', async () => {
    expect(await frameOf('lagrange', 'send_forward_msg', { messages: [] })).toBe(frame('send_forward_msg', { messages: [] }));
  });
});

/** [backend, action, params naming a param the backend does not implement, that param]. */
const LACKING: readonly (readonly [BackendName, string, Record<string, unknown>, string])[] = [
  ['napcat', 'set_qq_profile', { nickname: 'n', company: 'c' }, 'company'],
  ['napcat', 'create_group_file_folder', { group_id: 1, name: 'a', parent_id: '/sub' }, 'parent_id'],
  ['go-cqhttp', 'delete_friend', { user_id: 2, temp_block: true }, 'temp_block'],
  ['go-cqhttp', 'set_qq_profile', { nickname: 'n', sex: 2 }, 'sex'],
  ['lagrange', 'delete_friend', { user_id: 2, temp_both_del: true }, 'temp_both_del'],
  ['lagrange', 'set_group_leave', { group_id: 1, is_dismiss: true }, 'is_dismiss'],
  ['lagrange', 'set_friend_add_request', { flag: 'f', remark: 'r' }, 'remark'],
];

describe('params a backend does not implement', () => {
  it.each(LACKING)('%s: %s %j fails as unsupported, naming %s, and sends nothing', async (backend, action, params, param) => {
    const { written, call } = pinned(backend);
    const error = await call(action, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedActionError);
    expect(error).toMatchObject({ action, backend, param });
    expect((error as Error).message).toContain(backend);
    expect(written).toEqual([]);
  });

  it.each(LACKING)('%s: %s %j is sent anyway with force', async (backend, action, params) => {
    const { written, call } = pinned(backend);
    await call(action, params, { data: null }, true);
    expect(written).toHaveLength(1);
  });

  it('an unsupported action still fails without a param', async () => {
    const error = await pinned('lagrange').call('set_qq_profile', { nickname: 'n' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnsupportedActionError', action: 'set_qq_profile', backend: 'lagrange', param: undefined });
  });
});

describe('replies rewritten into the typed result', () => {
  it("NapCat delete_friend's ok reply { valid: false, message } is a failure", async () => {
    const error = await pinned('napcat').call('delete_friend', { user_id: 2 }, { data: { valid: false, message: '不是好友' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailedError);
    expect(error).toMatchObject({ action: 'delete_friend', retcode: 0, status: 'failed' });
    expect((error as Error).message).toContain('不是好友');
    // The same reply from go-cqhttp is a result (go-cqhttp never answers it), and NapCat's kernel result passes.
    expect(await pinned('go-cqhttp').call('delete_friend', { user_id: 2 }, { data: { valid: false } })).toEqual({ valid: false });
    expect(await pinned('napcat').call('delete_friend', { user_id: 2 }, { data: { result: 0, errMsg: '' } })).toEqual({ result: 0, errMsg: '' });
  });

  it("NapCat _get_model_show's list of { variants } entries becomes go-cqhttp's { variants }", async () => {
    const variant = { model_show: 'napcat', need_pay: false };
    expect(await pinned('napcat').call('get_model_show', { model: 'napcat' }, { data: [{ variants: variant }] })).toEqual({ variants: [variant] });
    expect(await pinned('go-cqhttp').call('get_model_show', { model: 'x' }, { data: { variants: [variant] } })).toEqual({ variants: [variant] });
  });

  it('NapCat get_unidirectional_friend_list entries also carry user_id / nickname', async () => {
    const entry = { uin: 10002, uid: 'u_b', nick_name: 'Bob', age: 20, source: 'search' };
    expect(await pinned('napcat').call('get_unidirectional_friend_list', {}, { data: [entry] })).toEqual([{ ...entry, user_id: 10002, nickname: 'Bob' }]);
    const gocq = [{ user_id: 10002, nickname: 'Bob', source: 'search' }];
    expect(await pinned('go-cqhttp').call('get_unidirectional_friend_list', {}, { data: gocq })).toEqual(gocq);
  });

  it("NapCat get_online_clients' bare array becomes { clients }", async () => {
    expect(await pinned('napcat').call('get_online_clients', {}, { data: [] })).toEqual({ clients: [] });
    expect(await pinned('go-cqhttp').call('get_online_clients', {}, { data: { clients: null } })).toEqual({ clients: null });
  });

  it("NapCat get_group_system_msg's join requests name their requester as requester_uin", async () => {
    const entry = { request_id: 7, invitor_uin: 5, invitor_nick: 'x', requester_nick: 'x', group_id: 1, message: 'hi', checked: false, actor: 0 };
    const result = await pinned('napcat').call(
      'get_group_system_msg',
      {},
      { data: { invited_requests: [], InvitedRequest: [], join_requests: [entry] } },
    );
    expect(result).toEqual({ invited_requests: [], join_requests: [{ ...entry, requester_uin: 5 }] });
    const gocq = { invited_requests: null, join_requests: [{ request_id: 7, requester_uin: 5, group_id: 1 }] };
    expect(await pinned('go-cqhttp').call('get_group_system_msg', {}, { data: gocq })).toEqual(gocq);
  });
});
