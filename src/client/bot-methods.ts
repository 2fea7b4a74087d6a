import type { SchedulerLike } from 'rxjs';
import type { SeedMethods } from '../action/methods';
import type { ClientCore } from './client';

/** Conversation helpers on the client: `reply`, `nextMessage`, `ask`, … (Stub: filled in by the operators work.) */
export interface BotMethods {}

/** What the bot methods are built from. */
export interface BotMethodDeps {
  readonly client: ClientCore & SeedMethods;
  readonly scheduler: SchedulerLike;
}

/** Builds the client's conversation helpers. */
export function bindBotMethods(_deps: BotMethodDeps): BotMethods {
  return {};
}
