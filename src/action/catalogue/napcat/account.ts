import * as t from 'io-ts';
import { action, NoParams, type ActionDef } from '../../define';
import { compat } from '../support';
import { NoResult, optional, struct } from '../shared';
import { NAPCAT_ONLY, NumberOrString } from './common';
import { KERNEL_NOTE, KernelResult } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** `get_clientkey` reply: a key for QQ's web login (absent when QQ gave none). */
export const ClientKey = struct({ clientkey: optional(t.string) }, 'ClientKey');
export interface ClientKey extends t.TypeOf<typeof ClientKey> {}

/** One device model name the account may show ("online on …"). */
export const ModelShowVariant = struct({ model_show: t.string, need_pay: t.boolean }, 'ModelShowVariant');
export interface ModelShowVariant extends t.TypeOf<typeof ModelShowVariant> {}

/**
 * `_get_model_show` reply. NapCat answers `[{ variants: { model_show, need_pay } }]` (a fixed `napcat`
 * entry); go-cqhttp answers `{ variants: [{ model_show, need_pay }] }`.
 */
export const ModelShow = t.union(
  [
    t.array(struct({ variants: ModelShowVariant }, 'NapCatModelShow')),
    struct({ variants: t.array(ModelShowVariant) }, 'GoCqhttpModelShow'),
  ],
  'ModelShow',
);
export type ModelShow = t.TypeOf<typeof ModelShow>;

/** NapCat's account actions: online status, avatar, signature, device model, web client key. */
export const NAPCAT_ACCOUNT_ACTIONS = lazyRows({
  set_online_status: () => action({
    params: struct(
      { status: NumberOrString, ext_status: NumberOrString, battery_status: NumberOrString },
      'SetOnlineStatusParams',
    ),
    result: NoResult,
    origin: 'napcat',
    doc: "Sets the bot's online status (QQ's `status` / `ext_status` codes, e.g. 10 / 0 online, 30 / 0 away).",
    support: NAPCAT_ONLY,
  }),
  set_diy_online_status: () => action({
    params: struct(
      { face_id: NumberOrString, face_type: optional(NumberOrString), wording: optional(t.string) },
      'SetDiyOnlineStatusParams',
    ),
    result: t.string,
    origin: 'napcat',
    doc: 'Sets a custom online status: an emoji (`face_id`) and a text (`wording`).',
    support: NAPCAT_ONLY,
    note: "The reply is QQ's error text, empty on success.",
  }),
  set_qq_avatar: () => action({
    params: struct({ file: t.string }, 'SetQqAvatarParams'),
    result: NoResult,
    origin: 'napcat',
    doc: "Sets the bot's avatar from a file path, URL or `base64://` data.",
    support: compat('unsupported', 'extension', 'extension'),
  }),
  set_self_longnick: () => action({
    params: struct({ longNick: t.string }, 'SetSelfLongnickParams'),
    result: KernelResult,
    origin: 'napcat',
    doc: "Sets the bot's signature (long nickname).",
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  get_clientkey: () => action({
    params: NoParams,
    result: ClientKey,
    origin: 'napcat',
    doc: "Gets a fresh client key for QQ's web services.",
    support: NAPCAT_ONLY,
  }),
  _get_model_show: () => action({
    params: struct({ model: optional(t.string) }, 'GetModelShowParams'),
    result: ModelShow,
    origin: 'go-cqhttp',
    doc: 'Lists the device model names the account may show.',
    support: compat('supported', 'slight', 'unsupported'),
    note: 'NapCat answers a fixed `napcat` model, in a different shape than go-cqhttp (see `ModelShow`).',
  }),
  _set_model_show: () => action({
    params: struct({ model: optional(t.string), model_show: optional(t.string) }, 'SetModelShowParams'),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Sets the device model name the account shows.',
    support: compat('supported', 'serious', 'unsupported'),
    note: 'NapCat accepts the call and does nothing.',
  }),
} satisfies Record<string, () => ActionDef>);
