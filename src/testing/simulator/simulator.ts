import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BehaviorSubject, filter, firstValueFrom, map, ReplaySubject } from 'rxjs';
import { stringifyWire } from '../../codec/id';
import { loadCatalogue, type CatalogueRows } from './catalogue';
import { answer, parseRequest, type ActionRequest } from './dispatch';
import { createEventFactories, storedFromEvent, type SimEvent } from './events';
import { Expectations, type ScriptedAnswer } from './expect';
import { failedFrame, okFrame, type ResponseFrame } from './frames';
import { HANDLERS, type HandlerContext } from './handlers';
import { personaOf, type Persona } from './personas';
import { fileSource } from './handlers/files';
import { Heartbeat } from './heartbeat';
import { parseRecording } from '../recording';
import { ReplyPipeline } from './replies';
import { parseEvent, RecordedAnswers, replayable } from './replay';
import { collectFrames, sendAll, sendLazily, type ReplyFrames } from './send-frames';
import { Transfers } from './transfers';
import { sendText, SimServer, type SimClient } from './server';
import { serveHttpApi } from './http-api';
import { connectReverse } from './reverse';
import type { ActionCall, ChatLine, DropOptions, Simulator, SimulatorOptions } from './types';
import { postEvent, type WebhookDelivery, type WebhookTarget } from './webhooks';
import { DEFAULT_WORLD, createWorld, type World } from './world';

const ignore = (): void => undefined;

/** Options of {@link createSimulator} that only tests of the simulator itself need. */
export interface SimulatorInternals {
  /** Catalogue rows answered with sampled results (default: the SDK's catalogue). */
  catalogue?: CatalogueRows;
}

function scriptedFrame(scripted: ScriptedAnswer, echo: unknown, persona: Persona): ResponseFrame {
  const wireEcho = persona.echo(echo, true);
  if (scripted.kind === 'ok') return okFrame(scripted.data ?? null, wireEcho);
  const { retcode, message = '', wording } = scripted.failure;
  return failedFrame(retcode, message, wireEcho, wording ?? message);
}

/** Remembers what an emitted event tells the world: messages (for get_msg) and pending requests. */
function record(world: World, event: Record<string, unknown>): void {
  const message = storedFromEvent(event);
  if (message && !world.messages.has(message.message_id)) world.messages.set(message.message_id, message);
  const flag = event['flag'];
  if (event['post_type'] === 'request' && typeof flag === 'string') {
    const group_id = typeof event['group_id'] === 'number' ? event['group_id'] : undefined;
    world.requests.set(flag, {
      flag,
      request_type: event['request_type'] === 'group' ? 'group' : 'friend',
      sub_type: String(event['sub_type'] ?? ''),
      user_id: Number(event['user_id']),
      ...(group_id === undefined ? {} : { group_id }),
      comment: String(event['comment'] ?? ''),
    });
  }
}

function serveFile(world: World, req: IncomingMessage, res: ServerResponse): boolean {
  const match = /^\/files\/(\d+)\/([^/?]+)/.exec(req.url ?? '');
  if (!match) return false;
  const source = fileSource(world, Number(match[1]), decodeURIComponent(match[2] ?? ''));
  if (source === undefined) {
    res.writeHead(404).end();
    return true;
  }
  createReadStream(source)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}

/**
 * Starts a OneBot 11 server on loopback that behaves like NapCat's forward WebSocket: token check on the
 * upgrade, a lifecycle event and heartbeats, a consistent in-memory world answering actions, and fault
 * injection for tests. With `backend: 'go-cqhttp' | 'lagrange'` it answers as that backend instead: its
 * `get_version_info`, the action names it routes (others fail as its unknown action), its own param names,
 * its retcodes and the shape of its reply frames.
 *
 * @example
 * const sim = await createSimulator({ accessToken: 'secret' });
 * const reply = sim.expectAction('send_group_msg', { group_id: 300001 });
 * // ... connect a client to sim.url and send a message ...
 * const call = await reply; // the matched call
 * await sim.close();
 *
 * @example
 * const gocq = await createSimulator({ backend: 'go-cqhttp' });
 * // get_version_info answers app_name 'go-cqhttp'; send_like fails { status: 'failed', retcode: 404, msg: 'API_NOT_FOUND' }
 */
export async function createSimulator(options: SimulatorOptions & SimulatorInternals = {}): Promise<Simulator> {
  const clock = options.clock ?? Date.now;
  const now = (): number => Math.floor(clock() / 1000);
  const selfId = options.selfId ?? DEFAULT_WORLD.selfId;
  const host = options.host ?? '127.0.0.1';
  const path = options.path ?? '/';
  const interval = options.heartbeatInterval ?? 30_000;
  const persona = personaOf(options.backend);
  const toWire = (frame: ResponseFrame): object => persona.wire(frame);
  const world = createWorld(options.world, selfId, now());
  const events = createEventFactories(world, now);
  const answerers = { handlers: HANDLERS, catalogue: options.catalogue ?? (await loadCatalogue(persona.name)) };
  const calls$ = new ReplaySubject<ActionCall>();
  const connections$ = new BehaviorSubject<number>(0);
  const expectations = new Expectations();
  const replies = new ReplyPipeline();
  const recordedAnswers = new RecordedAnswers();
  const transfers = new Transfers();
  const chatTimers = new Set<ReturnType<typeof setTimeout>>();
  let httpBase = '';
  const webhooks = new Map<WebhookTarget, ReplaySubject<WebhookDelivery>>();

  const eventClients = (): SimClient[] => [...server.clients].filter((c) => c.events);
  const listeners = (): number => eventClients().length + webhooks.size;
  const broadcast = async (text: string): Promise<void> => {
    const targets = eventClients();
    if (targets.length === 0 && webhooks.size === 0) throw new Error('no client is connected to the simulator');
    for (const [target, deliveries] of webhooks) deliver(target, deliveries, text);
    await Promise.all(targets.map((c) => sendText(c.socket, text)));
  };
  const heartbeat = new Heartbeat(interval, () => {
    broadcast(stringifyWire(events.heartbeat(interval))).catch(ignore);
  });

  const context = (queued: SimEvent[]): HandlerContext => ({
    world,
    now,
    events,
    emit: (event) => queued.push(event),
    messageSent: options.messageSent ?? false,
    versionInfo: persona.versionInfo(options.appVersion ?? persona.appVersion),
    httpBase,
    transfers,
  });

  const reply = (client: SimClient, frames: ReplyFrames, queued: SimEvent[] = []): void => {
    replies.push(() => {
      if (Array.isArray(frames)) sendAll(client.socket, frames, transfers.shaper(), toWire);
      else sendLazily(client.socket, frames, transfers.shaper(), undefined, toWire).catch(ignore);
      for (const event of queued) broadcast(stringifyWire(event)).catch(ignore);
    });
  };

  const callOf = (request: ActionRequest): ActionCall => ({ action: request.action, params: request.params, echo: request.echo, at: Date.now() });

  const answerRequest = async (request: ActionRequest): Promise<{ frames: ReplyFrames; queued: SimEvent[] }> => {
    const call = callOf(request);
    calls$.next(call);
    const scripted = expectations.match(call).answer;
    const queued: SimEvent[] = [];
    const frames = scripted ? [scriptedFrame(scripted, request.echo, persona)] : await answer(request, answerers, context(queued), persona);
    return { frames, queued };
  };

  const handleRequest = async (client: SimClient, request: ActionRequest): Promise<void> => {
    const recordedReplies = recordedAnswers.take(request.action, request.params, request.echo);
    if (recordedReplies !== undefined) {
      calls$.next(callOf(request));
      replies.push(() => {
        for (const text of recordedReplies) sendText(client.socket, text).catch(ignore);
      });
      return;
    }
    const { frames, queued } = await answerRequest(request);
    reply(client, frames, queued);
  };

  /** The HTTP API's answers take the same pipeline (delays, reordering) as socket replies. */
  const answerHttp = (request: ActionRequest, respond: (frames: ResponseFrame[]) => void): void => {
    answerRequest(request)
      .then(async ({ frames, queued }) => {
        const all = await collectFrames(frames);
        replies.push(() => {
          respond(all);
          for (const event of queued) broadcast(stringifyWire(event)).catch(ignore);
        });
      })
      .catch(ignore);
  };

  /** POSTs an event to a webhook; a quick operation in the answer is carried out as `.handle_quick_operation`. */
  function deliver(target: WebhookTarget, deliveries: ReplaySubject<WebhookDelivery>, text: string): void {
    postEvent(target, text, selfId)
      .then((delivery) => {
        deliveries.next(delivery);
        if (delivery.operation === undefined) return;
        const context = JSON.parse(text) as Record<string, unknown>;
        answerHttp({ action: '.handle_quick_operation', params: { context, operation: delivery.operation }, echo: undefined }, ignore);
      })
      .catch(() => deliveries.next({ status: 0 }));
  }

  const server: SimServer = await SimServer.listen(
    { host, port: options.port ?? 0, path, accessToken: options.accessToken },
    {
      onConnect: (client) => {
        connections$.next(server.clients.size);
        if (!client.events) return;
        sendText(client.socket, stringifyWire(events.lifecycle('connect'))).catch(ignore);
        heartbeat.update(listeners());
      },
      onMessage: (client, text) => {
        const parsed = parseRequest(text);
        if ('reply' in parsed) reply(client, [parsed.reply]);
        else handleRequest(client, parsed.request).catch(ignore);
      },
      onClose: () => {
        connections$.next(server.clients.size);
        heartbeat.update(listeners());
      },
      onHttp: (req, res) =>
        serveFile(world, req, res) || serveHttpApi(req, res, { accessToken: options.accessToken, base: path, answer: answerHttp, persona }),
    },
  );
  const urlHost = host.includes(':') ? `[${host}]` : host;
  httpBase = `http://${urlHost}:${server.port}`;

  const emit = async (event: object): Promise<void> => {
    record(world, event as Record<string, unknown>);
    await broadcast(stringifyWire(event));
  };

  const sleep = (ms: number): Promise<void> =>
    ms <= 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          const timer = setTimeout(() => {
            chatTimers.delete(timer);
            resolve();
          }, ms);
          chatTimers.add(timer);
        });

  const chat = async (script: ReadonlyArray<ChatLine>): Promise<object[]> => {
    const emitted: object[] = [];
    for (const line of script) {
      await sleep(line.delay ?? 0);
      const event =
        line.group_id === undefined
          ? events.privateMessage({ user_id: line.user_id, message: line.message })
          : events.groupMessage({ group_id: line.group_id, user_id: line.user_id, message: line.message });
      await emit(event);
      emitted.push(event);
    }
    return emitted;
  };

  const drop = async ({ abrupt = false, code = 1001, reason = '' }: DropOptions = {}): Promise<void> => {
    const closing = [...server.clients].map(
      (client) =>
        new Promise<void>((resolve) => {
          client.socket.once('close', () => resolve());
          if (abrupt) client.socket.terminate();
          else client.socket.close(code, reason);
        }),
    );
    await Promise.all(closing);
  };

  /**
   * Pushes a recording's event frames (and the frames the recording client rejected) in order, verbatim, and
   * keeps its recorded replies to answer the same calls (WebSocket clients).
   */
  const replay = async (recordingPath: string): Promise<number> => {
    const recording = parseRecording(await readFile(recordingPath, 'utf8'));
    recordedAnswers.add(recording);
    const texts = replayable(recording);
    for (const text of texts) {
      const event = parseEvent(text);
      if (event !== undefined) record(world, event);
      await broadcast(text);
    }
    return texts.length;
  };

  const sendRaw = async (text: string): Promise<void> => {
    const targets = [...server.clients];
    if (targets.length === 0) throw new Error('no client is connected to the simulator');
    await Promise.all(targets.map((c) => sendText(c.socket, text)));
  };

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      heartbeat.pause(true); // for good: a socket closing below (a webhook still listed) must not restart it
      replies.dispose();
      transfers.dispose();
      for (const timer of chatTimers) clearTimeout(timer);
      chatTimers.clear();
      await server.close();
      for (const deliveries of webhooks.values()) deliveries.complete();
      webhooks.clear();
      calls$.complete();
      connections$.complete();
    })();
    return closed;
  };

  return {
    url: `ws://${urlHost}:${server.port}${path.startsWith('/') ? path : `/${path}`}`,
    port: server.port,
    httpUrl: httpBase,
    selfId,
    backend: persona.name,
    get connections() {
      return server.clients.size;
    },
    connections$: connections$.asObservable(),
    calls$: calls$.asObservable(),
    events,
    emit,
    chat,
    expectAction: (action, params) => expectations.expect(action, params),
    waitForConnection: () =>
      firstValueFrom(
        connections$.pipe(
          filter((n) => n > 0),
          map(ignore),
        ),
      ),
    drop,
    delayReplies: (ms) => replies.delay(ms),
    reorderReplies: (n) => replies.reorder(n),
    sendRaw,
    replay,
    stopHeartbeats: () => heartbeat.pause(true),
    resumeHeartbeats: () => {
      heartbeat.pause(false);
      heartbeat.update(listeners());
    },
    corruptChunk: (index) => {
      transfers.faults.corruptIndex = index;
    },
    dropAfterChunks: (count) => {
      transfers.faults.dropAfter = count;
    },
    dropAfterUploadChunks: (count) => {
      transfers.faults.dropAfterUploads = count;
    },
    rejectConnections: (status = 503) => server.reject(status),
    acceptConnections: () => server.reject(undefined),
    connectReverse: (reverse) => connectReverse(reverse, selfId, (socket, carries) => server.adoptOutbound(socket, carries)),
    postEventsTo: (target) => {
      const deliveries = new ReplaySubject<WebhookDelivery>();
      webhooks.set(target, deliveries);
      heartbeat.update(listeners());
      return {
        deliveries$: deliveries.asObservable(),
        remove: () => {
          webhooks.delete(target);
          deliveries.complete();
          heartbeat.update(listeners());
        },
      };
    },
    close,
  };
}
