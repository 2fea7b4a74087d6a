import * as t from 'io-ts';
import { FavEmoji } from '../kernel-lists';
import { action, type ActionDef } from '../../define';
import { compat } from '../support';
import { NAPCAT_ONLY, NumberOrString } from '../napcat/common';
import { ANY_SCHEMA_NOTE, optional, struct } from '../shared';
import { KERNEL_NOTE, KernelResult } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** One ID or a list of them. */
const OneOrMany = t.union([t.string, t.array(t.string)], 'OneOrMany');

/** `{ count? }`: how many favourite stickers to read (default 48). */
export const CustomFaceCountParams = struct({ count: optional(NumberOrString) }, 'CustomFaceCountParams');
export interface CustomFaceCountParams extends t.TypeOf<typeof CustomFaceCountParams> {}

/** NapCat's favourite stickers (自定义表情): list, add, describe, delete. */
export const CUSTOM_FACE_ACTIONS = lazyRows({
  fetch_custom_face: () => action({
    params: CustomFaceCountParams,
    result: t.array(t.string, 'CustomFaceUrls'),
    origin: 'napcat',
    doc: "Lists the URLs of the bot's favourite stickers.",
    support: compat('unsupported', 'extension', 'extension'),
  }),
  fetch_custom_face_detail: () => action({
    params: CustomFaceCountParams,
    result: t.array(FavEmoji, 'FavEmojiList'),
    origin: 'napcat',
    doc: "Lists the bot's favourite stickers with their IDs (`resId`, `md5`, description …).",
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  add_custom_face: () => action({
    params: struct(
      {
        file: t.string,
        emoji_id: optional(NumberOrString),
        package_id: optional(NumberOrString),
        file_name: optional(t.string),
        file_size: optional(NumberOrString),
        md5: optional(t.string),
        is_mark_face: optional(t.boolean),
        is_origin: optional(t.boolean),
      },
      'AddCustomFaceParams',
    ),
    result: t.unknown,
    origin: 'napcat',
    doc: "Adds a local image file to the bot's favourite stickers.",
    support: NAPCAT_ONLY,
    note: `${ANY_SCHEMA_NOTE}. \`file\` is a path on the NapCat host; size and MD5 are read from it when left out.`,
    untyped:
      "NapCat's schema is Any and it returns the kernel's addFavEmoji answer, which its own typings declare unknown",
  }),
  set_custom_face_desc: () => action({
    params: struct(
      { emoji_id: NumberOrString, res_id: t.string, md5: t.string, desc: t.string },
      'SetCustomFaceDescParams',
    ),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Changes the description of a favourite sticker.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  delete_custom_face: () => action({
    params: struct(
      { res_id: optional(OneOrMany), id: optional(OneOrMany), ids: optional(t.array(t.string)), md5: optional(OneOrMany) },
      'DeleteCustomFaceParams',
    ),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Deletes favourite stickers by their `resId` (from `fetch_custom_face_detail`).',
    support: NAPCAT_ONLY,
    note: `${KERNEL_NOTE}. Give \`ids\`, \`res_id\` or \`id\`; an \`md5\` alone deletes nothing and fails.`,
  }),
} satisfies Record<string, () => ActionDef>);
