/**
 * The public surface both entries share: everything of onebot-rx that runs the same in Node and in a
 * browser. `index.ts` (Node) and `browser.ts` re-export it and add only their platform's client, transports
 * and file-system transfers, so the two export lists cannot drift apart.
 *
 * @example
 * // not imported directly: `import { ofType, segment } from 'onebot-rx'` resolves through an entry
 * export * from './public-core';
 */
// Client (the entries add `createClient`, `Client` and `ClientOptions` for their platform)
export type { Backend, ClientCore } from './client/client';
export { CLIENT_DEFAULTS } from './client/options';
export type { ConnectionState, ConnectionStatus } from './client/connection';
export type { Logger } from './logger';

// The transport contract (write your own: see `OpenTransport`)
export type {
  DeliveredFrame,
  Delivery,
  DeliveryOutcome,
  OpenTransport,
  ReconnectPolicy,
  RequestFailed,
  SendMeta,
  SocketOpen,
  TransportSignal,
  WebSocketConstructor,
  WebSocketLike,
} from './transport/types';

// Frames
export type { ActionReply, EventFrame, InboundFrame, ReplyFrame, UnknownEventFrame } from './codec/frame';

// Events: streams, queries, operators
export { ofType } from './event/of-type';
export type { EventOf, EventQuery, QueriesOf } from './event/query';
export { textOf } from './event/operators/text-of';
export { fromGroup, type InGroup } from './event/operators/from-group';
export { fromUser } from './event/operators/from-user';
export { command, type CommandMatch, type CommandOptions } from './event/operators/command';
export { mentionsMe, isMentioningSelf, type MentionsMeOptions } from './event/operators/mentions-me';
export { mentionsOf } from './event/operators/mentions-of';
export { dedupeEvents, defaultEventKey, type DedupeOptions } from './event/operators/dedupe-events';
export { isSameConversation, replyTargetOf, type ConversationRef, type ReplyTarget } from './event/operators/same-conversation';
export { requestAnswer, type AnswerDetails, type RequestAnswer, type RequestRef } from './event/operators/request-answer';
export type {
  AskOptions,
  ConversationOptions,
  Dialog,
  NextMessageOptions,
  ReplyOptions,
} from './event/operators/conversation';
export type { BotMethods, QuickOperationResult } from './client/bot-methods';

// Bot runtime: handlers and epics
export type { Handler } from './runtime/handle';
export type { HandlerContext } from './runtime/context';
export type { RuntimeMethods } from './runtime/runtime';
// (its options, `conversationKey` and the throttle: public-lazy.ts)

// Actions
export type { Api, ActionMethod, AsyncActionMethod, RawActions } from './action/api';
export type * from './action/catalogue-api';
export type { CallOptions } from './action/types';
export { CATALOGUE, type ActionName, type Catalogue } from './action/catalogue-rows';
export type { ActionDef, ActionOrigin, BackendName, SendsTo, Support, SupportProfile } from './action/define';
export { adaptCall, type AdaptedCall } from './action/backend';
export type { SeedMethods, SeedMethodName } from './action/methods';
export { sendTarget } from './action/throttle-calls';

// Stream transfers (NapCat Stream API; the Node entry adds the `*ToFile` and `writeTo` types)
export type { TransferMethods } from './stream/transfer-methods';
export type { UploadActionMethods, UploadGroupFileOptions } from './stream/upload-actions';
export type {
  DownloadChunk,
  DownloadOptions,
  FileInput,
  ReadableInput,
  RecordDownloadOptions,
  UploadActionOptions,
  UploadComplete,
  UploadEvent,
  UploadOptions,
  UploadProgress,
  UploadStatusEvent,
  UploadStreamStatus,
} from './stream/types';
export { progressOf, type Progress, type ProgressSource } from './stream/progress-of';

// IDs
export type { Id } from './codec/id';
export { sameId, type IdInput } from './codec/id-wire';

// Messages
export {
  segment,
  type CustomMusicOptions,
  type CustomNodeOptions,
  type FileOptions,
  type ImageOptions,
  type MediaSource,
  type MFaceOptions,
  type VideoOptions,
} from './message/segment-builders';
export { cq, type Cq } from './message/cq';
export { toSegments, type Message } from './message/message';
export { decodeForward, forwardContent, forwardNodes, type DecodedNode, type ForwardEntry } from './message/forward';

// Errors
export {
  ActionFailedError,
  ActionTimeoutError,
  AuthError,
  ClientClosedError,
  DecodeError,
  DisconnectedError,
  InvalidParamsError,
  OneBotError,
  ProtocolError,
  TransferError,
  UnsupportedActionError,
  EpicStoppedError,
  HandlerError,
  HandlerTimeoutError,
  QueueOverflowError,
  isActionFailedError,
  isActionTimeoutError,
  isAuthError,
  isClientClosedError,
  isDecodeError,
  isDisconnectedError,
  isEpicStoppedError,
  isHandlerError,
  isHandlerTimeoutError,
  isQueueOverflowError,
  isInvalidParamsError,
  isProtocolError,
  isTransferError,
  isUnsupportedActionError,
  type ActionFailure,
  type ClientError,
  type FailureKind,
  type TransferErrorCode,
} from './errors';

