/**
 * io-ts codecs and types of every inbound OneBot 11 / NapCat / go-cqhttp event, and the dispatch that picks
 * one codec per frame from its discriminants.
 */
export * from './message';
export * from './notice';
export * from './notify';
export * from './guild';
export * from './request';
export * from './meta';
export * from './types';
export * from './unions';
export { MessageContent } from './common';
export { EVENT_CODECS, LEVEL2_KEYS } from './tree';
export { eventCodecFor, type Level2Codecs, type SubTypeCodecs } from './dispatch';
