import type { GroupRole, Sex } from 'onebot-rx';
import type { Observable } from 'rxjs';
import type { EventFactories } from './event-types';
import type { ReverseConnection, ReverseOptions } from './reverse';
import type { WebhookDelivery, WebhookTarget } from './webhooks';

/** A group member's role, as OneBot 11 names it (the SDK's {@link GroupRole}). */
export type MemberRole = GroupRole;

export type { Sex };

/** A friend of the simulated account. */
export interface FriendSeed {
  user_id: number;
  nickname: string;
  remark?: string;
  sex?: Sex;
  age?: number;
}

/** A member of a simulated group. */
export interface MemberSeed {
  user_id: number;
  nickname: string;
  role?: MemberRole;
  card?: string;
  title?: string;
  sex?: Sex;
  age?: number;
  level?: string;
  /** Unix seconds (default: the simulator's clock at creation). */
  join_time?: number;
}

/** A simulated group and its members (the simulated account is added as `admin` unless listed). */
export interface GroupSeed {
  group_id: number;
  group_name: string;
  max_member_count?: number;
  members?: MemberSeed[];
}

/** The initial world of a simulator; every list defaults to a small ready-made world when omitted. */
export interface WorldSeed {
  /** Nickname of the simulated account (its QQ number is `selfId`). */
  nickname?: string;
  friends?: FriendSeed[];
  groups?: GroupSeed[];
}

/** Options of {@link createSimulator}. */
export interface SimulatorOptions {
  /** TCP port (default 0: a free port chosen by the OS). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** WebSocket path prefix (default `/`); `<path>/api` connects without events, as on NapCat. */
  path?: string;
  /** When set, upgrades need this token (`Authorization: Bearer|Token <t>` or `?access_token=`). */
  accessToken?: string;
  /** Heartbeat period in ms (default 30 000; 0 disables heartbeats). */
  heartbeatInterval?: number;
  /** QQ number of the simulated account (default 10000, see `DEFAULT_WORLD`). */
  selfId?: number;
  /**
   * Initial friends, groups and members. Default (`DEFAULT_WORLD`): friends Alice (20001) and Bob (20002); group
   * 300001 "onebot-rx test group" with Alice (owner), Bob and the bot (admin).
   */
  world?: WorldSeed;
  /** Epoch milliseconds used for every `time` field (default `Date.now`). */
  clock?: () => number;
  /** Emit `message_sent` events for the account's own sends (NapCat's `reportSelfMessage`). */
  messageSent?: boolean;
  /**
   * The backend the simulator answers as (default `napcat`): its `get_version_info`, the action names it
   * routes (others fail as its unknown action: NapCat 1404, go-cqhttp 404 `API_NOT_FOUND`, Lagrange 404), its
   * own param names, its retcodes (go-cqhttp 100, Lagrange 200 for failures) and its reply frame shape
   * (go-cqhttp `msg`/`wording`, Lagrange `{ status, retcode, data, echo }`).
   */
  backend?: 'napcat' | 'go-cqhttp' | 'lagrange';
  /** `app_version` answered by `get_version_info` (default: the backend's, NapCat `4.18.19`). */
  appVersion?: string;
}

/** One action request the simulator received, as recorded in `sim.calls$`. */
export interface ActionCall {
  readonly action: string;
  readonly params: Record<string, unknown>;
  /** The request's echo exactly as received (`undefined` when the request had none). */
  readonly echo: unknown;
  /** Epoch milliseconds (wall clock) at which the request arrived. */
  readonly at: number;
}

/** A scripted failure answer: `status 'failed'` with this retcode and message. */
export interface FailureAnswer {
  retcode: number;
  message?: string;
  wording?: string;
}

/**
 * The pending match returned by `sim.expectAction`: a Promise of the matched call that can also choose the
 * answer the call gets.
 */
export interface ExpectedAction extends Promise<ActionCall> {
  /**
   * Answers the matched call with `status 'ok', retcode 0, data: result`; an object of the shape
   * `{ retcode, message?, wording? }` with a non-zero retcode answers `status 'failed'` instead.
   */
  respond(result: unknown): ExpectedAction;
  /** Answers the matched call with `status 'failed'` (explicit form of a failing `respond`). */
  fail(failure: FailureAnswer): ExpectedAction;
}

/** One line of a scripted chat: a group message when `group_id` is set, otherwise a private one. */
export interface ChatLine {
  group_id?: number;
  user_id: number;
  message: string | ReadonlyArray<{ type: string; data: Record<string, unknown> }>;
  /** Milliseconds to wait before this line (default 0). */
  delay?: number;
}

/** Options of `sim.drop`. */
export interface DropOptions {
  /** Destroy the sockets without a close frame (default false: a clean close frame). */
  abrupt?: boolean;
  /** Close code of a clean drop (default 1001). */
  code?: number;
  /** Close reason of a clean drop. */
  reason?: string;
}

/** A running OneBot 11 simulator (see {@link createSimulator}). */
export interface Simulator {
  /** `ws://host:port/path` of the forward WebSocket endpoint. */
  readonly url: string;
  /** The port the server listens on. */
  readonly port: number;
  /** `http://host:port` of the HTTP API (`POST /<action>`, same port and token as the WebSocket). */
  readonly httpUrl: string;
  /** QQ number of the simulated account. */
  readonly selfId: number;
  /** The backend the simulator answers as. */
  readonly backend: 'napcat' | 'go-cqhttp' | 'lagrange';
  /** Number of connected clients. */
  readonly connections: number;
  /** The number of connected clients, replayed on subscribe. */
  readonly connections$: Observable<number>;
  /** Every action call since creation, replayed on subscribe. */
  readonly calls$: Observable<ActionCall>;
  /** Factories of realistic NapCat events (fields filled from the world and the clock). */
  readonly events: EventFactories;
  /** Writes an event to every connected client; rejects when none is connected. */
  emit(event: object): Promise<void>;
  /** Emits a scripted conversation line by line; resolves with the emitted events. */
  chat(script: ReadonlyArray<ChatLine>): Promise<object[]>;
  /** Matches the next call named `action` whose params deep-contain `params`, once. */
  expectAction(action: string, params?: Record<string, unknown>): ExpectedAction;
  /** Resolves once at least one client is connected. */
  waitForConnection(): Promise<void>;
  /** Closes every client connection (a close frame, or a socket destroy with `abrupt`). */
  drop(options?: DropOptions): Promise<void>;
  /** Delays every reply by `ms` (0 restores immediate replies). */
  delayReplies(ms: number): void;
  /** Holds replies until `n` are pending, then sends them in reverse order (0 or 1 restores order). */
  reorderReplies(n: number): void;
  /** Corrupts chunk `index` of the next Stream API download (its bytes flipped, same size). */
  corruptChunk(index: number): void;
  /** Destroys the socket after `count` chunk frames of the next Stream API download. */
  dropAfterChunks(count: number): void;
  /**
   * Destroys the socket once `count` more upload chunks have been accepted, right after the `count`-th
   * acknowledgement is written (one-shot); for testing resumed uploads.
   *
   * @example
   * sim.dropAfterUploadChunks(10);
   * // the upload fails with TransferError DISCONNECTED after 10 acknowledged chunks; upload again to resume
   */
  dropAfterUploadChunks(count: number): void;
  /** Writes a raw text frame to every connected client. */
  sendRaw(text: string): Promise<void>;
  /**
   * Replays a recording made by `recordFrames` (JSON lines): writes its event frames, and the frames the
   * recording client rejected, to every connected event client in order and exactly as recorded (64-bit
   * IDs keep their digits). When the recording has the calls (`recordFrames(..., { calls: true })`), a
   * WebSocket call with the same action and params as a recorded one is answered once with its recorded
   * reply frames (echo replaced), before scripted and world answers. Resolves with the number of frames
   * written once all are written; rejects when no client is connected.
   *
   * @example
   * const events = nextValues(client.events$, 3);
   * await sim.replay('test/fixtures/recordings/napcat-group.jsonl');
   * expect(await events).toMatchObject([{ post_type: 'message' }, ...]);
   */
  replay(path: string): Promise<number>;
  /** Stops sending heartbeats (the watchdog case). */
  stopHeartbeats(): void;
  /** Resumes heartbeats after {@link Simulator.stopHeartbeats}. */
  resumeHeartbeats(): void;
  /** Refuses further upgrades with this HTTP status (default 503) until {@link Simulator.acceptConnections}. */
  rejectConnections(status?: number): void;
  /** Accepts upgrades again after {@link Simulator.rejectConnections}. */
  acceptConnections(): void;
  /**
   * Connects out to a reverse WebSocket server as NapCat does (`X-Self-ID`, `X-Client-Role`, the token);
   * the sockets are then served like accepted clients (events, actions, `drop`). Rejects with a
   * `ReverseRefusedError { status }` when the upgrade is refused.
   */
  connectReverse(options: ReverseOptions): Promise<ReverseConnection>;
  /**
   * POSTs every event from now on to a webhook (`X-Signature: sha1=<hex>` with a secret); a quick operation
   * in the answer is carried out as a `.handle_quick_operation` call. `deliveries$` replays each POST's
   * outcome (status 0 for a network failure).
   */
  postEventsTo(target: WebhookTarget): { readonly deliveries$: Observable<WebhookDelivery>; remove(): void };
  /** Closes the server and every connection; leaves no timer running. */
  close(): Promise<void>;
}
