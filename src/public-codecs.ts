/**
 * The event and segment codecs of the public surface (and the event unions), apart from `public-core.ts`: the
 * entries re-export this module, and it its codec modules, with `export *` only, so a browser page that
 * does not use a codec itself can load them in a lazy chunk (the frame decoder's). esbuild, splitting a
 * page, makes a module that is used through a named re-export import the chunks of everything that module
 * re-exports; modules reached by `export *` alone are not "used".
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
