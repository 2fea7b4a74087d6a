import * as t from 'io-ts';
import { IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { optional, struct } from '../shared';
import { GroupIdParams, NAPCAT_ONLY, NumberOrString } from './common';
import { ArkShareResult, KERNEL_NOTE } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** Params of the contact-card Ark actions: a user (`user_id`, optionally `phone_number`) or a group. */
export const ArkShareParams = struct(
  { user_id: optional(IdParam), group_id: optional(IdParam), phone_number: optional(t.string) },
  'ArkShareParams',
);
export interface ArkShareParams extends t.TypeOf<typeof ArkShareParams> {}

/** `'true'` asks `get_mini_app_ark` for QQ's raw Ark data instead of a sendable `json` segment payload. */
const RawArkData = optional(t.keyof({ true: null, false: null }, 'RawArkData'));

const miniAppCardFields = {
  title: t.string,
  desc: t.string,
  picUrl: t.string,
  jumpUrl: t.string,
  webUrl: optional(t.string),
  rawArkData: RawArkData,
};

/** A mini-app card from one of NapCat's built-in templates (`bili`, `weibo`). */
export const TemplateMiniAppParams = struct(
  { type: t.keyof({ bili: null, weibo: null }, 'MiniAppTemplate'), ...miniAppCardFields },
  'TemplateMiniAppParams',
);
export interface TemplateMiniAppParams extends t.TypeOf<typeof TemplateMiniAppParams> {}

/** A mini-app card described field by field (any mini-app). */
export const CustomMiniAppParams = struct(
  {
    ...miniAppCardFields,
    iconUrl: t.string,
    appId: t.string,
    scene: NumberOrString,
    templateType: NumberOrString,
    businessType: NumberOrString,
    verType: NumberOrString,
    shareType: NumberOrString,
    versionId: t.string,
    sdkId: t.string,
    withShareTicket: NumberOrString,
  },
  'CustomMiniAppParams',
);
export interface CustomMiniAppParams extends t.TypeOf<typeof CustomMiniAppParams> {}

/** `get_mini_app_ark` reply: the card in `data`. */
export const MiniAppArk = struct({ data: t.unknown }, 'MiniAppArk');
export interface MiniAppArk extends t.TypeOf<typeof MiniAppArk> {}

/** NapCat's Ark cards: contact recommendations and mini-app cards, returned as JSON to send in a `json` segment. */
export const NAPCAT_ARK_ACTIONS = lazyRows({
  send_ark_share: () => action({
    params: ArkShareParams,
    result: ArkShareResult,
    origin: 'napcat',
    doc: 'Builds the Ark contact card recommending a user (`user_id`) or a group (`group_id`).',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  ArkSharePeer: () => action({
    params: ArkShareParams,
    result: ArkShareResult,
    origin: 'napcat',
    doc: 'Older name of `send_ark_share` (deprecated by NapCat).',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  send_group_ark_share: () => action({
    params: GroupIdParams,
    result: t.string,
    origin: 'napcat',
    doc: "Builds a group's Ark share card; the reply is its JSON text.",
    support: NAPCAT_ONLY,
  }),
  ArkShareGroup: () => action({
    params: GroupIdParams,
    result: t.string,
    origin: 'napcat',
    doc: 'Older name of `send_group_ark_share` (deprecated by NapCat).',
    support: NAPCAT_ONLY,
  }),
  get_mini_app_ark: () => action({
    params: t.union([TemplateMiniAppParams, CustomMiniAppParams], 'GetMiniAppArkParams'),
    result: MiniAppArk,
    origin: 'napcat',
    doc: 'Signs a mini-app card (a built-in `bili` / `weibo` template, or a custom mini-app).',
    support: NAPCAT_ONLY,
    note: "NapCat's schema for `data` is Any.",
  }),
} satisfies Record<string, () => ActionDef>);
