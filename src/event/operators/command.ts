import { type OperatorFunction, filter, map } from 'rxjs';
import type { Id } from '../../codec/id';
import type { Segment } from '../../codec/segment';
import { mentionsOf } from './mentions-of';

/** Options of {@link command}. */
export interface CommandOptions {
  /** Put before every name (`'/'` makes `command('ban')` match `/ban`); default `''`. */
  readonly prefix?: string;
  /** Whether `/BAN` differs from `/ban` (default true). */
  readonly caseSensitive?: boolean;
}

/** A message that invoked a command, with its arguments. */
export interface CommandMatch<E> {
  /** The message event. */
  readonly event: E;
  /** The name that matched, as given to {@link command} (without the prefix). */
  readonly name: string;
  /** The words after the command, split on whitespace (text segments only). */
  readonly args: string[];
  /** The text after the command, trimmed (text segments only). */
  readonly rest: string;
  /** The accounts the message mentions (`at` segments), as IDs. */
  readonly mentions: Id[];
}

type MessageLike = { readonly message: readonly Segment[] };

const SPACE = /\s/;
const SPACES = /\s+/;

function textAt(segments: readonly Segment[], index: number): string | undefined {
  const segment = segments[index];
  return segment?.type === 'text' ? String(segment.data.text) : undefined;
}

/** The command word and the text after it, or `undefined` when the message does not start with text. */
function split(message: readonly Segment[]): { word: string; after: string } | undefined {
  const start = message[0]?.type === 'reply' ? 1 : 0;
  const first = textAt(message, start)?.trimStart();
  if (first === undefined || first === '') return undefined;
  const space = first.search(SPACE);
  const word = space < 0 ? first : first.slice(0, space);
  let after = first.slice(word.length);
  for (let i = start + 1; i < message.length; i++) after += textAt(message, i) ?? ' ';
  return { word, after };
}

function checkName(name: string): void {
  if (name === '' || SPACE.test(name)) {
    throw new TypeError(`a command name must be one word without spaces, got ${JSON.stringify(name)}`);
  }
}

/**
 * Matches messages that start with one of the commands `names` (after an optional quoted `reply` and leading
 * whitespace) and emits the parsed invocation. The whole word must match: `command('/ban')` takes
 * `/ban 123 60` but not `/bank`. Non-text segments between the arguments (a mention, a picture) separate
 * words and land in `mentions` when they are `at`s.
 *
 * @example
 * client.groupMessages$.pipe(command('/ban')).subscribe(({ event, args, mentions }) => ...);
 * // '/ban 123 60' → { name: '/ban', args: ['123', '60'], rest: '123 60', mentions: [] }
 * client.messages$.pipe(command(['ban', 'mute'], { prefix: '/', caseSensitive: false }));
 */
export function command<E extends MessageLike>(
  names: string | readonly string[],
  options: CommandOptions = {},
): OperatorFunction<E, CommandMatch<E>> {
  const prefix = options.prefix ?? '';
  const fold = options.caseSensitive === false ? (s: string) => s.toLowerCase() : (s: string) => s;
  const byWord = new Map<string, string>();
  for (const name of typeof names === 'string' ? [names] : names) {
    checkName(prefix + name);
    byWord.set(fold(prefix + name), name);
  }
  if (byWord.size === 0) throw new TypeError('command() needs at least one name');

  const match = (event: E): CommandMatch<E> | undefined => {
    const parts = split(event.message);
    const name = parts === undefined ? undefined : byWord.get(fold(parts.word));
    if (parts === undefined || name === undefined) return undefined;
    const rest = parts.after.trim();
    return { event, name, args: rest === '' ? [] : rest.split(SPACES), rest, mentions: mentionsOf(event) };
  };
  return (source) =>
    source.pipe(
      map(match),
      filter((m): m is CommandMatch<E> => m !== undefined),
    );
}
