/**
 * Group admin bot: moderation commands for admins, a welcome for new members, and a multi-step `/poll`.
 *
 *   /ban @user 10m     mute a member (s, m, h, d; default 10m)   /unban @user
 *   /kick @user        remove a member                            /title @user text   set a special title
 *   /poll              asks for a question, then the options, then posts the poll ("cancel" stops it)
 *
 *   npx tsx examples/group-admin-bot.ts                                     # against the embedded simulator
 *   ONEBOT_URL=ws://127.0.0.1:3001 ONEBOT_TOKEN=secret npx tsx examples/group-admin-bot.ts   # a real NapCat
 *
 * Its marble test (test/examples/group-admin-bot.test.ts) runs it on `createTestClient` in virtual time.
 */
import {
  EMPTY,
  type Observable,
  type Subscription,
  TimeoutError,
  catchError,
  concatMap,
  defaultIfEmpty,
  filter,
  finalize,
  map,
  mergeMap,
} from 'rxjs';
import { pathToFileURL } from 'node:url';
import {
  type Client,
  type CommandMatch,
  type Dialog,
  type Epic,
  type GroupMessageEvent,
  type Id,
  type IdInput,
  command,
  createClient,
  dedupeEvents,
  fromGroup,
  sameId,
  textOf,
} from 'onebot-rx';
import { type ChatLine, createSimulator } from 'onebot-rx/testing';

/** Options of {@link groupAdminBot}. */
export interface AdminBotOptions {
  /** Only these groups (default: every group the bot is in). */
  readonly groups?: readonly [IdInput, ...IdInput[]];
  /** Users allowed to moderate besides the group's owner and admins. */
  readonly admins?: readonly IdInput[];
  /** Ms to wait for each `/poll` answer (default 60 000). */
  readonly answerTimeout?: number;
}

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3_600, d: 86_400 };
const DURATION = /^(\d+)([smhd]?)$/i;
const MAX_BAN = 30 * 86_400;

/**
 * Seconds in a duration like `90`, `30s`, `10m`, `2h`, `1d` (QQ's cap of 30 days applied), or `undefined`
 * when it is not one.
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (match === null) return undefined;
  const seconds = Number(match[1]) * (UNITS[(match[2] ?? '').toLowerCase()] ?? 1);
  return Math.min(seconds, MAX_BAN);
}

/** The member a command is about (its first mention, or a leading QQ number) and the words left after it. */
export function targetOf(match: Pick<CommandMatch<unknown>, 'args' | 'mentions'>): { target?: Id; words: string[] } {
  const [mentioned] = match.mentions;
  if (mentioned !== undefined) return { target: mentioned, words: match.args };
  const [first, ...words] = match.args;
  return first !== undefined && /^\d+$/.test(first) ? { target: first, words } : { words: match.args };
}

/** The options of a poll from an answer like `red, green, blue` (or one per line). */
export function pollOptions(text: string): string[] {
  return text
    .split(/[,，\n]/)
    .map((option) => option.trim())
    .filter((option) => option !== '');
}

type Match = CommandMatch<GroupMessageEvent>;

/** What the moderation epic says and does, bound to one client. */
function moderationTools(client: Client) {
  const say = (event: GroupMessageEvent, text: string): Observable<never> =>
    client.reply(event, text, { quote: true }).pipe(
      mergeMap(() => EMPTY),
      catchError(() => EMPTY),
    );

  /** Runs a moderation action, then says `done`, or says why it failed. */
  const moderate = (event: GroupMessageEvent, action: Observable<unknown>, done: string): Observable<never> =>
    action.pipe(
      concatMap(() => say(event, done)),
      catchError((error: Error) => say(event, `That did not work: ${error.message}`)),
    );

  const needsTarget = (match: Match, run: (target: Id, words: string[]) => Observable<never>): Observable<never> => {
    const { target, words } = targetOf(match);
    return target === undefined ? say(match.event, `Usage: /${match.name} @member …`) : run(target, words);
  };

  const commands: Readonly<Record<string, (match: Match) => Observable<never>>> = {
    ban: (match) =>
      needsTarget(match, (target, [duration]) => {
        const seconds = duration === undefined ? 600 : parseDuration(duration);
        if (seconds === undefined) return say(match.event, `"${duration}" is not a duration: try 30s, 10m, 2h or 1d.`);
        return moderate(match.event, client.setGroupBan(match.event.group_id, target, seconds), `Muted ${target} for ${seconds} s.`);
      }),
    unban: (match) =>
      needsTarget(match, (target) => moderate(match.event, client.unsetGroupBan(match.event.group_id, target), `Unmuted ${target}.`)),
    kick: (match) =>
      needsTarget(match, (target) => moderate(match.event, client.setGroupKick(match.event.group_id, target), `Removed ${target}.`)),
    title: (match) =>
      needsTarget(match, (target, words) =>
        moderate(
          match.event,
          client.setGroupSpecialTitle(match.event.group_id, target, words.join(' ')),
          words.length === 0 ? `Cleared the title of ${target}.` : `${target} is now "${words.join(' ')}".`,
        ),
      ),
  };
  return { say, commands };
}

const COMMANDS = ['ban', 'unban', 'kick', 'title'];

/**
 * The bot as epics, one per concern, for `client.run`: moderation commands, the welcome, and `/poll`. Each
 * epic is restarted by `run` if it fails unexpectedly; actions that fail are answered in the chat.
 */
export function groupAdminEpics(options: AdminBotOptions = {}): Array<Epic<Client>> {
  const answerTimeout = options.answerTimeout ?? 60_000;
  const inScope = options.groups === undefined ? (source: Observable<GroupMessageEvent>) => source : fromGroup<GroupMessageEvent>(...options.groups);
  const messagesOf = (client: Client) => client.groupMessages$.pipe(dedupeEvents(), inScope);

  const isAdmin = (event: GroupMessageEvent): boolean =>
    event.sender.role === 'owner' ||
    event.sender.role === 'admin' ||
    (options.admins ?? []).some((id) => sameId(id, event.user_id));

  const moderation: Epic<Client> = (client) => {
    const { say, commands } = moderationTools(client);
    return messagesOf(client).pipe(
      command(COMMANDS, { prefix: '/', caseSensitive: false }),
      mergeMap((match) =>
        isAdmin(match.event) ? (commands[match.name] as (m: Match) => Observable<never>)(match) : say(match.event, 'Only admins can do that.'),
      ),
    );
  };

  const welcome: Epic<Client> = (client) =>
    client.on('notice.group_increase').pipe(
      filter((notice) => !sameId(notice.user_id, notice.self_id)),
      filter((notice) => options.groups === undefined || options.groups.some((id) => sameId(id, notice.group_id))),
      mergeMap((notice) =>
        client.reply(notice, 'Welcome! Please read the group notice; /poll starts a poll.', { at: true }).pipe(catchError(() => EMPTY)),
      ),
    );

  const pollScript = (dialog: Dialog<GroupMessageEvent>) =>
    dialog.ask('What is the question? ("cancel" stops)').pipe(
      concatMap((question) =>
        dialog.ask('And the options, separated by commas?').pipe(
          map((answer) => ({ question: textOf(question).trim(), options: pollOptions(textOf(answer)) })),
        ),
      ),
      concatMap(({ question, options: choices }) =>
        choices.length < 2
          ? dialog.say('A poll needs at least two options; start again with /poll.')
          : dialog.say([`📊 ${question}`, ...choices.map((choice, i) => `${i + 1}. ${choice}`)].join('\n')),
      ),
    );

  const polls: Epic<Client> = (client) => {
    const { say } = moderationTools(client);
    const polling = new Set<string>();
    return messagesOf(client).pipe(
      command('poll', { prefix: '/', caseSensitive: false }),
      map(({ event }) => ({ event, key: `${event.group_id}:${event.user_id}` })),
      filter(({ key }) => !polling.has(key)),
      mergeMap(({ event, key }) => {
        polling.add(key);
        return client.conversation(event, pollScript, { timeout: answerTimeout, cancel: ['cancel', '取消'] }).pipe(
          map(() => 'posted' as const),
          defaultIfEmpty('cancelled' as const),
          concatMap((outcome) => (outcome === 'cancelled' ? say(event, 'Poll cancelled.') : EMPTY)),
          catchError((error: unknown) =>
            say(event, error instanceof TimeoutError ? 'No answer in time: poll cancelled.' : 'The poll failed; try again.'),
          ),
          finalize(() => polling.delete(key)),
        );
      }),
    );
  };

  return [moderation, welcome, polls];
}

/** The bot: its epics run with `client.run` (unsubscribe to stop). */
export function groupAdminBot(client: Client, options: AdminBotOptions = {}): Subscription {
  return client.run(...groupAdminEpics(options));
}

const SCRIPT: ChatLine[] = [
  { group_id: 300001, user_id: 20001, message: '/ban', delay: 150 },
  { group_id: 300001, user_id: 20002, message: '/kick 20001', delay: 150 },
  { group_id: 300001, user_id: 20001, message: '/poll', delay: 150 },
  { group_id: 300001, user_id: 20001, message: 'Lunch?', delay: 150 },
  { group_id: 300001, user_id: 20001, message: 'noodles, rice, salad', delay: 150 },
];

async function againstSimulator(): Promise<void> {
  const sim = await createSimulator({ heartbeatInterval: 0 });
  const client = createClient({ url: sim.url });
  const bot = groupAdminBot(client, { admins: [20001] });
  const replies = client.messageSent$.subscribe();
  sim.calls$.subscribe((call) => console.log(`→ ${call.action} ${JSON.stringify(call.params)}`));
  await sim.waitForConnection();
  await sim.chat(SCRIPT);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await client.close({ drain: 2_000 });
  bot.unsubscribe();
  replies.unsubscribe();
  await sim.close();
}

async function againstServer(url: string, accessToken: string | undefined): Promise<void> {
  const client = createClient({ url, ...(accessToken === undefined ? {} : { accessToken }), logger: console });
  groupAdminBot(client);
  console.log(`group admin bot running against ${url.split('?')[0]}; Ctrl-C to stop`);
  // Stop taking events on SIGINT / SIGTERM, let the commands in flight finish (5 s at most), then close.
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await client.close({ drain: 5_000 });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.ONEBOT_URL;
  const run = url ? againstServer(url, process.env.ONEBOT_TOKEN) : againstSimulator();
  run.catch((error: unknown) => {
    console.error(`group admin bot: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
