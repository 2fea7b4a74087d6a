export { createSimulator, type SimulatorInternals } from './simulator';
export { sampleOf } from './sample';
export { DEFAULT_WORLD } from './world';
export type { EventFactories, SimEvent, SimMessageInput } from './events';
export type { SimSegment } from './cq';
export { ReverseRefusedError, type ReverseConnection, type ReverseOptions } from './reverse';
export type { WebhookDelivery, WebhookTarget } from './webhooks';
export type {
  ActionCall,
  ChatLine,
  DropOptions,
  ExpectedAction,
  FailureAnswer,
  FriendSeed,
  GroupSeed,
  MemberRole,
  MemberSeed,
  Sex,
  Simulator,
  SimulatorOptions,
  WorldSeed,
} from './types';
