import { EMPTY, asyncScheduler, catchError, filter, map, mergeMap } from 'rxjs';
import { buildApi } from '../action/api';
import { VERSION_ACTION, backendProfile } from '../action/backend';
import { createCaller } from '../action/caller';
import { tapSentFrames } from './sent-frames';
import { CATALOGUE_ROWS, catalogueLoading } from '../action/catalogue-source';
import { type SeedMethods, bindSeedMethods } from '../action/methods';
import type { CallAction } from '../action/types';
import { ClientClosedError } from '../errors';
import { ofType } from '../event/of-type';
import { eventStreams, knownEvents, unknownEvents } from '../event/streams';
import type { ClientCore } from './core';
import { bindTransferMethods, type TransferMethods } from '../stream/transfer-methods';
import type { RuntimeMethods } from '../runtime/runtime';
import { type BotMethods, bindBotMethods } from './bot-methods';
import { bindRuntimeMethods } from './runtime-methods';
import { createConnection } from './connection';
import { describeEndpoint, unsentReason } from './diagnose';
import { transportFor, webhookFor } from './transport-for';
import { CLIENT_DEFAULTS, type ClientOptions } from './options';
import { SILENT_LOGGER } from '../logger';

export type { Backend, ClientCore } from './core';


/**
 * A OneBot 11 client: {@link ClientCore}, the seed-named methods (`sendGroupMessage`, `setGroupBan`, …), the
 * conversation helpers and the Stream API transfers.
 */
export type Client = Omit<ClientCore & SeedMethods, keyof BotMethods | keyof TransferMethods | keyof RuntimeMethods<unknown>> &
  BotMethods &
  TransferMethods &
  RuntimeMethods<Client>;

function randomTag(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, '0');
}

/**
 * Creates a client for a OneBot 11 server over forward WebSocket. Nothing connects until something is
 * subscribed.
 *
 * @example
 * const client = createClient({ url: 'ws://127.0.0.1:3001', accessToken: process.env.TOKEN });
 * client.groupMessages$.pipe(
 *   filter((m) => textOf(m) === 'ping'),
 *   mergeMap((m) => client.sendGroupMessage(m.group_id, 'pong')),
 * ).subscribe();
 */
export function createClient(options: ClientOptions): Client {
  const scheduler = options.scheduler ?? asyncScheduler;
  const logger = options.logger ?? SILENT_LOGGER;
  const catalogue = CATALOGUE_ROWS;
  // A pinned backend's support profile is in the catalogue: the browser build starts loading it now.
  if (options.backend !== undefined) void catalogueLoading()?.catch(() => undefined);
  const defaultTimeout = options.actionTimeout ?? CLIENT_DEFAULTS.actionTimeout;
  const endpoint = describeEndpoint(options.transport === undefined ? options.url : undefined);
  let lastError: unknown;
  const sent = new Set<(frame: string) => void>();
  const caller = createCaller({
    catalogue,
    link: (hooks) =>
      createConnection(
        {
          open: options.transport ?? transportFor(options, scheduler, logger),
          events: options.transport === undefined ? webhookFor(options) : undefined,
          reconnect: options.reconnect ?? {},
          heartbeatGrace: options.heartbeatGrace ?? CLIENT_DEFAULTS.heartbeatGrace,
          idleGrace: options.idleGrace ?? CLIENT_DEFAULTS.idleGrace,
          scheduler,
          logger,
        },
        hooks,
      ),
    scheduler,
    defaultTimeout,
    strictResults: options.strictResults ?? CLIENT_DEFAULTS.strictResults,
    tag: randomTag(),
    logger,
    report: (error) => connection.report(error),
    fatal: (error) => connection.fail(error),
    throttle: options.throttle,
    ...(options.backend === undefined ? {} : { backend: backendProfile(options.backend), pinned: true }),
    unsentReason: (): string | undefined => (connection.socket() === undefined ? unsentReason(endpoint, lastError, options.accessToken) : undefined),
    sent,
  });
  const connection = caller.link;
  connection.state$.subscribe((state) => {
    if (state.error !== undefined) lastError = state.error;
  });
  if (options.detectBackend === true && options.backend === undefined) {
    // One get_version_info per opened connection, asked for by the option; its reply sets backend$.
    connection.state$
      .pipe(
        filter((state) => state.status === 'open'),
        mergeMap(() => caller.call(VERSION_ACTION, {}).pipe(catchError(() => EMPTY))),
      )
      .subscribe();
  }
  const call: CallAction = (action, params, callOptions) => caller.call(action, params, callOptions);
  const events$ = connection.frames$.pipe(knownEvents());

  const core: ClientCore = {
    frames$: connection.frames$,
    state$: connection.state$,
    errors$: connection.errors$,
    ...eventStreams(events$),
    unknownEvents$: connection.frames$.pipe(unknownEvents()),
    api: buildApi(catalogue, call, (action, params, callOptions) => caller.call(action, params, callOptions, true)),
    backend$: caller.backend$.pipe(map((profile) => profile.name)),
    on: (...queries) => events$.pipe(ofType(...queries)),
    callApi: call,
    supports: (action) => caller.backend.supports(action),
    connect: () => connection.frames$.subscribe({ error: () => undefined }),
    close: async () => {
      connection.close(new ClientClosedError());
      await connection.released();
    },
  };
  const withSeeds = Object.assign(core, bindSeedMethods(call));
  const transfers = bindTransferMethods({
    call,
    socket: () => connection.socket(),
    scheduler,
    logger,
    defaultTimeout,
  });
  const client = Object.assign(withSeeds, bindBotMethods({ client: withSeeds, scheduler }), transfers);
  const runtime = bindRuntimeMethods<Client>({
    client: client as unknown as Client,
    catalogue,
    call,
    raw: (action, params, callOptions) => caller.call(action, params, callOptions, true),
    scheduler,
    logger,
    report: (error) => connection.report(error),
    closedError: () => connection.closedError(),
    closeConnection: core.close,
  });
  return tapSentFrames(Object.assign(client, runtime) as unknown as Client, sent);
}
