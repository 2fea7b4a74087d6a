/**
 * onebot-rx: a reactive, RxJS stream-oriented SDK for OneBot 11 bots (NapCat, go-cqhttp, Lagrange.OneBot).
 *
 * @packageDocumentation
 */

// Everything shared with the browser entry
export * from './public-core';
export * from './public-lazy';

// Client (Node: `ws` forward socket, reverse server, HTTP, webhook)
export { createClient, type Client } from './client/client';
export type { ClientOptions } from './client/options';

// Other transports: reverse WebSocket server, split endpoints, HTTP API + webhook
export { createServer, type OneBotServer, type ServerOptions } from './server/create-server';
export type { ClientRole } from './server/handshake';
export type { SplitUrls } from './transport/split-socket';
export { createWebhook, type WebhookOptions, type WebhookReceiver, type WebhookReceiverOptions } from './client/webhook';
export type { QuickAnswer, QuickOperation, WebhookRequest, WebhookResponse } from './transport/webhook-receiver';

// File-system transfers: `*ToFile` targets and `writeTo`
export type { DownloadTarget, DownloadToFileOptions, WriteComplete, WriteEvent, WriteProgress } from './stream/types';
export { writeTo, type WritableChunk, type WriteOptions } from './stream/write-to';
