import * as t from 'io-ts';

/**
 * How a backend implements an action (from `protocol/compat.md`): `supported` as the standard; `slight` with
 * small parameter differences; `serious` with serious ones; `extension` the backend's own action;
 * `unsupported` not implemented; `unknown` not collected.
 */
export type Support = 'supported' | 'slight' | 'serious' | 'extension' | 'unsupported' | 'unknown';

/** The backends the SDK has profiles for. */
export type BackendName = 'napcat' | 'go-cqhttp' | 'lagrange';

/** Per-backend support of one action. */
export type SupportProfile = Readonly<Record<BackendName, Support>>;

/** Where an action comes from. */
export type ActionOrigin = 'onebot11' | 'go-cqhttp' | 'napcat' | 'lagrange';

/**
 * Where an action sends a message, for the throttle: `group` (`group_id`), `private` (`user_id`),
 * `conversation` (`message_type`, else `group_id` when present, else `user_id`), `quick-reply` (the event in
 * `context`, when `operation.reply` is set).
 */
export type SendsTo = 'group' | 'private' | 'conversation' | 'quick-reply';

export { ASYNC_SUFFIX, ASYNC_SUFFIXES, asyncBase } from './async-variants';

/**
 * One row of the action catalogue: the data every face of an action (typed `api.*`, seed-named method,
 * simulator handler, docs table) is derived from.
 */
export interface ActionDef<P extends t.Mixed = t.Mixed, R extends t.Mixed = t.Mixed> {
  /** Codec of the params: its type is what callers pass, its output what goes on the wire. */
  readonly params: P;
  /** Codec of the reply's `data`. `t.unknown` where NapCat's own schema is `Any`. */
  readonly result: R;
  /** `stream`: many reply frames share one echo until `data.type === 'response'` or an error frame. */
  readonly reply: 'single' | 'stream';
  /** Which standard or backend the action comes from. */
  readonly origin: ActionOrigin;
  /** Support per backend. */
  readonly support: SupportProfile;
  /** One line on what the action does (used in `docs/actions.md`). */
  readonly doc: string;
  /** A note on backend differences or result caveats, for the docs table. */
  readonly note?: string;
  /** Why `result` stays `t.unknown`: what the backends' sources leave open (shown in the docs' result column). */
  readonly untyped?: string;
  /** Where the action sends a message, if it does: the throttle spaces these per target. */
  readonly sends?: SendsTo;
}

const DEFAULT_SUPPORT: SupportProfile = { napcat: 'supported', 'go-cqhttp': 'unknown', lagrange: 'unknown' };

/** The empty params object of actions that take none. */
export const NoParams = /*#__PURE__*/ t.type({}, 'NoParams');

/**
 * Declares a catalogue row; `support` defaults to NapCat `supported`, others `unknown`, `reply` to `single`.
 *
 * @example
 * const get_login_info = action({
 *   params: NoParams, result: LoginInfo, origin: 'onebot11', doc: 'The logged-in account.',
 *   support: { napcat: 'supported', 'go-cqhttp': 'supported', lagrange: 'supported' },
 * });
 */
export function action<P extends t.Mixed, R extends t.Mixed>(def: {
  params: P;
  result: R;
  origin: ActionOrigin;
  doc: string;
  reply?: 'single' | 'stream';
  support?: Partial<SupportProfile>;
  note?: string;
  untyped?: string;
  sends?: SendsTo;
}): ActionDef<P, R> {
  return {
    params: def.params,
    result: def.result,
    reply: def.reply ?? 'single',
    origin: def.origin,
    support: { ...DEFAULT_SUPPORT, ...def.support },
    doc: def.doc,
    ...(def.note === undefined ? {} : { note: def.note }),
    ...(def.untyped === undefined ? {} : { untyped: def.untyped }),
    ...(def.sends === undefined ? {} : { sends: def.sends }),
  };
}

/** Params type a caller passes for a catalogue row. */
export type ParamsOf<D> = D extends ActionDef<infer P, t.Mixed> ? t.TypeOf<P> : never;
/** Result type a catalogue row's call emits. */
export type ResultOf<D> = D extends ActionDef<t.Mixed, infer R> ? t.TypeOf<R> : never;
