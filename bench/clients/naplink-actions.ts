/**
 * Peer actions client: NapLink `sendGroupMessage` Promises, a fixed number in flight, each settled call
 * starting the next, every result checked for a message id never seen before.
 */
import { NapLink } from '@naplink/naplink';
import { abort, actionsUrl, clientArgs, printResult, stopwatch, watchdog } from './measure';

const args = clientArgs();
const clock = stopwatch();
/** Message ids seen; the load server numbers its replies 1, 2, 3… per connection. */
const seen = new Uint8Array(args.count + 2);
let launched = 0;
let answered = 0;
const stopWatchdog = watchdog(() => answered);

const bot = new NapLink({
  connection: { url: actionsUrl(args), pingInterval: 0 },
  reconnect: { enabled: false },
  logging: { level: 'off' },
  api: { timeout: 30_000, retries: 0 },
});

const sendHi = (): Promise<{ message_id: unknown }> =>
  bot.sendGroupMessage(1, [{ type: 'text', data: { text: 'hi' } }]) as Promise<{ message_id: unknown }>;

function check(result: { message_id: unknown }): void {
  const id = result.message_id;
  if (typeof id !== 'number' || id >= seen.length || seen[id] === 1) abort(`naplink-actions: bad message_id ${String(id)}`);
  seen[id] = 1;
  answered++;
}

const fail = (error: unknown): void => abort(`naplink-actions: ${String(error)}`);

/** Starts the next call, if any remain; its settling starts the one after. */
function launch(): void {
  if (launched === args.count) return;
  launched++;
  sendHi().then(settled, fail);
}

function settled(result: { message_id: unknown }): void {
  check(result);
  if (answered === args.count) finish();
  else launch();
}

async function main(): Promise<void> {
  await bot.connect();
  check(await sendHi());
  answered = 0;
  clock.start();
  for (let i = 0; i < args.inFlight; i++) launch();
}

function finish(): void {
  const ms = clock.elapsedMs();
  stopWatchdog();
  bot.disconnect();
  printResult('NapLink', 'actions', answered, ms);
  process.exit(0);
}

main().catch(fail);
