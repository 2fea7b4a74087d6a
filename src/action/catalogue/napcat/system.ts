import * as t from 'io-ts';
import { Id } from '../../../codec/id';
import { action, NoParams, type ActionDef } from '../../define';
import { compat } from '../support';
import { ANY_SCHEMA_NOTE, NoResult, struct } from '../shared';
import { NAPCAT_ONLY } from './common';
import { KERNEL_NOTE, RobotUinRange, ShareLinkResult } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** One QQ channel ("guild") the account joined, as go-cqhttp reports it. */
export const Guild = struct({ guild_id: Id, guild_name: t.string, guild_display_id: Id }, 'Guild');
export interface Guild extends t.TypeOf<typeof Guild> {}

/** The account's channel profile, as go-cqhttp reports it. */
export const GuildServiceProfile = struct(
  { nickname: t.string, tiny_id: Id, avatar_url: t.string },
  'GuildServiceProfile',
);
export interface GuildServiceProfile extends t.TypeOf<typeof GuildServiceProfile> {}

/** `{ words }`: the words of `translate_en2zh`, asked and answered in the same order. */
export const Words = struct({ words: t.array(t.string) }, 'Words');
export interface Words extends t.TypeOf<typeof Words> {}

/** Note of the names NapCat's action list has only in a comment: NapCat does not register them. */
const NAPCAT_COMMENTED_OUT = "NapCat's action list names it only in a comment: NapCat does not answer it.";

/** NapCat's system extensions: OCR, translation, process control, flash-transfer links, bot ranges, guild stubs. */
export const NAPCAT_SYSTEM_ACTIONS = lazyRows({
  '.ocr_image': () => action({
    params: struct({ image: t.string }, 'OcrImageParams'),
    result: t.unknown,
    origin: 'go-cqhttp',
    doc: 'Reads the text in an image (file path, URL or `base64://`); NapCat does it on Windows only.',
    support: compat('supported', 'supported', 'supported'),
    note: ANY_SCHEMA_NOTE,
    untyped:
      "the OCR answer is untyped in NapCat's source (the kernel typing says GeneralCallResult, the handler returns its `result`, the example `{ texts }`); go-cqhttp answers `{ texts, language }`",
  }),
  translate_en2zh: () => action({
    params: Words,
    result: Words,
    origin: 'napcat',
    doc: 'Translates English words to Chinese.',
    support: NAPCAT_ONLY,
  }),
  get_robot_uin_range: () => action({
    params: NoParams,
    result: t.array(RobotUinRange, 'RobotUinRanges'),
    origin: 'napcat',
    doc: "Lists the QQ number ranges of QQ's official bots.",
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  get_share_link: () => action({
    params: struct({ fileset_id: t.string }, 'GetShareLinkParams'),
    result: ShareLinkResult,
    origin: 'napcat',
    doc: 'Gets the share link of a flash-transfer file set.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  bot_exit: () => action({
    params: NoParams,
    result: NoResult,
    origin: 'napcat',
    doc: 'Stops the NapCat process.',
    support: NAPCAT_ONLY,
    note: 'NapCat exits before it replies: expect the connection to close, not a reply.',
  }),
  reboot_normal: () => action({
    params: NoParams,
    result: NoResult,
    origin: 'napcat',
    doc: 'Restarts NapCat without quick login (planned by NapCat, not implemented).',
    support: compat('unsupported', 'unsupported', 'unsupported'),
    note: NAPCAT_COMMENTED_OUT,
  }),
  reload_event_filter: () => action({
    params: struct({ file: t.string }, 'ReloadEventFilterParams'),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Reloads the event filter from a file (go-cqhttp).',
    support: compat('supported', 'unsupported', 'unsupported'),
    note: NAPCAT_COMMENTED_OUT,
  }),
  get_guild_list: () => action({
    params: NoParams,
    result: t.union([t.array(Guild), NoResult], 'GuildList'),
    origin: 'go-cqhttp',
    doc: 'Lists the QQ channels ("guilds") the account joined.',
    support: compat('supported', 'serious', 'unsupported'),
    note: 'NapCat answers nothing (`null`): it has no channel support.',
  }),
  get_guild_service_profile: () => action({
    params: NoParams,
    result: t.union([GuildServiceProfile, NoResult], 'GuildServiceProfileResult'),
    origin: 'go-cqhttp',
    doc: "Reads the account's QQ channel profile.",
    support: compat('supported', 'serious', 'unsupported'),
    note: 'NapCat answers nothing (`null`): it has no channel support.',
  }),
} satisfies Record<string, () => ActionDef>);
