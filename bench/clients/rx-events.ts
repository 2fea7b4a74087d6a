/**
 * onebot-rx events client: counts `client.groupMessages$` (fully validated, exact IDs) up to N.
 */
import { createClient } from '../../src/index';
import { abort, clientArgs, eventsUrl, printResult, stopwatch, watchdog } from './measure';

const args = clientArgs();
const clock = stopwatch();
let groupMessages = 0;
const stopWatchdog = watchdog(() => groupMessages);

const client = createClient({ url: eventsUrl(args), reconnect: false });

client.errors$.subscribe((error) => abort(`rx-events: ${error.name}: ${error.message}`));

const subscription = client.groupMessages$.subscribe({
  next: () => {
    clock.start();
    groupMessages++;
    if (groupMessages === args.count) void finish();
  },
  error: (error: unknown) => abort(`rx-events: ${String(error)}`),
});

async function finish(): Promise<void> {
  const ms = clock.elapsedMs();
  stopWatchdog();
  subscription.unsubscribe();
  await client.close();
  printResult('onebot-rx', 'events', groupMessages, ms);
  process.exit(0);
}
