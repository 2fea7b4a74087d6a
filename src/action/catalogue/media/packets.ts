import * as t from 'io-ts';
import { action, NoParams, type ActionDef } from '../../define';
import { NAPCAT_ONLY } from '../napcat/common';
import { NoResult, optional, struct } from '../shared';
import { lazyRows } from '../../lazy-rows';

/** `send_packet` reply: the response body as hex, missing when `rsp` is false. */
export const PacketResponse = t.union([t.string, t.null, t.undefined], 'PacketResponse');
export type PacketResponse = t.TypeOf<typeof PacketResponse>;

/** NapCat's packet backend: its health, and raw protocol packets. */
export const PACKET_ACTIONS = lazyRows({
  nc_get_packet_status: () => action({
    params: NoParams,
    result: NoResult,
    origin: 'napcat',
    doc: "Checks that NapCat's packet backend is available: succeeds with no data, fails otherwise.",
    support: NAPCAT_ONLY,
    note: 'The failure is a parameter-check failure (retcode 1400) whose message carries the backend log.',
  }),
  send_packet: () => action({
    params: struct(
      { cmd: t.string, data: t.string, rsp: optional(t.union([t.boolean, t.keyof({ true: null, false: null })])) },
      'SendPacketParams',
    ),
    result: PacketResponse,
    origin: 'napcat',
    doc: 'Sends a raw protocol packet (`cmd`, hex `data`) and, unless `rsp` is false, answers the reply as hex.',
    support: NAPCAT_ONLY,
    note: "Needs NapCat's packet backend. Lagrange.OneBot's `.send_packet` is a different action.",
  }),
} satisfies Record<string, () => ActionDef>);
