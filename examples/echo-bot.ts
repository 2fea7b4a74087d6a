/**
 * Echo bot: answers `ping` with `pong` and `/echo <text>` with the text, in every group it is in.
 *
 *   npm run demo                         # against the embedded OneBot 11 simulator; exits with a summary
 *   npm run demo -- --forever            # keeps the simulated chat going until Ctrl-C
 *   ONEBOT_URL=ws://127.0.0.1:3001 ONEBOT_TOKEN=secret npm run demo   # the same bot against a real NapCat
 */
import { type Subscription, filter, firstValueFrom, tap } from 'rxjs';
import { pathToFileURL } from 'node:url';
import { type Client, createClient, isHandlerError, textOf } from 'onebot-rx';
import { type ChatLine, createSimulator } from 'onebot-rx/testing';

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

/**
 * The bot: one handler per group message. Each message is handled on its own (in order per group), so a failed
 * send is reported on `client.errors$` and the next message is answered as usual.
 */
export function echoBot(client: Client, stats: BotStats, log: (line: string) => void = console.log): Subscription {
  const errors = client.errors$.pipe(filter(isHandlerError)).subscribe((error) => {
    stats.failures++;
    log(`  ✗ failed          ${error.cause instanceof Error ? error.cause.message : String(error.cause)}`);
  });
  const handling = client.handle('message.group', (event, ctx) => {
    stats.eventsIn++;
    log(`← group ${event.group_id}  ${event.sender.nickname || event.user_id}: ${textOf(event)}`);
    const answer = answerTo(textOf(event));
    if (answer === undefined) return;
    stats.actionsOut++;
    log(`  → send_group_msg  group ${event.group_id}: ${JSON.stringify(answer)}`);
    return ctx.reply(answer).pipe(
      tap(({ message_id }) => {
        stats.replies++;
        log(`  ✓ sent            message_id ${message_id}`);
      }),
    );
  });
  handling.add(errors);
  return handling;
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

/** Resolves on the first SIGINT or SIGTERM. */
const stopSignal = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

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
  void stopSignal().then(() => (stopping = true));
  do {
    await sim.chat(SCRIPT);
  } while (forever && !stopping);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await client.close({ drain: 2_000 });
  bot.unsubscribe();
  await sim.close();
  console.log(
    `\nsummary: ${stats.eventsIn} messages in, ${stats.actionsOut} actions out, ${stats.replies} replies, ${stats.failures} failures`,
  );
  if (stats.replies !== stats.actionsOut || stats.failures > 0) process.exitCode = 1;
}

async function againstServer(url: string, accessToken: string | undefined): Promise<void> {
  const client = createClient({ url, ...(accessToken === undefined ? {} : { accessToken }) });
  const where = url.split('?')[0];
  try {
    const me = await firstValueFrom(client.getLoginInfo({ timeout: Number(process.env.ONEBOT_TIMEOUT ?? 10_000) }));
    console.log(`echo bot connected to ${where} as ${me.nickname} (${me.user_id}); Ctrl-C to stop`);
  } catch (error) {
    // One line that says what is wrong (unreachable, wrong token, …), no stack trace.
    console.error(`echo bot: cannot start against ${where}: ${error instanceof Error ? error.message : String(error)}`);
    await client.close();
    process.exitCode = 1;
    return;
  }
  const stats: BotStats = { eventsIn: 0, actionsOut: 0, replies: 0, failures: 0 };
  const bot = echoBot(client, stats);
  await stopSignal();
  await client.close({ drain: 5_000 });
  bot.unsubscribe();
  console.log(`\nsummary: ${stats.eventsIn} messages in, ${stats.replies} replies, ${stats.failures} failures`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.ONEBOT_URL;
  const run = url ? againstServer(url, process.env.ONEBOT_TOKEN) : againstSimulator(process.argv.includes('--forever'));
  run.catch((error: unknown) => {
    console.error(`echo bot: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
