import { Redis } from 'ioredis';
import type { Logger } from 'onebot-rx';

/** A logger that drops everything (the default). */
export const SILENT_LOGGER: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Where Redis is: a URL (`redis://user:pass@host:6379/0`, `rediss://` for TLS), a unix socket path (`/run/redis.sock`), or an ioredis client to share. */
export type RedisInput = string | Redis;

/** The Redis connections of one gateway or worker. */
export interface RedisLink {
  /** The shared connection for ordinary commands. */
  readonly main: Redis;
  /** A new dedicated connection for blocking reads (closed by {@link RedisLink.close}). */
  blocking(name: string): Redis;
  /** Masks credentials in a text bound for a log or an error. */
  redact(text: string): string;
  /** Closes the connections this link created (a client handed in is left open). */
  close(): Promise<void>;
}

const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)([^@/\s]*)@/gi;

/**
 * A function masking the credentials of `url` in any text: the `user:password@` part of any URL and the
 * password itself wherever it appears.
 */
export function redactorOf(url: string | undefined): (text: string) => string {
  let secret = '';
  if (url !== undefined) {
    try {
      secret = decodeURIComponent(new URL(url).password);
    } catch {
      secret = '';
    }
  }
  return (text) => {
    const masked = text.replace(URL_CREDENTIALS, '$1***@');
    return secret.length >= 3 ? masked.split(secret).join('***') : masked;
  };
}

/** Connection options for a URL: retry forever with a capped backoff, never fail a command for being offline. */
const URL_OPTIONS = {
  maxRetriesPerRequest: null,
  retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
  enableReadyCheck: true,
} as const;

/** Opens (or adopts) the Redis connections of a gateway or worker. Errors are logged with credentials masked. */
export function linkTo(input: RedisInput, logger: Logger, role: string): RedisLink {
  const redact = redactorOf(typeof input === 'string' ? input : undefined);
  const owned: Redis[] = [];
  const watch = (client: Redis, name: string): Redis => {
    let last = '';
    client.on('error', (e: unknown) => {
      const message = redact(e instanceof Error ? e.message : String(e));
      if (message === last) return; // one line per distinct failure, not one per retry
      last = message;
      logger.warn(`onebot-rx/redis: ${role} ${name} connection: ${message}`);
    });
    client.on('ready', () => {
      last = '';
    });
    return client;
  };
  const main = typeof input === 'string' ? watch(new Redis(input, URL_OPTIONS), 'main') : input;
  if (typeof input === 'string') owned.push(main);
  return {
    main,
    blocking: (name) => {
      // A blocking read whose answer was lost with the connection is failed, not re-sent: the reader then
      // recovers what the lost answer held (its own pending entries) before reading on, so order is kept.
      // Named (`CLIENT LIST`), so an operator sees which worker's read is blocked where.
      const connectionName = `onebot-rx:${role}:${name}`.replace(/[^\w:./-]+/g, ':');
      const options = { ...(typeof input === 'string' ? URL_OPTIONS : { maxRetriesPerRequest: null }), autoResendUnfulfilledCommands: false, connectionName };
      const client = watch(main.duplicate(options), name);
      owned.push(client);
      return client;
    },
    redact,
    close: async () => {
      const all = owned.splice(0);
      // QUIT only where connected: offline, it would be queued until Redis answers (forever if it never does).
      await Promise.all(all.map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())));
      for (const c of all) c.disconnect();
    },
  };
}

/**
 * Runs a clean-up command (on close) only while `client` is connected: resolves once it is answered, or as soon
 * as the connection is or goes down. Checking `status` alone is not enough: a connection that just died can
 * still read 'ready' until its close event, and a command sent then waits in the offline queue for Redis.
 */
export function whileConnected(client: Redis, command: () => Promise<unknown>): Promise<void> {
  if (client.status !== 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      client.off('close', done);
      resolve();
    };
    client.once('close', done);
    command().then(done, done);
  });
}
