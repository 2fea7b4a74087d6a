import * as t from 'io-ts';
import { EVENT_CODECS, LEVEL2_KEYS, table } from './tree';
import type { EventCodec } from './types';

/** Codecs by `sub_type`, for a level-2 type whose sub-types are known. */
export type SubTypeCodecs = Readonly<Record<string, EventCodec>>;

/** Codecs by level-2 key: one codec, or one per `sub_type`. */
export type Level2Codecs = Readonly<Record<string, EventCodec | SubTypeCodecs>>;

interface Route {
  readonly key: string;
  readonly codecs: Level2Codecs;
}

const ROUTES: Readonly<Record<string, Route>> = table(
  Object.fromEntries(
    Object.entries(EVENT_CODECS).map(([post, codecs]) => [
      post,
      { key: LEVEL2_KEYS[post as keyof typeof LEVEL2_KEYS], codecs: codecs as Level2Codecs },
    ]),
  ),
);

function isCodec(entry: EventCodec | SubTypeCodecs): entry is EventCodec {
  return entry instanceof t.Type;
}

/**
 * The codec for a parsed frame, found by its discriminants (`post_type` → level-2 key → `sub_type` where
 * it matters) in plain table lookups; `undefined` when no codec knows them (an unknown event). Allocates
 * nothing and never throws on any JSON object.
 *
 * @example
 * const codec = eventCodecFor(frame);
 * if (codec === undefined) unknown$.next(frame);
 * else if (codec.is(frame)) events$.next(frame);
 * else errors$.next(new DecodeError(text, explain(codec, frame)));
 */
export function eventCodecFor(frame: Record<string, unknown>): EventCodec | undefined {
  const post = frame.post_type;
  if (typeof post !== 'string') return undefined;
  const route = ROUTES[post];
  if (route === undefined) return undefined;
  const level2 = frame[route.key];
  if (typeof level2 !== 'string') return undefined;
  const entry = route.codecs[level2];
  if (entry === undefined || isCodec(entry)) return entry;
  const subType = frame.sub_type;
  return typeof subType === 'string' ? entry[subType] : undefined;
}
