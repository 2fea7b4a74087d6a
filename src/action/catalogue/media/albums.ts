import * as t from 'io-ts';
import { AlbumMediaPage } from '../kernel-lists';
import { IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { NAPCAT_ONLY } from '../napcat/common';
import { NoResult, optional, struct } from '../shared';
import { KERNEL_NOTE, KernelResult } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** `get_qun_album_list` reply: one page of a group's albums; pass `attach_info` back for the next page. */
export const GroupAlbumPage = struct(
  { album_list: t.array(t.unknown), attach_info: t.string, has_more: t.boolean },
  'GroupAlbumPage',
);
export interface GroupAlbumPage extends t.TypeOf<typeof GroupAlbumPage> {}

/** Params that name one upload batch of an album, or one of its media with `lloc`. */
export const AlbumMediaLikeParams = struct(
  { group_id: IdParam, album_id: t.string, batch_id: t.string, lloc: optional(t.string) },
  'AlbumMediaLikeParams',
);
export interface AlbumMediaLikeParams extends t.TypeOf<typeof AlbumMediaLikeParams> {}

/** NapCat's group album actions: list albums and media, upload, delete, like and comment. */
export const ALBUM_ACTIONS = lazyRows({
  get_qun_album_list: () => action({
    params: struct({ group_id: IdParam, attach_info: optional(t.string) }, 'GetQunAlbumListParams'),
    result: GroupAlbumPage,
    origin: 'napcat',
    doc: "Lists a group's photo albums, one page at a time.",
    support: NAPCAT_ONLY,
    note: "NapCat's schema is Any for the album entries.",
  }),
  get_group_album_media_list: () => action({
    params: struct(
      { group_id: IdParam, album_id: t.string, attach_info: optional(t.string) },
      'GetGroupAlbumMediaListParams',
    ),
    result: AlbumMediaPage,
    origin: 'napcat',
    doc: 'Lists the photos and videos of a group album, one page at a time.',
    support: NAPCAT_ONLY,
    note: `${KERNEL_NOTE}; NapCat types only the response envelope, the media entries come unnamed.`,
  }),
  upload_image_to_qun_album: () => action({
    params: struct(
      { group_id: IdParam, album_id: t.string, album_name: t.string, file: t.string },
      'UploadImageToQunAlbumParams',
    ),
    result: NoResult,
    origin: 'napcat',
    doc: 'Uploads an image (path, URL or base64) to a group album.',
    support: NAPCAT_ONLY,
    note: "NapCat's schema is Any; its handler returns nothing (the upload's own answer is dropped).",
  }),
  del_group_album_media: () => action({
    params: struct({ group_id: IdParam, album_id: t.string, lloc: t.string }, 'DelGroupAlbumMediaParams'),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Deletes one photo or video (`lloc`) from a group album.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  set_group_album_media_like: () => action({
    params: AlbumMediaLikeParams,
    result: KernelResult,
    origin: 'napcat',
    doc: 'Likes a group album upload batch, or one of its media when `lloc` is given.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  cancel_group_album_media_like: () => action({
    params: AlbumMediaLikeParams,
    result: KernelResult,
    origin: 'napcat',
    doc: 'Takes back a like on a group album upload batch or one of its media.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  do_group_album_comment: () => action({
    params: struct(
      { group_id: IdParam, album_id: t.string, lloc: t.string, content: t.string },
      'DoGroupAlbumCommentParams',
    ),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Comments on a photo or video of a group album.',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
} satisfies Record<string, () => ActionDef>);
