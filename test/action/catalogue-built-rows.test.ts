import { firstValueFrom, take } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { GROUP_ID, sampleGroupMessage } from '../fixtures/events';

/** The catalogue rows of `catalogue` built so far (their accessors gone). */
const builtIn = (catalogue: object): string[] =>
  Object.entries(Object.getOwnPropertyDescriptors(catalogue)).flatMap(([name, d]) => (d.get === undefined ? [name] : []));

/**
 * A fresh module graph's catalogue and client: test files share modules (`isolate: false`), so another file may
 * have read every row of the graph this file would otherwise import.
 */
async function freshGraph() {
  vi.resetModules();
  const { CATALOGUE } = await import('../../src/action/catalogue/index');
  const { createClient } = await import('../../src/client/client');
  return { CATALOGUE, createClient };
}

// Issue 18: a bot builds the codecs of the actions it calls, not the whole catalogue's at import. A raw ws
// server (the simulator reads every row): it sends one group message on connection and answers every call.
// The client and catalogue come from a module graph loaded afresh for this test, so nothing has read a row before.
describe('catalogue rows are built when a client first calls their action', () => {
  let server: WebSocketServer;
  let url: string;
  beforeAll(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    url = `ws://127.0.0.1:${port}`;
    server.on('connection', (socket: WebSocket) => {
      socket.send(JSON.stringify(sampleGroupMessage()));
      socket.on('message', (data) => {
        const { echo } = JSON.parse(String(data)) as { echo: unknown };
        socket.send(JSON.stringify({ status: 'ok', retcode: 0, data: { message_id: 7 }, echo }));
      });
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('builds none for a client that listens to events, then the row of each action called', async () => {
    const { CATALOGUE, createClient } = await freshGraph();
    const built = () => builtIn(CATALOGUE);
    const client = createClient({ url, reconnect: false });
    expect(typeof client.api.send_group_msg).toBe('function');
    const message = await firstValueFrom(client.groupMessages$.pipe(take(1)));
    expect(message.group_id).toBe(GROUP_ID);
    expect(built()).toEqual([]);
    const sent = await firstValueFrom(client.sendGroupMessage(GROUP_ID, 'hello'));
    expect(sent.message_id).toBe(7);
    expect(built()).toEqual(['send_group_msg']);
    expect(Object.keys(CATALOGUE)).toHaveLength(208);
    await client.close();
  });
});
