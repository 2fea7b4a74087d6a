/**
 * The reverse WebSocket handshake: who is connecting (X-Self-ID), as what (X-Client-Role), and with which token.
 */
import type { IncomingMessage } from 'node:http';
import { checkToken, presentedToken } from '../transport/signature';
import type { BackendName } from '../action/define';

/** The role of a reverse WebSocket connection: everything, or only actions (`API`) or only events (`Event`). */
export type ClientRole = 'Universal' | 'API' | 'Event';

/** An accepted handshake: the bot's QQ number (exact decimal digits) and the connection's role. */
export interface Handshake {
  readonly selfId: string;
  readonly role: ClientRole;
  /** The backend, when its `User-Agent` names it (go-cqhttp `CQHttp/4.15.0`, `Lagrange.OneBot`). */
  readonly backend?: BackendName;
}

/** `User-Agent` values backends send on their reverse WebSocket (NapCat sends the generic `OneBot/11`). */
const USER_AGENTS: readonly (readonly [RegExp, BackendName])[] = [
  [/^CQHttp\//i, 'go-cqhttp'],
  [/^Lagrange\.OneBot/i, 'lagrange'],
];

/**
 * The backend a reverse-WS `User-Agent` names, if any.
 *
 * @example
 * backendOfUserAgent('CQHttp/4.15.0'); // 'go-cqhttp'
 * backendOfUserAgent('OneBot/11'); // undefined
 */
export function backendOfUserAgent(userAgent: string | undefined): BackendName | undefined {
  if (userAgent === undefined) return undefined;
  return USER_AGENTS.find(([pattern]) => pattern.test(userAgent))?.[1];
}

/** Roles by lower-cased header value (a `Map`: `constructor` or `__proto__` finds nothing). */
const ROLES: ReadonlyMap<string, ClientRole> = new Map([
  ['universal', 'Universal'],
  ['api', 'API'],
  ['event', 'Event'],
]);

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim();
}

/** The canonical key of a self_id: its decimal digits without leading zeros (`undefined` if not a number). */
export function selfIdKey(selfId: number | string | bigint): string | undefined {
  const text = String(selfId).trim();
  return /^\d+$/.test(text) ? BigInt(text).toString() : undefined;
}

function pathMatches(url: string | undefined, path: string): boolean {
  const pathname = new URL(url ?? '/', 'http://onebot.invalid').pathname.replace(/\/+$/, '');
  return pathname === path.replace(/\/+$/, '');
}

/**
 * Checks an upgrade request: 404 for another path, 401 without the token, 403 with a wrong one (compared in
 * constant time; `Bearer`, `Token` or `?access_token=`), 400 without a numeric `X-Self-ID` or with an
 * unknown `X-Client-Role` (a missing role means `Universal`).
 */
export function checkHandshake(req: IncomingMessage, path: string, accessToken: string | undefined): Handshake | number {
  if (!pathMatches(req.url, path)) return 404;
  const auth = checkToken(presentedToken(header(req, 'authorization'), req.url), accessToken);
  if (auth !== 200) return auth;
  const selfId = selfIdKey(header(req, 'x-self-id') ?? '');
  const role = ROLES.get((header(req, 'x-client-role') ?? 'universal').toLowerCase());
  if (selfId === undefined || role === undefined) return 400;
  const backend = backendOfUserAgent(header(req, 'user-agent'));
  return backend === undefined ? { selfId, role } : { selfId, role, backend };
}
