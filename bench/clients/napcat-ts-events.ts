/**
 * Peer events client: node-napcat-ts (`NCWebsocket`), counting its `message.group` events up to N.
 */
import { NCWebsocket } from 'node-napcat-ts';
import { abort, clientArgs, eventsUrl, printResult, stopwatch, watchdog } from './measure';

const args = clientArgs();
const clock = stopwatch();
let groupMessages = 0;
const stopWatchdog = watchdog(() => groupMessages);

const bot = new NCWebsocket({ baseUrl: eventsUrl(args), reconnection: { enable: false } });

bot.on('message.group', () => {
  clock.start();
  groupMessages++;
  if (groupMessages === args.count) void finish();
});
bot.on('socket.error', (error) => abort(`napcat-ts-events: ${error.error_type}`));

async function finish(): Promise<void> {
  const ms = clock.elapsedMs();
  stopWatchdog();
  await bot.disconnect();
  printResult('node-napcat-ts', 'events', groupMessages, ms);
  process.exit(0);
}

bot.connect().catch((error: unknown) => abort(`napcat-ts-events: ${String(error)}`));
