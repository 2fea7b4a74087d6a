/**
 * Echo bot: answers `ping` with `pong` and `/echo <text>` with the text, in every group it is in.
 *
 *   npm run demo                         # against the embedded OneBot 11 simulator; exits with a summary
 *   npm run demo -- --forever            # keeps the simulated chat going until Ctrl-C
 *   ONEBOT_URL=ws://127.0.0.1:3001 ONEBOT_TOKEN=secret npm run demo   # the same bot against a real NapCat
 */
import { EMPTY, type Observable, type Subscription, catchError, map, mergeMap, tap } from 'rxjs';
import { pathToFileURL } from 'node:url';
import { type Client, type GroupMessageEvent, createClient, textOf } from '../src/index';
import { type ChatLine, createSimulator } from '../src/testing/index';

/** What the bot did, for the summary. */
export interface BotStats {
  eventsIn: number;
  actionsOut: number;
  replies: number;
  failures: number;
}

/** The answer the bot gives to one message, or `undefined` to stay quiet (pure: easy to test). */
export function answerTo(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === 'ping') return 'pong';
  if (trimmed.startsWith('/echo ')) return trimmed.slice('/echo '.length);
  return undefined;
}

/** The bot: a pipeline from group messages to replies. One failed send never stops it. */
export function echoBot(client: Client, stats: BotStats, log: (line: string) => void = console.log): Subscription {
  const reply = (event: GroupMessageEvent, answer: string): Observable<unknown> => {
    stats.actionsOut++;
    log(`  → send_group_msg  group ${event.group_id}: ${JSON.stringify(answer)}`);
    return client.sendGroupMessage(event.group_id, answer).pipe(
      tap(({ message_id }) => {
        stats.replies++;
        log(`  ✓ sent            message_id ${message_id}`);
      }),
      catchError((error: Error) => {
        stats.failures++;
        log(`  ✗ failed          ${error.message}`);
        return EMPTY;
      }),
    );
  };
  return client.groupMessages$
    .pipe(
      tap((event) => {
        stats.eventsIn++;
        log(`← group ${event.group_id}  ${event.sender.nickname || event.user_id}: ${textOf(event)}`);
      }),
      map((event) => ({ event, answer: answerTo(textOf(event)) })),
      mergeMap(({ event, answer }) => (answer === undefined ? EMPTY : reply(event, answer))),
    )
    .subscribe();
}

const SCRIPT: ChatLine[] = [
  { group_id: 300001, user_id: 20001, message: 'hi all 👋', delay: 150 },
  { group_id: 300001, user_id: 20002, message: 'ping', delay: 150 },
  { group_id: 300001, user_id: 20001, message: '/echo reactive bots are fun', delay: 150 },
  { group_id: 300001, user_id: 20002, message: 'did it answer?', delay: 150 },
  {
    group_id: 300001,
    user_id: 20001,
    message: [{ type: 'text', data: { text: '/echo [CQ:at,qq=all] is echoed as plain text, never as an @all' } }],
    delay: 150,
  },
  { group_id: 300001, user_id: 20002, message: 'ping', delay: 150 },
];

async function againstSimulator(forever: boolean): Promise<void> {
  const token = 'demo-token';
  const sim = await createSimulator({ accessToken: token, heartbeatInterval: 5_000 });
  console.log(`OneBot 11 simulator listening on ${sim.url}`);
  const client = createClient({ url: sim.url, accessToken: token });
  const stats: BotStats = { eventsIn: 0, actionsOut: 0, replies: 0, failures: 0 };
  const bot = echoBot(client, stats);
  await sim.waitForConnection();
  console.log('bot connected; the simulated users start chatting\n');
  let stopping = false;
  process.once('SIGINT', () => {
    stopping = true;
  });
  do {
    await sim.chat(SCRIPT);
  } while (forever && !stopping);
  await new Promise((resolve) => setTimeout(resolve, 300));
  bot.unsubscribe();
  await client.close();
  await sim.close();
  console.log(
    `\nsummary: ${stats.eventsIn} messages in, ${stats.actionsOut} actions out, ${stats.replies} replies, ${stats.failures} failures`,
  );
  if (stats.replies !== stats.actionsOut || stats.failures > 0) process.exitCode = 1;
}

async function againstServer(url: string, accessToken: string | undefined): Promise<void> {
  const client = createClient({ url, ...(accessToken === undefined ? {} : { accessToken }) });
  const stats: BotStats = { eventsIn: 0, actionsOut: 0, replies: 0, failures: 0 };
  client.state$.subscribe((state) => console.log(`connection: ${state.status}`));
  const bot = echoBot(client, stats);
  console.log(`echo bot running against ${url}; Ctrl-C to stop`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  bot.unsubscribe();
  await client.close();
  console.log(`\nsummary: ${stats.eventsIn} messages in, ${stats.replies} replies, ${stats.failures} failures`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.ONEBOT_URL;
  const run = url ? againstServer(url, process.env.ONEBOT_TOKEN) : againstSimulator(process.argv.includes('--forever'));
  run.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
