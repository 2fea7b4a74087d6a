import * as t from 'io-ts';
import { action, NoParams, type ActionDef } from '../define';
import { LoginInfo, NoResult, optional, Status, VersionInfo, YesResult, struct } from './shared';
import { compat, EVERYWHERE } from './support';
import { KERNEL_NOTE, KernelResult } from './kernel';
import { lazyRows } from '../lazy-rows';

/** `get_cookies` reply; NapCat adds the `bkn` CSRF token. */
export const Cookies = struct({ cookies: t.string, bkn: optional(t.string) }, 'Cookies');
export interface Cookies extends t.TypeOf<typeof Cookies> {}

/** `get_csrf_token` reply. */
export const CsrfToken = struct({ token: t.union([t.number, t.string]) }, 'CsrfToken');
export interface CsrfToken extends t.TypeOf<typeof CsrfToken> {}

/** `get_credentials` reply: cookies and CSRF token together. */
export const Credentials = struct({ cookies: t.string, token: t.union([t.number, t.string]) }, 'Credentials');
export interface Credentials extends t.TypeOf<typeof Credentials> {}

/** `get_online_clients` reply: go-cqhttp's `{ clients }`, or the bare (empty) array NapCat answers. */
export const OnlineClients = t.union(
  [struct({ clients: t.union([t.array(t.unknown), t.null]) }, 'ClientList'), t.array(t.unknown)],
  'OnlineClients',
);
export type OnlineClients = t.TypeOf<typeof OnlineClients>;

/** One device-model label of `get_model_show`. */
export const ModelShowVariant = struct({ model_show: t.string, need_pay: t.boolean }, 'ModelShowVariant');
export interface ModelShowVariant extends t.TypeOf<typeof ModelShowVariant> {}

/**
 * `get_model_show` reply: go-cqhttp's `{ variants }`, or NapCat's list of `{ variants }` entries (the NapCat adapter
 * turns the list into `{ variants }` once the backend is known).
 */
export const ModelShow = t.union(
  [
    struct({ variants: t.array(ModelShowVariant) }, 'ModelShowVariants'),
    t.array(struct({ variants: ModelShowVariant }, 'ModelShowEntry')),
  ],
  'ModelShow',
);
export type ModelShow = t.TypeOf<typeof ModelShow>;

const DomainParams = struct({ domain: t.string }, 'DomainParams');

/** OneBot 11 and go-cqhttp actions about the bot itself: login, credentials, status, profile. */
export const ACCOUNT_ACTIONS = lazyRows({
  get_login_info: () => action({
    params: NoParams,
    result: LoginInfo,
    origin: 'onebot11',
    doc: 'Reads the logged-in account\'s ID and nickname.',
    support: EVERYWHERE,
  }),
  get_cookies: () => action({
    params: DomainParams,
    result: Cookies,
    origin: 'onebot11',
    doc: 'Reads the cookies of a QQ web domain (e.g. `qun.qq.com`).',
    support: EVERYWHERE,
    note: 'OneBot 11 lets `domain` be empty; NapCat requires it.',
  }),
  get_csrf_token: () => action({
    params: NoParams,
    result: CsrfToken,
    origin: 'onebot11',
    doc: 'Reads the CSRF token (`bkn`) for QQ web APIs.',
    support: EVERYWHERE,
  }),
  get_credentials: () => action({
    params: DomainParams,
    result: Credentials,
    origin: 'onebot11',
    doc: 'Reads the cookies of a domain together with the CSRF token.',
    support: EVERYWHERE,
  }),
  can_send_image: () => action({
    params: NoParams,
    result: YesResult,
    origin: 'onebot11',
    doc: 'Whether the backend can send images.',
    support: EVERYWHERE,
  }),
  can_send_record: () => action({
    params: NoParams,
    result: YesResult,
    origin: 'onebot11',
    doc: 'Whether the backend can send voice messages.',
    support: EVERYWHERE,
  }),
  get_status: () => action({
    params: NoParams,
    result: Status,
    origin: 'onebot11',
    doc: 'Whether the account is online and the backend healthy.',
    support: compat('supported', 'supported', 'slight'),
  }),
  get_version_info: () => action({
    params: NoParams,
    result: VersionInfo,
    origin: 'onebot11',
    doc: 'The backend\'s name and version; `app_name` tells NapCat, go-cqhttp and Lagrange apart.',
    support: EVERYWHERE,
  }),
  get_online_clients: () => action({
    params: struct({ no_cache: optional(t.boolean) }, 'GetOnlineClientsParams'),
    result: OnlineClients,
    origin: 'go-cqhttp',
    doc: 'Lists the account\'s other online devices.',
    support: compat('supported', 'serious', 'unsupported'),
    note: 'NapCat always answers an empty array; its adapter turns it into `{ clients: [] }`.',
  }),
  qidian_get_account_info: () => action({
    params: NoParams,
    result: t.UnknownRecord,
    origin: 'go-cqhttp',
    doc: 'Reads the enterprise (QiDian) account\'s info.',
    support: compat('supported', 'unsupported', 'unsupported'),
  }),
  get_model_show: () => action({
    params: struct({ model: t.string }, 'GetModelShowParams'),
    result: ModelShow,
    origin: 'go-cqhttp',
    doc: 'Lists the device-model labels available for `model`.',
    support: compat('supported', 'supported', 'unsupported'),
    note: 'NapCat serves it as `_get_model_show`: the NapCat adapter renames the action.',
  }),
  set_model_show: () => action({
    params: struct({ model: t.string, model_show: t.string }, 'SetModelShowParams'),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Sets the device-model label shown to others.',
    support: compat('supported', 'serious', 'unsupported'),
    note: 'NapCat serves it as `_set_model_show` (renamed by the NapCat adapter), and its handler does nothing.',
  }),
  set_qq_profile: () => action({
    params: struct(
      {
        nickname: t.string,
        personal_note: optional(t.string),
        sex: optional(t.number),
        company: optional(t.string),
        email: optional(t.string),
        college: optional(t.string),
      },
      'SetQqProfileParams',
    ),
    result: KernelResult,
    origin: 'go-cqhttp',
    doc: 'Sets the account\'s nickname and profile.',
    support: compat('supported', 'serious', 'unsupported'),
    note: `${KERNEL_NOTE}. NapCat sets \`nickname\`, \`personal_note\` and \`sex\` (0 unknown, 1 male, 2 female) only, go-cqhttp all but \`sex\`: the adapters refuse the others.`,
  }),
} satisfies Record<string, () => ActionDef>);
