/**
 * One bot's reverse WebSocket connections (Universal, or API + Event) as the transport of its client.
 */
import {
  BehaviorSubject,
  Observable,
  type SchedulerLike,
  Subject,
  type Subscription,
  filter,
  interval,
  switchMap,
  take,
} from 'rxjs';
import type { WebSocket } from 'ws';
import type { OpenTransport, TransportSignal } from '../transport/types';
import { DisconnectedError } from '../errors';
import type { ClientRole } from './handshake';

/** An accepted socket and why it left, once it has. */
interface Peer {
  readonly ws: WebSocket;
  readonly role: ClientRole;
  left?: DisconnectedError;
}

const OPEN = 1;

/** Close code sent to a connection replaced by a newer one for the same self_id and role. */
export const REPLACED_CLOSE_CODE = 4000;

/** At most this many frames are held for a client between two sessions; beyond, the oldest go first. */
export const HANDOVER_LIMIT = 1_000;

const carriesActions = (role: ClientRole): boolean => role !== 'Event';
const carriesEvents = (role: ClientRole): boolean => role !== 'API';

/**
 * The sockets of one self_id. A new socket takes the action slot (`Universal`, `API`) and/or the event slot
 * (`Universal`, `Event`) and closes whichever socket held them; frames of a socket that holds no slot any
 * more are ignored, so a replaced socket's late frames and close never touch its successor.
 *
 * Frames that arrive between two sessions of the client (the socket was replaced, or the action socket left
 * while the event socket stays) are held, up to {@link HANDOVER_LIMIT}, and delivered first by the next
 * session: a handover loses nothing.
 */
export class BotLink {
  private readonly actions = new BehaviorSubject<Peer | undefined>(undefined);
  private events: Peer | undefined;
  private readonly inbound = new Subject<string>();
  /** Frames received while the client is between sessions. */
  private held: string[] = [];
  /** A client session is subscribed. */
  private active = false;
  /** The last session ended by a failure, so the client will subscribe again: frames are held meanwhile. */
  private resuming = false;

  constructor(
    readonly selfId: string,
    private readonly scheduler: SchedulerLike,
    private readonly pingInterval: number,
  ) {}

  /** Whether an action socket is connected. */
  get connected(): boolean {
    return this.actions.value !== undefined;
  }

  /** Adopts an accepted socket for `role`, replacing the socket(s) that held its slots. */
  attach(ws: WebSocket, role: ClientRole): void {
    const peer: Peer = { ws, role };
    const replaced = new Set<Peer>();
    if (carriesEvents(role)) {
      if (this.events !== undefined) replaced.add(this.events);
      this.events = peer;
    }
    if (carriesActions(role)) {
      const old = this.actions.value;
      if (old !== undefined) {
        replaced.add(old);
        old.left = new DisconnectedError(`bot ${this.selfId}: the connection was replaced by a new one`, {
          code: REPLACED_CLOSE_CODE,
          reason: 'replaced',
        });
      }
      this.actions.next(peer);
    }
    for (const old of replaced) this.release(old, true);
    ws.on('message', (data: Buffer) => {
      if (this.holds(peer)) this.receive(data.toString('utf8'));
    });
    ws.once('close', (code: number, reason: Buffer) => this.left(peer, code, reason.toString()));
    ws.on('error', () => ws.terminate());
    this.keepAlive(peer);
  }

  /** The transport of this bot's client: waits for an action socket; ends when it leaves or is replaced. */
  readonly open: OpenTransport = (generation) =>
    this.actions.pipe(
      filter((peer): peer is Peer => peer !== undefined),
      take(1),
      switchMap((peer) => this.session(peer, generation)),
    );

  /** Closes every socket of this bot (the server is closing). */
  closeAll(code: number, reason: string): void {
    const peers = new Set([this.actions.value, this.events]);
    for (const peer of peers) if (peer !== undefined) peer.ws.close(code, reason);
  }

  private session(peer: Peer, generation: number): Observable<TransportSignal> {
    return new Observable<TransportSignal>((subscriber) => {
      const send = (text: string): boolean => {
        if (this.actions.value !== peer || peer.ws.readyState !== OPEN) return false;
        peer.ws.send(text);
        return true;
      };
      subscriber.next({ type: 'open', generation, send });
      const frames = this.inbound.subscribe((text) => subscriber.next(text));
      this.active = true;
      this.resuming = false;
      const held = this.held;
      this.held = [];
      for (const text of held) subscriber.next(text);
      let failed = false;
      const gone = this.actions
        .pipe(
          filter((current) => current !== peer),
          take(1),
        )
        .subscribe(() => {
          failed = true;
          subscriber.error(peer.left ?? new DisconnectedError(`bot ${this.selfId} disconnected`));
        });
      return () => {
        this.active = false;
        this.resuming = failed;
        frames.unsubscribe();
        gone.unsubscribe();
      };
    });
  }

  /** Passes a frame to the session, or holds it while the client is between sessions. */
  private receive(text: string): void {
    if (this.active) this.inbound.next(text);
    else if (this.resuming) {
      if (this.held.length === HANDOVER_LIMIT) this.held.shift();
      this.held.push(text);
    }
  }

  private holds(peer: Peer): boolean {
    return this.actions.value === peer || this.events === peer;
  }

  private release(peer: Peer, replaced: boolean): void {
    if (this.events === peer) this.events = undefined;
    if (this.actions.value === peer) this.actions.next(undefined);
    if (replaced) peer.ws.close(REPLACED_CLOSE_CODE, 'replaced by a new connection');
  }

  private left(peer: Peer, code: number, reason: string): void {
    if (!this.holds(peer)) return;
    peer.left ??= new DisconnectedError(`bot ${this.selfId} disconnected (${reason ? `${code}: ${reason}` : code})`, {
      code,
      reason,
    });
    this.release(peer, false);
  }

  /** Pings the socket every `pingInterval` ms; a socket that missed the previous pong is terminated. */
  private keepAlive(peer: Peer): void {
    if (this.pingInterval <= 0) return;
    let alive = true;
    peer.ws.on('pong', () => {
      alive = true;
    });
    const pinger: Subscription = interval(this.pingInterval, this.scheduler).subscribe(() => {
      if (!alive) {
        peer.ws.terminate();
        return;
      }
      alive = false;
      if (peer.ws.readyState === OPEN) peer.ws.ping();
    });
    peer.ws.once('close', () => pinger.unsubscribe());
  }
}
