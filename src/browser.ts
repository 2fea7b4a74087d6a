/**
 * onebot-rx for browsers: the public surface of the main entry minus its Node-only parts (`createServer`,
 * `createWebhook`, the `*ToFile` transfers, `writeTo`, path and `Readable` inputs). The forward WebSocket is the
 * page's global `WebSocket` (token in `?access_token=`, no ping); neither `ws` nor any Node built-in is in
 * this module graph. Bundlers pick it through the `browser` export condition of `onebot-rx`.
 *
 * @example
 * import { createClient } from 'onebot-rx'; // resolves here in a browser bundle
 * const client = createClient({ url: 'ws://127.0.0.1:3001', accessToken: 'secret' });
 * client.events$.subscribe((event) => console.log(event.post_type));
 *
 * @packageDocumentation
 */

// Everything shared with the main entry
export * from './public-core';

// The codecs, the runtime's options and the throttle (modules the page loads lazily)
export * from './public-lazy';

// Client (the page's global `WebSocket`; no Node-only methods or options): `createClient`, `Client`,
// `ClientOptions`, `NodeOnlyClientMethod`, `NodeOnlyClientOption`. Only `export *` here, so a page that
// uses `createClient` alone does not import the chunks of everything this entry re-exports.
export * from './client/browser-client';
