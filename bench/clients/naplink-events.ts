/**
 * Peer events client: NapLink (`@naplink/naplink`), counting its `message.group` events up to N.
 */
import { NapLink } from '@naplink/naplink';
import { abort, clientArgs, eventsUrl, printResult, stopwatch, watchdog } from './measure';

const args = clientArgs();
const clock = stopwatch();
let groupMessages = 0;
const stopWatchdog = watchdog(() => groupMessages);

const bot = new NapLink({
  connection: { url: eventsUrl(args), pingInterval: 0 },
  reconnect: { enabled: false },
  logging: { level: 'off' },
});

bot.on('message.group', () => {
  clock.start();
  groupMessages++;
  if (groupMessages === args.count) finish();
});

function finish(): void {
  const ms = clock.elapsedMs();
  stopWatchdog();
  bot.disconnect();
  printResult('NapLink', 'events', groupMessages, ms);
  process.exit(0);
}

bot.connect().catch((error: unknown) => abort(`naplink-events: ${String(error)}`));
