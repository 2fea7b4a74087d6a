/**
 * onebot-rx/testing: a OneBot 11 simulator on loopback and helpers to test bots without QQ.
 *
 * @packageDocumentation
 */
export { createSimulator, DEFAULT_WORLD, ReverseRefusedError, sampleOf } from './simulator';
export type {
  ActionCall,
  ChatLine,
  DropOptions,
  EventFactories,
  ExpectedAction,
  FailureAnswer,
  FriendSeed,
  GroupSeed,
  MemberRole,
  MemberSeed,
  ReverseConnection,
  ReverseOptions,
  Sex,
  SimEvent,
  SimMessageInput,
  SimSegment,
  Simulator,
  SimulatorOptions,
  WebhookDelivery,
  WebhookTarget,
  WorldSeed,
} from './simulator';
export { recordFrames, type FrameRecording, type RecordFramesOptions } from './record-frames';
export { parseRecording, recordingLine, redactFrame, REDACTED, type RecordedFrame, type RecordedKind } from './recording';
export {
  createTestClient,
  defaultAnswers,
  type ActionAnswers,
  type TestCall,
  type TestClient,
  type TestClientOptions,
} from './test-client';
