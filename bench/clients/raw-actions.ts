/**
 * Baseline actions client: a plain `ws` socket keeping a fixed number of `send_group_msg` requests in
 * flight, each tracked in a Map by its echo and checked against its own reply.
 */
import WebSocket from 'ws';
import { abort, actionsUrl, clientArgs, printResult, stopwatch, watchdog } from './measure';

interface Reply {
  status?: unknown;
  echo?: unknown;
  data?: { message_id?: unknown } | null;
}

const args = clientArgs();
const clock = stopwatch();
const pending = new Map<string, number>();
/** Message ids seen; the load server numbers its replies 1, 2, 3… per connection. */
const seen = new Uint8Array(args.count + 2);
let sent = 0;
let answered = 0;
const stopWatchdog = watchdog(() => answered);

const ws = new WebSocket(actionsUrl(args));

function sendNext(): void {
  const id = sent++;
  const echo = `bench-${id}`;
  pending.set(echo, id);
  ws.send(JSON.stringify({ action: 'send_group_msg', params: { group_id: 1, message: 'hi' }, echo }));
}

ws.on('open', () => {
  clock.start();
  while (sent < Math.min(args.inFlight, args.count)) sendNext();
});

ws.on('message', (data) => {
  const reply = JSON.parse(data.toString()) as Reply;
  const echo = typeof reply.echo === 'string' ? reply.echo : '';
  const id = pending.get(echo);
  if (id === undefined || echo !== `bench-${id}`) abort(`raw-actions: reply for unknown echo ${String(reply.echo)}`);
  const messageId = reply.data?.message_id;
  if (reply.status !== 'ok' || typeof messageId !== 'number' || messageId >= seen.length || seen[messageId] === 1) {
    abort(`raw-actions: bad reply for ${echo}`);
  }
  seen[messageId] = 1;
  pending.delete(echo);
  answered++;
  if (sent < args.count) sendNext();
  else if (answered === args.count) {
    const ms = clock.elapsedMs();
    stopWatchdog();
    ws.terminate();
    printResult('raw', 'actions', answered, ms);
  }
});
ws.on('error', (error) => abort(`raw-actions: ${error.message}`));
