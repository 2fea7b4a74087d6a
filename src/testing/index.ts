/**
 * onebot-rx/testing: a OneBot 11 simulator on loopback and helpers to test bots without QQ.
 *
 * @packageDocumentation
 */
export { createSimulator, sampleOf } from './simulator';
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
  Sex,
  SimEvent,
  SimMessageInput,
  SimSegment,
  Simulator,
  SimulatorOptions,
  WorldSeed,
} from './simulator';
