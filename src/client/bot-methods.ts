import {
  type Observable,
  type OperatorFunction,
  type SchedulerLike,
  concatMap,
  defaultIfEmpty,
  defer,
  filter,
  from,
  ignoreElements,
  isObservable,
  map,
  merge,
  of,
  take,
  throwError,
  timeout,
} from 'rxjs';
import type { SeedMethods } from '../action/methods';
import type { MessageIdResult } from '../action/catalogue/shared';
import type { QuickOperation } from '../action/catalogue/system';
import type { CallOptions } from '../action/types';
import type { MessageEvent } from '../codec/event';
import type { Segment } from '../codec/segment';
import { InvalidParamsError } from '../errors';
import {
  type AskOptions,
  type ConversationOptions,
  type Dialog,
  type NextMessageOptions,
  type ReplyOptions,
  createDialog,
} from '../event/operators/conversation';
import { type AnswerDetails, type RequestRef, requestAnswer } from '../event/operators/request-answer';
import { type ConversationRef, isSameConversation, replyTargetOf } from '../event/operators/same-conversation';
import { type Message, toSegments } from '../message/message';
// The three builders by name, not the `segment` object: a browser page's first chunk holds only these.
import { at as atSegment, reply as replySegment, text as textSegment } from '../message/segment-builders';
import type { ClientCore } from './core';

/** What a quick-operation handler may return: an operation, nothing, or an Observable/Promise of either. */
export type QuickOperationResult = QuickOperation | undefined | Observable<QuickOperation | undefined> | Promise<QuickOperation | undefined>;

const DEFAULT_ANSWER_TIMEOUT = 60_000;

/** Conversation helpers on the client: replies, waiting for answers, quick operations, request answers. */
export interface BotMethods {
  /**
   * Sends `message` where `event` happened: to its group, or privately to its user. Cold: nothing is sent
   * until subscribed. A string is plain text (never CQ code), so user input cannot inject mentions.
   *
   * @example
   * client.groupMessages$.pipe(command('/ping'), mergeMap(({ event }) => client.reply(event, 'pong', { quote: true })));
   */
  reply(event: ConversationRef, message: Message, options?: ReplyOptions, callOptions?: CallOptions): Observable<MessageIdResult>;
  /**
   * The next message in the conversation of `event` (same user in the same group, or same user in private).
   * Errors with rxjs `TimeoutError` after `timeout` ms (default 60 000). Does not consume it: other
   * subscribers still see the message.
   *
   * @example client.nextMessage(event, { timeout: 30_000 }).subscribe((answer) => textOf(answer));
   */
  nextMessage(event: ConversationRef, options?: NextMessageOptions): Observable<MessageEvent>;
  /**
   * Sends a question where `event` happened and emits the answer. Subscribes to the next message before
   * sending, so a fast answer is never missed; the timeout runs from subscription.
   *
   * @example client.ask(event, 'How long?', { timeout: 30_000 }).subscribe((answer) => textOf(answer));
   */
  ask(event: ConversationRef, message: Message, options?: AskOptions): Observable<MessageEvent>;
  /**
   * A multi-step dialogue with the author of `event`: `script` gets a {@link Dialog} whose `ask`, `next` and
   * `say` talk in the same place, sharing `options` (timeout, filter, cancel words).
   *
   * @example
   * client.conversation(event, (d) => d.ask('Question?').pipe(
   *   concatMap((q) => d.ask('Options, comma separated?').pipe(map((o) => ({ q: textOf(q), o: textOf(o) })))),
   *   concatMap((poll) => d.say(`Poll: ${poll.q}`)),
   * ), { timeout: 60_000, cancel: ['cancel'] });
   */
  conversation<E extends ConversationRef, T>(
    event: E,
    script: (dialog: Dialog<E>) => Observable<T>,
    options?: ConversationOptions,
  ): Observable<T>;
  /**
   * Applies a quick operation to `event` (`.handle_quick_operation`): reply, recall, kick, ban, approve …
   *
   * @example client.handleQuickOperation(request, { approve: true });
   */
  handleQuickOperation(event: object, operation: QuickOperation, callOptions?: CallOptions): Observable<unknown>;
  /**
   * Operator: applies the quick operation `handler` returns for each event (nothing when it returns
   * `undefined`), and emits the event once it is applied. Operations run in order.
   *
   * @example client.requests$.pipe(client.respondWith((r) => ({ approve: r.request_type === 'friend' })));
   */
  respondWith<E extends object>(handler: (event: E) => QuickOperationResult): OperatorFunction<E, E>;
  /**
   * Accepts a friend or group request (`set_friend_add_request` / `set_group_add_request` with its flag).
   *
   * @example client.requests$.pipe(mergeMap((r) => client.approve(r))).subscribe();
   */
  approve(event: RequestRef, details?: Pick<AnswerDetails, 'remark'>, callOptions?: CallOptions): Observable<unknown>;
  /**
   * Rejects a friend or group request, with an optional reason (group requests show it).
   *
   * @example client.reject(request, 'this group is full');
   */
  reject(event: RequestRef, reason?: string, callOptions?: CallOptions): Observable<unknown>;
}

/** What the bot methods are built from. */
export interface BotMethodDeps {
  readonly client: ClientCore & SeedMethods;
  readonly scheduler: SchedulerLike;
}

/** The segments of a reply: the quote and the mention first, when asked for and possible. */
function replySegments(event: ConversationRef, message: Message, options: ReplyOptions, inGroup: boolean): Segment[] {
  const head: Segment[] = [];
  if (options.quote === true && event.message_id !== undefined) head.push(replySegment(event.message_id));
  if (options.at === true && inGroup && event.user_id !== undefined) head.push(atSegment(event.user_id), textSegment(' '));
  const body = toSegments(message);
  return head.length === 0 ? body : [...head, ...body];
}

function toObservable(answer: QuickOperationResult): Observable<QuickOperation | undefined> {
  if (isObservable(answer)) return answer.pipe(take(1), defaultIfEmpty(undefined));
  if (answer instanceof Promise) return from(answer);
  return of(answer);
}

/** Builds the client's conversation helpers. */
export function bindBotMethods({ client, scheduler }: BotMethodDeps): BotMethods {
  const reply: BotMethods['reply'] = (event, message, options = {}, callOptions) =>
    defer(() => {
      const target = replyTargetOf(event);
      if (target === undefined) {
        return throwError(() => new InvalidParamsError('reply', event, 'the event names no group or user to reply to'));
      }
      const segments = replySegments(event, message, options, target.type === 'group');
      return target.type === 'group'
        ? client.sendGroupMessage(target.groupId, segments, callOptions)
        : client.sendPrivateMessage(target.userId, segments, callOptions);
    });

  const nextMessage: BotMethods['nextMessage'] = (event, options = {}) => {
    const accept = options.filter ?? (() => true);
    return client.messages$.pipe(
      filter((message) => isSameConversation(event, message) && accept(message)),
      take(1),
      timeout({ first: options.timeout ?? DEFAULT_ANSWER_TIMEOUT, scheduler }),
    );
  };

  const ask: BotMethods['ask'] = (event, message, options = {}) =>
    merge(nextMessage(event, options), reply(event, message, options).pipe(ignoreElements())).pipe(take(1));

  const handleQuickOperation: BotMethods['handleQuickOperation'] = (event, operation, callOptions) =>
    client.api['.handle_quick_operation']({ context: event as Record<string, unknown>, operation }, callOptions);

  const answer = (event: RequestRef, approve: boolean, details: AnswerDetails, callOptions?: CallOptions) =>
    defer(() => {
      const found = requestAnswer(event, approve, details);
      if (found === undefined) {
        const action = approve ? 'approve' : 'reject';
        return throwError(() => new InvalidParamsError(action, event, 'not a friend or group request with a flag'));
      }
      return client.callApi(found.action, found.params, callOptions);
    });

  return {
    reply,
    nextMessage,
    ask,
    conversation: <E extends ConversationRef, T>(event: E, script: (dialog: Dialog<E>) => Observable<T>, options?: ConversationOptions) =>
      defer(() => script(createDialog<E>({ ask, nextMessage, reply }, event, options))),
    handleQuickOperation,
    respondWith: (handler) =>
      concatMap((event) =>
        toObservable(handler(event)).pipe(
          concatMap((operation) =>
            operation === undefined ? of(event) : handleQuickOperation(event, operation).pipe(map(() => event)),
          ),
        ),
      ),
    approve: (event, details = {}, callOptions) => answer(event, true, details, callOptions),
    reject: (event, reason, callOptions) => answer(event, false, { reason }, callOptions),
  };
}
