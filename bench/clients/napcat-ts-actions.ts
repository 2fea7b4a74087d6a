/**
 * Peer actions client: node-napcat-ts `send_group_msg` Promises, a fixed number in flight, each settled
 * call starting the next, every result checked for a message id never seen before.
 */
import { NCWebsocket } from 'node-napcat-ts';
import { abort, actionsUrl, clientArgs, printResult, stopwatch, watchdog } from './measure';

const args = clientArgs();
const clock = stopwatch();
/** Message ids seen; the load server numbers its replies 1, 2, 3… per connection. */
const seen = new Uint8Array(args.count + 2);
let launched = 0;
let answered = 0;
const stopWatchdog = watchdog(() => answered);

const bot = new NCWebsocket({ baseUrl: actionsUrl(args), reconnection: { enable: false } });

const sendHi = () => bot.send_group_msg({ group_id: 1, message: [{ type: 'text', data: { text: 'hi' } }] });

function check(result: { message_id: unknown }): void {
  const id = result.message_id;
  if (typeof id !== 'number' || id >= seen.length || seen[id] === 1) abort(`napcat-ts-actions: bad message_id ${String(id)}`);
  seen[id] = 1;
  answered++;
}

const fail = (error: unknown): void => abort(`napcat-ts-actions: ${JSON.stringify(error)}`);

/** Starts the next call, if any remain; its settling starts the one after. */
function launch(): void {
  if (launched === args.count) return;
  launched++;
  sendHi().then(settled, fail);
}

function settled(result: { message_id: unknown }): void {
  check(result);
  if (answered === args.count) void finish();
  else launch();
}

async function main(): Promise<void> {
  await bot.connect();
  check(await sendHi());
  answered = 0;
  clock.start();
  for (let i = 0; i < args.inFlight; i++) launch();
}

async function finish(): Promise<void> {
  const ms = clock.elapsedMs();
  stopWatchdog();
  await bot.disconnect();
  printResult('node-napcat-ts', 'actions', answered, ms);
  process.exit(0);
}

main().catch(fail);
