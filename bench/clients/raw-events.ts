/**
 * Baseline events client: a plain `ws` socket, `JSON.parse` of every frame and a group-message check.
 */
import WebSocket from 'ws';
import { abort, clientArgs, eventsUrl, printResult, stopwatch, watchdog } from './measure';

interface Posted {
  post_type?: unknown;
  message_type?: unknown;
}

const args = clientArgs();
const clock = stopwatch();
let groupMessages = 0;
const stopWatchdog = watchdog(() => groupMessages);

const ws = new WebSocket(eventsUrl(args));
ws.on('message', (data) => {
  clock.start();
  const event = JSON.parse(data.toString()) as Posted;
  if (event.post_type === 'message' && event.message_type === 'group') groupMessages++;
  if (groupMessages === args.count) {
    const ms = clock.elapsedMs();
    stopWatchdog();
    ws.terminate();
    printResult('raw', 'events', groupMessages, ms);
  }
});
ws.on('error', (error) => abort(`raw-events: ${error.message}`));
