/**
 * The public exports whose modules a browser page loads in lazy chunks (the event and segment codecs, the
 * event unions, the runtime's options, the throttle), apart from `public-core.ts`: the entries re-export this
 * module, and it those modules, with `export *` only (each of them exports only public names), so a page
 * that does not use them itself keeps them out of its first chunk. esbuild, splitting a page, makes a module
 * it uses (through a named re-export or its own code) import the chunks of everything that module imports
 * or re-exports; a module reached by `export *` alone is not used.
 */

// Event codecs and their types, and the event unions
export * from './codec/event/codecs';
export type {
  EventCodec,
  MessageEvent,
  MessageSentEvent,
  MetaEvent,
  NoticeEvent,
  NotifyNotice,
  OneBotEvent,
  RequestEvent,
  UnknownEvent,
  GuildNotice,
} from './codec/event';

// Segment types and codecs
export * from './codec/segment';

// Bot runtime options and the conversation key (the runtime comes with the frame decoder)
export * from './runtime/options';
export * from './runtime/conversation-key';

// The throttle queue (`createThrottle`, `throttleActions` and their types)
export * from './action/throttle';
