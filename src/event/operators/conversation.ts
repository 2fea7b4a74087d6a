import { EMPTY, type Observable, mergeMap, of } from 'rxjs';
import type { MessageEvent } from '../../codec/event';
import type { Message } from '../../message/message';
import { textOf } from './text-of';

/** How a reply is written: quoting the event's message, mentioning its sender. */
export interface ReplyOptions {
  /** Quote the event's message (a leading `reply` segment). */
  readonly quote?: boolean;
  /** Mention the event's sender first (groups only). */
  readonly at?: boolean;
}

/** Options of `nextMessage`. */
export interface NextMessageOptions {
  /** Ms to wait before erroring with rxjs `TimeoutError` (default 60 000). */
  readonly timeout?: number;
  /** Only messages passing this count as the next one (others are left alone). */
  readonly filter?: (message: MessageEvent) => boolean;
}

/** Options of `ask`: how to write the question, how long to wait for the answer. */
export interface AskOptions extends ReplyOptions, NextMessageOptions {}

/** Options of `conversation`. */
export interface ConversationOptions extends NextMessageOptions {
  /**
   * Answers that end the dialogue: the words (compared trimmed, case-insensitive) or a predicate. A
   * cancelling answer makes `ask` / `next` complete without a value, so the rest of the script never runs.
   */
  readonly cancel?: readonly string[] | ((message: MessageEvent) => boolean);
}

/** One multi-step dialogue with the person who wrote `event`, in the place they wrote it. */
export interface Dialog<E> {
  /** The message that started the dialogue. */
  readonly event: E;
  /** Sends `message` there, then emits the person's answer (subscribed to before sending). */
  ask(message: Message, options?: AskOptions): Observable<MessageEvent>;
  /** Emits the person's next message there. */
  next(options?: NextMessageOptions): Observable<MessageEvent>;
  /** Sends `message` there; emits the sent message's ID. */
  say(message: Message, options?: ReplyOptions): Observable<{ message_id: unknown }>;
}

/** The client helpers a dialogue is made of. */
export interface DialogDeps<E> {
  ask(event: E, message: Message, options: AskOptions): Observable<MessageEvent>;
  nextMessage(event: E, options: NextMessageOptions): Observable<MessageEvent>;
  reply(event: E, message: Message, options: ReplyOptions): Observable<{ message_id: unknown }>;
}

function cancelTest(cancel: ConversationOptions['cancel']): (message: MessageEvent) => boolean {
  if (cancel === undefined) return () => false;
  if (typeof cancel === 'function') return cancel;
  const words = new Set(cancel.map((w) => w.trim().toLowerCase()));
  return (message) => words.has(textOf(message).trim().toLowerCase());
}

/**
 * Builds the {@link Dialog} of `event`: `ask` and `next` share the conversation's defaults (timeout,
 * filter) and complete empty on a cancelling answer.
 */
export function createDialog<E>(deps: DialogDeps<E>, event: E, options: ConversationOptions = {}): Dialog<E> {
  const { cancel, ...waitDefaults } = options;
  const cancels = cancelTest(cancel);
  const unlessCancelled = (answer$: Observable<MessageEvent>) =>
    answer$.pipe(mergeMap((answer) => (cancels(answer) ? EMPTY : of(answer))));
  return {
    event,
    ask: (message, askOptions = {}) => unlessCancelled(deps.ask(event, message, { ...waitDefaults, ...askOptions })),
    next: (nextOptions = {}) => unlessCancelled(deps.nextMessage(event, { ...waitDefaults, ...nextOptions })),
    say: (message, replyOptions = {}) => deps.reply(event, message, replyOptions),
  };
}
