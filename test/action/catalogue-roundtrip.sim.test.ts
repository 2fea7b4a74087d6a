import { firstValueFrom, lastValueFrom, type Observable, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { adaptCall } from '../../src/action/backend';
import type { CallOptions } from '../../src/action/types';
import { type Client, isActionFailedError, isUnsupportedActionError } from '../../src/index';
import { sampleOf } from '../../src/testing/index';
import { registeredByNapCat } from '../../src/testing/simulator/catalogue';
import { knownTo } from '../../src/testing/simulator/dispatch';
import { HANDLERS } from '../../src/testing/simulator/handlers';
import { personaOf } from '../../src/testing/simulator/personas';
import { connected } from '../client/harness';
import { ALICE, BOB, buildFixture, callsOf, collectErrors, type Fixture, GROUP, outcomeOf, ROWS } from './sim-fixture';

type AnyAction = (params?: object, options?: CallOptions) => Observable<unknown>;

const apiOf = (client: Client, name: string): AnyAction => (client.api as unknown as Record<string, AnyAction>)[name] as AnyAction;

const HELLO = 'base64://aGVsbG8gd29ybGQ=';

/**
 * Params for rows whose sampled params (zeros and empty strings) name nothing in the world: the ids come
 * from the fixture, everything else stays as the sample has it.
 */
const WORLD_PARAMS: Readonly<Record<string, (f: Fixture) => object>> = {
  send_group_msg: () => ({ group_id: GROUP, message: 'hi' }),
  delete_msg: (f) => ({ message_id: f.messageId }),
  get_msg: (f) => ({ message_id: f.messageId }),
  get_group_msg_history: () => ({ group_id: GROUP }),
  get_friend_msg_history: () => ({ user_id: ALICE }),
  set_friend_add_request: (f) => ({ flag: f.friendFlag, approve: true }),
  set_group_add_request: (f) => ({ flag: f.groupFlag, approve: true }),
  get_group_info: () => ({ group_id: GROUP }),
  get_group_member_info: () => ({ group_id: GROUP, user_id: BOB }),
  get_group_member_list: () => ({ group_id: GROUP }),
  set_group_kick: () => ({ group_id: GROUP, user_id: BOB }),
  set_group_ban: () => ({ group_id: GROUP, user_id: BOB, duration: 60 }),
  set_group_whole_ban: () => ({ group_id: GROUP, enable: true }),
  set_group_admin: () => ({ group_id: GROUP, user_id: BOB, enable: true }),
  set_group_card: () => ({ group_id: GROUP, user_id: BOB, card: 'B' }),
  set_group_name: () => ({ group_id: GROUP, group_name: 'renamed' }),
  set_group_leave: () => ({ group_id: GROUP }),
  set_group_special_title: () => ({ group_id: GROUP, user_id: BOB, special_title: 'star' }),
  set_essence_msg: (f) => ({ message_id: f.messageId }),
  delete_essence_msg: (f) => ({ message_id: f.essenceId }),
  get_essence_msg_list: () => ({ group_id: GROUP }),
  _get_group_notice: () => ({ group_id: GROUP }),
  _send_group_notice: () => ({ group_id: GROUP, content: 'notice' }),
  _del_group_notice: (f) => ({ group_id: GROUP, notice_id: f.noticeId }),
  get_group_file_url: (f) => ({ group_id: GROUP, file_id: f.fileId }),
  upload_group_file: () => ({ group_id: GROUP, file: '/nonexistent/b.txt', name: 'b.txt' }),
  get_group_file_system_info: () => ({ group_id: GROUP }),
  get_group_root_files: () => ({ group_id: GROUP }),
  get_group_files_by_folder: (f) => ({ group_id: GROUP, folder_id: f.folderId }),
  delete_group_file: (f) => ({ group_id: GROUP, file_id: f.fileId }),
  create_group_file_folder: () => ({ group_id: GROUP, name: 'more' }),
  delete_group_folder: (f) => ({ group_id: GROUP, folder_id: f.folderId }),
  delete_group_file_folder: (f) => ({ group_id: GROUP, folder_id: f.folderId }),
  rename_group_file: (f) => ({ group_id: GROUP, file_id: f.fileId, current_parent_directory: '/', new_name: 'c.txt' }),
  move_group_file: (f) => ({ group_id: GROUP, file_id: f.fileId, current_parent_directory: '/', target_parent_directory: f.folderId }),
  trans_group_file: (f) => ({ group_id: GROUP, file_id: f.fileId }),
  set_group_remark: () => ({ group_id: GROUP, remark: 'mine' }),
  get_group_detail_info: () => ({ group_id: GROUP }),
  get_group_shut_list: () => ({ group_id: GROUP }),
  set_friend_remark: () => ({ user_id: ALICE, remark: 'Al' }),
  delete_friend: () => ({ user_id: BOB }),
  get_profile_like: () => ({ user_id: ALICE }),
  send_poke: () => ({ user_id: BOB, group_id: GROUP }),
  group_poke: () => ({ group_id: GROUP, user_id: BOB }),
  download_file_stream: () => ({ file: HELLO, chunk_size: 4 }),
  download_file_image_stream: () => ({ file: HELLO, chunk_size: 4 }),
  download_file_record_stream: () => ({ file: HELLO, chunk_size: 4, out_format: 'mp3' }),
  upload_file_stream: () => ({ stream_id: 'roundtrip', chunk_data: 'aGk=', chunk_index: 0, total_chunks: 1 }),
};

const paramsFor = (name: string, f: Fixture): object =>
  WORLD_PARAMS[name]?.(f) ?? (sampleOf(ROWS[name]?.params ?? ROWS['get_status']!.params) as object);

const names = Object.keys(ROWS);

/** The backends the catalogue is proven against: the simulator answers as each (`createSimulator({ backend })`). */
const BACKENDS = ['napcat', 'go-cqhttp', 'lagrange'] as const;
type Backend = (typeof BACKENDS)[number];

/** Ids of the same shapes the real fixture hands out (the wire name of a call depends on which params it has). */
const SHAPE_FIXTURE: Fixture = {
  messageId: 1,
  essenceId: 2,
  privateMessageId: 3,
  friendFlag: 'f',
  groupFlag: 'g',
  fileId: 'x',
  folderId: '/y',
  noticeId: 'n',
};

/** The action name the adapter sends for the row's test call on `backend` (e.g. Lagrange's send_forward_msg by target). */
const wireOf = (name: string, backend: Backend): string => adaptCall(name, paramsFor(name, SHAPE_FIXTURE), backend).action;

const routes = (backend: Backend, wire: string): boolean => {
  const napcatRows = Object.fromEntries(Object.entries(ROWS).filter(([name, row]) => registeredByNapCat(name, row)));
  const known = knownTo({ handlers: HANDLERS, catalogue: backend === 'napcat' ? napcatRows : ROWS });
  return personaOf(backend).route(wire, {}, known) !== undefined;
};

/**
 * What a call of `name` does on `backend`: `refused` when the SDK's profile (compat.md) says the backend
 * lacks it (UnsupportedActionError, nothing sent); otherwise the backend routes the name the adapter sends
 * (`round-trip`) or answers it as an unknown action (`unknown-action`).
 */
function expectationOf(name: string, backend: Backend): 'refused' | 'round-trip' | 'unknown-action' {
  if (ROWS[name]?.support[backend] === 'unsupported') return 'refused';
  return routes(backend, wireOf(name, backend)) ? 'round-trip' : 'unknown-action';
}

const rowsWhere = (backend: Backend, expected: ReturnType<typeof expectationOf>, reply: 'single' | 'stream' = 'single'): string[] =>
  names.filter((name) => ROWS[name]?.reply === reply && expectationOf(name, backend) === expected);

/**
 * Where the profile (from compat.md) and the backend's own router disagree: rows the SDK sends but the
 * backend does not route (it answers them as unknown actions), and rows the profile refuses that the
 * backend does route. Pinned here so that a change on either side shows.
 */
const DISAGREEMENTS: Readonly<Record<Backend, { readonly sentButUnrouted: readonly string[]; readonly refusedButRouted: readonly string[] }>> = {
  napcat: { sentButUnrouted: [], refusedButRouted: [] },
  'go-cqhttp': {
    sentButUnrouted: ['clean_cache', 'get_cookies', 'get_credentials', 'get_csrf_token', 'get_private_file_url', 'get_record', 'set_restart'],
    refusedButRouted: ['set_group_anonymous', 'set_group_anonymous_ban'],
  },
  lagrange: {
    sentButUnrouted: ['.get_word_slices', '.handle_quick_operation', 'check_url_safely', 'clean_cache', 'download_file'],
    refusedButRouted: ['move_group_file'],
  },
};

/** A client whose backend is known (as after any bot's first `getVersionInfo()`), on a filled world. */
async function readyClient(backend: Backend = 'napcat') {
  const { sim, client } = await connected({}, { backend });
  await firstValueFrom(client.getVersionInfo());
  expect(await firstValueFrom(client.backend$)).toBe(backend);
  const fixture = await buildFixture(client, sim);
  return { sim, client, fixture };
}

const UNKNOWN_ACTION_RETCODE: Readonly<Record<Backend, number>> = { napcat: 1404, 'go-cqhttp': 404, lagrange: 404 };

describe('every catalogue entry round-trips through the simulator', () => {
  it('covers the whole catalogue, every row with params its codec accepts', () => {
    expect(names.length).toBeGreaterThanOrEqual(184);
    expect(names.filter((name) => !ROWS[name]?.params.is(paramsFor(name, SHAPE_FIXTURE)))).toStrictEqual([]);
  });

  it.each(BACKENDS)('%s: the profile and the backend router disagree only where pinned', (backend) => {
    const refusedButRouted = names.filter((name) => expectationOf(name, backend) === 'refused' && routes(backend, wireOf(name, backend)));
    const sentButUnrouted = names.filter((name) => expectationOf(name, backend) === 'unknown-action');
    expect({ sentButUnrouted: sentButUnrouted.sort(), refusedButRouted: refusedButRouted.sort() }).toStrictEqual(DISAGREEMENTS[backend]);
  });

  describe.each(BACKENDS)('answered as %s', (backend) => {
    it.each(rowsWhere(backend, 'round-trip'))('%s answers data its result codec accepts, under its wire name', async (name) => {
      const { sim, client, fixture } = await readyClient(backend);
      const reported = collectErrors(client);
      const value = await firstValueFrom(apiOf(client, name)(paramsFor(name, fixture)));
      reported.stop();
      expect(ROWS[name]?.result.is(value)).toBe(true);
      expect(reported.errors).toStrictEqual([]);
      expect(callsOf(sim).at(-1)?.action).toBe(adaptCall(name, paramsFor(name, fixture), backend).action);
    });

    it.each(rowsWhere(backend, 'round-trip', 'stream'))('%s streams frames its result codec accepts, ending with the response', async (name) => {
      const { client, fixture } = await readyClient(backend);
      const reported = collectErrors(client);
      const frames = await lastValueFrom(apiOf(client, name)(paramsFor(name, fixture)).pipe(toArray()));
      reported.stop();
      expect(frames.length).toBeGreaterThan(1);
      expect(frames.filter((frame) => !ROWS[name]?.result.is(frame))).toStrictEqual([]);
      expect(frames.map((frame) => (frame as { type: string }).type)).toStrictEqual([
        ...Array.from({ length: frames.length - 1 }, () => 'stream'),
        'response',
      ]);
      expect(reported.errors).toStrictEqual([]);
    });

    it.each(names.filter((name) => expectationOf(name, backend) === 'refused'))(
      '%s, which the profile says the backend lacks, is refused unsent; forced, the backend answers it',
      async (name) => {
        const { sim, client, fixture } = await readyClient(backend);
        const before = callsOf(sim).length;
        const refused = await outcomeOf(apiOf(client, name)(paramsFor(name, fixture)));
        expect('error' in refused && isUnsupportedActionError(refused.error)).toBe(true);
        expect(callsOf(sim)).toHaveLength(before);
        const forced = await outcomeOf(apiOf(client, name)(paramsFor(name, fixture), { force: true }));
        if (DISAGREEMENTS[backend].refusedButRouted.includes(name)) return;
        expect('error' in forced && isActionFailedError(forced.error) && [forced.error.retcode, forced.error.kind]).toStrictEqual([
          UNKNOWN_ACTION_RETCODE[backend],
          'unknown-action',
        ]);
      },
    );

    it.each(rowsWhere(backend, 'unknown-action'))('%s, which the backend does not route, fails as its unknown action', async (name) => {
      const { client, fixture } = await readyClient(backend);
      const outcome = await outcomeOf(apiOf(client, name)(paramsFor(name, fixture)));
      expect('error' in outcome && isActionFailedError(outcome.error) && [outcome.error.retcode, outcome.error.kind]).toStrictEqual([
        UNKNOWN_ACTION_RETCODE[backend],
        'unknown-action',
      ]);
    });
  });
});

describe('the _async and _rate_limited variants', () => {
  it.each([
    ['send_group_msg_async', { group_id: GROUP, message: [{ type: 'text', data: { text: 'later' } }] }],
    ['send_like_async', { user_id: ALICE, times: 3 }],
    ['set_group_card_rate_limited', { group_id: GROUP, user_id: BOB, card: 'slow' }],
    ['get_login_info_async', {}],
  ] as const)('%s emits undefined once accepted and sends the suffixed name', async (name, params) => {
    const { sim, client } = await readyClient();
    const value = await firstValueFrom(apiOf(client, name)(params));
    expect(value).toBeUndefined();
    expect(callsOf(sim).at(-1)).toMatchObject({ action: name, params });
  });

  it('an _async send still reaches the world', async () => {
    const { client } = await readyClient();
    await firstValueFrom(client.api.send_group_msg_async({ group_id: GROUP, message: 'queued' }));
    const { messages } = await firstValueFrom(client.api.get_group_msg_history({ group_id: GROUP }));
    expect(messages.at(-1)?.message).toStrictEqual([{ type: 'text', data: { text: 'queued' } }]);
  });

  it('an _async call with wrong params fails before anything is sent', async () => {
    const { sim, client } = await readyClient();
    const before = callsOf(sim).length;
    const outcome = await outcomeOf(apiOf(client, 'set_group_ban_async')({ group_id: GROUP }));
    expect('error' in outcome && (outcome.error as Error).name).toBe('InvalidParamsError');
    expect(callsOf(sim)).toHaveLength(before);
  });
});
