/**
 * onebot-rx/redis: scale a bot out on Redis Streams — one gateway holds each account's socket, many workers
 * handle its events (partitioned by conversation, acknowledged when handled) and send through the gateway
 * (each idempotency key at most once). Needs the optional peer dependency `ioredis`.
 *
 * @packageDocumentation
 */
export { createGateway, type Gateway, type GatewayOptions } from './gateway';
export { createWorker, type WorkerClient, type WorkerOptions } from './worker';
export type { RedisInput } from './connect';
export type { ScaleOutStats } from './stats';
export { StaleOwnerError, isStaleOwnerError, STALE_OWNER_RETCODE } from './errors';
export { conversationKey, partitionOf, type ConversationFields } from './partition';
export { DEFAULT_PARTITIONS, DEFAULT_PREFIX } from './keys';
