/**
 * io-ts codecs and types of every inbound OneBot 11 / NapCat / go-cqhttp event, and the dispatch that picks
 * one codec per frame from its discriminants.
 */
export * from './codecs';
export * from './types';
export * from './unions';
export { MessageContent } from './common';
export { EVENT_CODECS, LEVEL2_KEYS } from './tree';
export { eventCodecFor, type Level2Codecs, type SubTypeCodecs } from './dispatch';
