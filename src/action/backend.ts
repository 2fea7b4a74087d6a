import type { ActionReply } from '../codec/frame';
import { type Adapter, BACKEND_ADAPTERS } from './backend-adapters';
import { CATALOGUE_ROWS } from './catalogue-source';
import type { BackendName, Support } from './define';

export type { BackendName } from './define';
export { type Adapter, BACKEND_ADAPTERS, NOT_ADAPTED } from './backend-adapters';

/** How `app_name` of `get_version_info` names each backend (NapCat says `NapCat.Onebot`). */
const APP_NAMES: readonly (readonly [RegExp, BackendName])[] = [
  [/^napcat/i, 'napcat'],
  [/^go-?cqhttp/i, 'go-cqhttp'],
  [/^lagrange/i, 'lagrange'],
];

/**
 * The backend that sent a `get_version_info` reply, from its `app_name`.
 *
 * @example
 * detectBackend({ app_name: 'NapCat.Onebot', app_version: '4.18.19' }); // 'napcat'
 * detectBackend({ app_name: 'Lagrange.OneBot' }); // 'lagrange'
 * detectBackend(null); // 'unknown'
 */
export function detectBackend(versionInfo: unknown): BackendName | 'unknown' {
  if (typeof versionInfo !== 'object' || versionInfo === null) return 'unknown';
  const appName = (versionInfo as { app_name?: unknown }).app_name;
  if (typeof appName !== 'string') return 'unknown';
  return APP_NAMES.find(([pattern]) => pattern.test(appName.trim()))?.[1] ?? 'unknown';
}

const ROWS: Readonly<Record<string, { readonly support: Readonly<Record<BackendName, Support>> }>> = CATALOGUE_ROWS;

/**
 * How `backend` implements `action`, from the catalogue row's support profile; `unknown` for an action
 * the catalogue does not know or a backend not yet detected.
 *
 * @example
 * supportOf('send_like', 'go-cqhttp'); // 'unsupported'
 */
export function supportOf(action: string, backend: BackendName | 'unknown'): Support {
  if (backend === 'unknown' || !Object.hasOwn(ROWS, action)) return 'unknown';
  return ROWS[action]?.support[backend] ?? 'unknown';
}

/** Whether the profile says `backend` does not implement `action` (the client then refuses unless `force`). */
export function isKnownUnsupported(action: string, backend: BackendName | 'unknown'): boolean {
  return supportOf(action, backend) === 'unsupported';
}

/** What is sent for one call on one backend. */
export interface AdaptedCall {
  readonly action: string;
  readonly params: unknown;
}

/**
 * The action name and params to send for `action` on `backend`, after its adapter (if any).
 *
 * @example
 * adaptCall('get_record', { file: 'a.amr' }, 'napcat'); // { action: 'get_record', params: { out_format: 'mp3', file: 'a.amr' } }
 * adaptCall('get_model_show', { model: 'x' }, 'napcat'); // { action: '_get_model_show', params: { model: 'x' } }
 */
export function adaptCall(action: string, params: unknown, backend: BackendName | 'unknown'): AdaptedCall {
  const adapter = adapterOf(action, backend);
  if (adapter === undefined) return { action, params };
  const withDefaults =
    adapter.defaults === undefined ? params : fillDefaults(adapter.defaults, params);
  const renamed = adapter.rename === undefined ? withDefaults : renameParams(adapter.rename, withDefaults);
  if (adapter.byTarget !== undefined) return splitByTarget(adapter.byTarget, action, renamed);
  return { action: adapter.action ?? action, params: renamed };
}

function adapterOf(action: string, backend: BackendName | 'unknown'): Adapter | undefined {
  const adapters = backend === 'unknown' ? undefined : BACKEND_ADAPTERS[backend];
  return adapters !== undefined && Object.hasOwn(adapters, action) ? adapters[action] : undefined;
}

/**
 * The first param of a call that `backend` does not implement (given with a value other than its "not used"
 * ones), or `undefined` when the backend can do the whole call.
 *
 * @example
 * lackingParam('create_group_file_folder', { group_id: 1, name: 'a', parent_id: '/x' }, 'napcat'); // 'parent_id'
 * lackingParam('create_group_file_folder', { group_id: 1, name: 'a', parent_id: '/x' }, 'go-cqhttp'); // undefined
 */
export function lackingParam(action: string, params: unknown, backend: BackendName | 'unknown'): string | undefined {
  const lacks = adapterOf(action, backend)?.lacks;
  if (lacks === undefined || typeof params !== 'object' || params === null) return undefined;
  const given = params as Record<string, unknown>;
  return Object.keys(lacks).find((name) => given[name] !== undefined && !lacks[name]?.includes(given[name]));
}

/**
 * The reply of `backend` to `action` rewritten into the standard one (the row's typed result, or a failure the
 * backend hid in an `ok` reply); the reply itself when the action has no reply adapter.
 *
 * @example
 * adaptReply('get_online_clients', { status: 'ok', retcode: 0, data: [] }, 'napcat').data; // { clients: [] }
 */
export function adaptReply(action: string, reply: ActionReply, backend: BackendName | 'unknown'): ActionReply {
  return adapterOf(action, backend)?.reply?.(reply) ?? reply;
}

/**
 * The action of `byTarget` the call's conversation selects (`message_type`, else `group_id`, else `user_id`),
 * without `message_type` and the other target's ID; the call unchanged when it names no target.
 */
function splitByTarget(byTarget: NonNullable<Adapter['byTarget']>, action: string, params: unknown): AdaptedCall {
  if (typeof params !== 'object' || params === null) return { action, params };
  const { message_type: type, group_id: groupId, user_id: userId, ...rest } = params as Record<string, unknown>;
  const toGroup = type === 'group' || (type !== 'private' && groupId !== undefined);
  if (toGroup ? groupId === undefined : userId === undefined) return { action, params };
  return toGroup
    ? { action: byTarget.group, params: { group_id: groupId, ...rest } }
    : { action: byTarget.private, params: { user_id: userId, ...rest } };
}

function renameParams(names: Readonly<Record<string, string>>, params: unknown): unknown {
  if (typeof params !== 'object' || params === null) return params;
  const out: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  for (const [from, to] of Object.entries(names)) {
    if (!Object.hasOwn(out, from)) continue;
    if (out[to] === undefined) out[to] = out[from];
    delete out[from];
  }
  return out;
}

/**
 * What the client knows about the backend it talks to, as one value: its name, which actions it implements,
 * how a call is rewritten for it, and how IDs must be written. The caller holds the current profile; a
 * `get_version_info` reply replaces it via {@link detect}.
 *
 * @example
 * const napcat = backendProfile('napcat');
 * napcat.supports('delete_unidirectional_friend'); // false
 * napcat.adapt('get_model_show', { model: 'x' }); // { action: '_get_model_show', params: { model: 'x' } }
 */
export interface BackendProfile {
  /** The backend, `unknown` until detected. */
  readonly name: BackendName | 'unknown';
  /** Whether the backend implements `action` (true when the backend or the action is unknown). */
  supports(action: string): boolean;
  /** The action name and params to send for a catalogued call on this backend. */
  adapt(action: string, params: unknown): AdaptedCall;
  /** The first param of the call this backend does not implement, if any (the call then fails as unsupported). */
  lacking?(action: string, params: unknown): string | undefined;
  /** The backend's reply to `action`, rewritten into the standard one. */
  adaptReply?(action: string, reply: ActionReply): ActionReply;
  /** Whether IDs beyond 2^53 must be written as JSON strings (the backend's parser rounds integers). */
  readonly unsafeIdsAsStrings: boolean;
}

/** Backends whose JSON parser rounds integers beyond 2^53 (they take IDs as strings). */
const ROUNDS_UNSAFE_INTEGERS: ReadonlySet<BackendName | 'unknown'> = new Set(['napcat']);

function makeProfile(name: BackendName | 'unknown'): BackendProfile {
  return {
    name,
    supports: (action) => !isKnownUnsupported(action, name),
    adapt: (action, params) => adaptCall(action, params, name),
    lacking: (action, params) => lackingParam(action, params, name),
    adaptReply: (action, reply) => adaptReply(action, reply, name),
    unsafeIdsAsStrings: ROUNDS_UNSAFE_INTEGERS.has(name),
  };
}

const PROFILES: Readonly<Record<BackendName | 'unknown', BackendProfile>> = {
  unknown: makeProfile('unknown'),
  napcat: makeProfile('napcat'),
  'go-cqhttp': makeProfile('go-cqhttp'),
  lagrange: makeProfile('lagrange'),
};

/**
 * The profile of `name` (one shared value per backend).
 *
 * @example
 * backendProfile('go-cqhttp').supports('send_like'); // false
 */
export function backendProfile(name: BackendName | 'unknown'): BackendProfile {
  return PROFILES[name];
}

/** The profile of a client that has not seen a `get_version_info` reply: supports everything, adapts nothing. */
export const UNKNOWN_BACKEND: BackendProfile = PROFILES.unknown;

/** The action whose reply names the backend. */
export const VERSION_ACTION = 'get_version_info';

/**
 * The profile of the backend that sent a `get_version_info` reply (pure; {@link UNKNOWN_BACKEND} when the
 * reply names none the SDK knows).
 *
 * @example
 * detect({ app_name: 'NapCat.Onebot', app_version: '4.18.19' }).name; // 'napcat'
 */
export function detect(versionInfo: unknown): BackendProfile {
  return PROFILES[detectBackend(versionInfo)];
}

function fillDefaults(defaults: Readonly<Record<string, unknown>>, params: unknown): Record<string, unknown> {
  const given = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  const filled: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) filled[key] = value;
  return filled;
}
