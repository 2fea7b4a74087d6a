import type { BackendName } from 'onebot-rx';
import { ASYNC_SUFFIX, ASYNC_SUFFIXES } from '../../action/define';
import { GO_CQHTTP_ACTIONS, GO_CQHTTP_ALIASES, LAGRANGE_ACTIONS, LAGRANGE_ALIASES, type WireAlias } from './backend-actions';
import type { ResponseFrame } from './frames';
import type { Params } from './params';

/** The backend a simulator answers as (`createSimulator({ backend })`). */
export type SimBackend = BackendName;

/** Where a request goes: the handler name and the params it reads. */
export interface Routed {
  readonly name: string;
  readonly params: Params;
}

/** The retcodes of one backend's failures over WebSocket. */
export interface Retcodes {
  /** Params the backend could not read. */
  readonly badParams: number;
  /** The action ran and failed. */
  readonly failed: number;
  /** No such action. */
  readonly unknownAction: number;
}

/**
 * How one backend answers: what it reports as its version, which names it routes (and to which handler,
 * with which params renamed), its retcodes, and the shape of its reply frames on the wire.
 */
export interface Persona {
  readonly name: SimBackend;
  /** Default `app_version` of `get_version_info`. */
  readonly appVersion: string;
  /** The `data` of `get_version_info` with `app_version`. */
  versionInfo(appVersion: string): Record<string, unknown>;
  /**
   * The handler a request is routed to, with its params renamed from the backend's own names to the ones the
   * handler reads; `undefined` for an action the backend does not know. `known` says whether the simulator
   * answers a handler name (NapCat's list is the catalogue's).
   */
  route(action: string, params: Params, known: (name: string) => boolean): Routed | undefined;
  readonly retcodes: Retcodes;
  /** The message and wording of the unknown-action failure. */
  unknownAction(action: string): { readonly message: string; readonly wording: string };
  /** The message and wording of a failure with this cause. */
  failure(cause: string): { readonly message: string; readonly wording: string };
  /** The echo written back: the request's echo, or the backend's stand-in when it had none. */
  echo(echo: unknown, routed: boolean): unknown;
  /** The reply frame as this backend writes it. */
  wire(frame: ResponseFrame): object;
  /** Whether the HTTP API answers an unknown action with HTTP 404 (otherwise 200 with the failure body). */
  readonly httpNotFound: boolean;
}

const stripSuffix = (action: string, suffixes: readonly string[]): string => {
  const suffix = suffixes.find((s) => action.endsWith(s));
  return suffix === undefined ? action : action.slice(0, -suffix.length);
};

const GO_CQHTTP_ROUTES: ReadonlySet<string> = new Set(GO_CQHTTP_ACTIONS);
const LAGRANGE_ROUTES: ReadonlySet<string> = new Set(LAGRANGE_ACTIONS);

function renameParams(alias: WireAlias | undefined, params: Params): Params {
  if (alias?.params === undefined) return params;
  const out: Params = { ...params };
  for (const [own, handlerName] of Object.entries(alias.params)) {
    if (!Object.hasOwn(out, own)) continue;
    out[handlerName] ??= out[own];
    delete out[own];
  }
  return out;
}

/** Routes a name the backend registers to its handler (through its alias, if any). */
function routeBy(
  routes: ReadonlySet<string>,
  aliases: Readonly<Record<string, WireAlias>>,
  action: string,
  params: Params,
): Routed | undefined {
  if (!routes.has(action)) return undefined;
  const alias = Object.hasOwn(aliases, action) ? aliases[action] : undefined;
  return { name: alias?.handler ?? action, params: renameParams(alias, params) };
}

/** NapCat: the behaviour the simulator always had (see `frames-and-streams.md`). */
const NAPCAT: Persona = {
  name: 'napcat',
  appVersion: '4.18.19',
  versionInfo: (appVersion) => ({ app_name: 'NapCat.Onebot', protocol_version: 'v11', app_version: appVersion }),
  route: (action, params, known) => {
    const plain = stripSuffix(action, ASYNC_SUFFIXES);
    const name = known(action) ? action : plain !== action && known(plain) ? plain : undefined;
    return name === undefined ? undefined : { name, params };
  },
  retcodes: { badParams: 1400, failed: 1200, unknownAction: 1404 },
  unknownAction: (action) => ({ message: `不支持的API ${action}`, wording: `不支持的API ${action}` }),
  failure: (cause) => ({ message: cause, wording: cause }),
  // NapCat echoes '' for handled requests without an echo and null for unknown actions.
  echo: (echo, routed) => echo ?? (routed ? '' : null),
  wire: (frame) => frame,
  httpNotFound: true,
};

/**
 * go-cqhttp v1.2.0: `coolq.OK` is `{ data, retcode: 0, status: 'ok', message: '' }`, `coolq.Failed(code, msg,
 * wording)` is `{ data: null, retcode, msg, wording, message: wording, status: 'failed' }`; the echo is added
 * only when the request had one; `_async` is trimmed and answered at once (`_rate_limited` is not routed);
 * an unknown action is `Failed(404, 'API_NOT_FOUND', 'API不存在')`; errors are retcode 100.
 */
const GO_CQHTTP: Persona = {
  name: 'go-cqhttp',
  appVersion: 'v1.2.0',
  versionInfo: (appVersion) => ({
    app_name: 'go-cqhttp',
    app_version: appVersion,
    app_full_name: `go-cqhttp-${appVersion}_linux_amd64-go1.20.14`,
    protocol_version: 'v11',
    coolq_directory: '/opt/go-cqhttp',
    coolq_edition: 'pro',
    go_cqhttp: true,
    plugin_version: '4.15.0',
    plugin_build_number: 99,
    plugin_build_configuration: 'release',
    runtime_version: 'go1.20.14',
    runtime_os: 'linux',
    version: appVersion,
    // The device's protocol number (`Device().Protocol`, from device.json: it varies); 6 is AndroidPad.
    protocol_name: 6,
  }),
  route: (action, params) => routeBy(GO_CQHTTP_ROUTES, GO_CQHTTP_ALIASES, stripSuffix(action, [ASYNC_SUFFIX]), params),
  retcodes: { badParams: 100, failed: 100, unknownAction: 404 },
  unknownAction: () => ({ message: 'API_NOT_FOUND', wording: 'API不存在' }),
  failure: (cause) => ({ message: 'API_ERROR', wording: cause }),
  echo: (echo) => echo,
  wire: ({ status, retcode, data, message, wording, echo }) => {
    const echoed = echo === undefined ? {} : { echo };
    if (status === 'ok') return { data, retcode, status, message: '', ...echoed };
    return { data: null, retcode, msg: message, wording, message: wording, status, ...echoed };
  },
  httpNotFound: false,
};

/**
 * Lagrange.OneBot: `OneBotResult` is `{ status, retcode, data, echo }` (no message); an unknown action is
 * `(null, 404, 'failed')`, an exception (params it cannot read included) `(null, 200, 'failed')`; names are
 * routed exactly (no `_async` variants); the echo is `null` when the request had none.
 */
const LAGRANGE: Persona = {
  name: 'lagrange',
  appVersion: '0.0.3',
  versionInfo: (appVersion) => ({
    app_name: 'Lagrange.OneBot',
    app_version: appVersion,
    protocol_version: 'v11',
    nt_protocol: 'Linux | 3.2.15-30366',
  }),
  route: (action, params) => routeBy(LAGRANGE_ROUTES, LAGRANGE_ALIASES, action, params),
  retcodes: { badParams: 200, failed: 200, unknownAction: 404 },
  unknownAction: () => ({ message: '', wording: '' }),
  failure: () => ({ message: '', wording: '' }),
  echo: (echo) => echo ?? null,
  wire: ({ status, retcode, data, echo }) => ({ status, retcode, data, echo }),
  httpNotFound: false,
};

const PERSONAS: Readonly<Record<SimBackend, Persona>> = { napcat: NAPCAT, 'go-cqhttp': GO_CQHTTP, lagrange: LAGRANGE };

/**
 * The persona of `backend` (NapCat by default).
 *
 * @example
 * personaOf('go-cqhttp').retcodes.unknownAction; // 404
 */
export function personaOf(backend: SimBackend = 'napcat'): Persona {
  return PERSONAS[backend];
}
