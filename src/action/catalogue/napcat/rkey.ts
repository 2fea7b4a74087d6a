import * as t from 'io-ts';
import { action, NoParams, type ActionDef } from '../../define';
import { compat } from '../support';
import { optional, struct } from '../shared';
import { NAPCAT_ONLY } from './common';
import { KERNEL_NOTE, RawRkey } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** One media rkey: the `rkey` URL parameter QQ needs to serve private (`private`) or group (`group`) images. */
export const Rkey = struct({ type: t.string, rkey: t.string, created_at: t.number, ttl: t.number }, 'Rkey');
export interface Rkey extends t.TypeOf<typeof Rkey> {}

/** `get_rkey` reply: NapCat answers the array; Lagrange.OneBot wraps it as `{ rkeys }`. */
export const RkeyList = t.union([t.array(Rkey), struct({ rkeys: t.array(Rkey) }, 'RkeysObject')], 'RkeyList');
export type RkeyList = t.TypeOf<typeof RkeyList>;

/** `get_rkey_server` reply: ready-to-append `&rkey=…` strings and when they expire (unix seconds). */
export const RkeyServer = struct(
  {
    private_rkey: optional(t.string),
    group_rkey: optional(t.string),
    expired_time: optional(t.number),
    name: t.string,
  },
  'RkeyServer',
);
export interface RkeyServer extends t.TypeOf<typeof RkeyServer> {}

/** NapCat's three ways to read the current media rkeys. */
export const NAPCAT_RKEY_ACTIONS = lazyRows({
  get_rkey: () => action({
    params: NoParams,
    result: RkeyList,
    origin: 'napcat',
    doc: 'Reads the current private and group media rkeys with their age and lifetime.',
    support: compat('unsupported', 'extension', 'serious'),
    note: 'Lagrange.OneBot answers `{ rkeys: [...] }` instead of the array.',
  }),
  get_rkey_server: () => action({
    params: NoParams,
    result: RkeyServer,
    origin: 'napcat',
    doc: 'Reads the current media rkeys in the shape of an rkey server (cached until they expire).',
    support: NAPCAT_ONLY,
  }),
  nc_get_rkey: () => action({
    params: NoParams,
    result: t.array(RawRkey, 'RawRkeyList'),
    origin: 'napcat',
    doc: "Reads the current media rkeys as QQ's raw records.",
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
} satisfies Record<string, () => ActionDef>);
