/**
 * The client as the browser build exposes it: the same client, typed without its Node-only parts. The browser
 * entry re-exports this module with `export *` (its exports are exactly the entry's client names).
 */
import { type Client as NodeClient, createClient as createNodeClient } from './client';
import type { ClientOptions as NodeClientOptions } from './options';

/** Methods that need a file system (`downloadFileStreamToFile`, …): absent from the browser build. */
export type NodeOnlyClientMethod = Extract<keyof NodeClient, `${string}ToFile`>;

/** Options that only mean something in Node: header tokens, ws pings, listening servers. */
export type NodeOnlyClientOption = 'tokenIn' | 'pingInterval' | 'listen' | 'webhook';

/** A OneBot 11 client in the browser: every stream and action of `Client`, no file-system methods. */
export type Client = Omit<NodeClient, NodeOnlyClientMethod>;

/**
 * Options of the browser `createClient`: a `ws://` / `wss://` `url` (the token travels in
 * `?access_token=`), and `WebSocket` to replace the global one.
 */
export type ClientOptions = Omit<NodeClientOptions, NodeOnlyClientOption>;

/**
 * Creates a client over the page's global `WebSocket`. Nothing connects until something is subscribed.
 *
 * @example
 * const client = createClient({ url: 'ws://127.0.0.1:3001', accessToken: 'secret' });
 * client.events$.subscribe((event) => render(event));
 */
export function createClient(options: ClientOptions): Client {
  return createNodeClient(options);
}
