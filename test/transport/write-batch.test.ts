import type WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { writeBatch } from '../../src/transport/ws-socket';

function fakeSocket() {
  const log: string[] = [];
  const tcp = { destroyed: false, cork: () => log.push('cork'), uncork: () => log.push('uncork') };
  return { ws: { _socket: tcp } as unknown as WebSocket, tcp, log };
}

const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));

describe('writeBatch', () => {
  it('corks once per synchronous burst and uncorks on the next tick', async () => {
    const { ws, log } = fakeSocket();
    const batch = writeBatch();
    batch.hold(ws);
    batch.hold(ws);
    batch.hold(ws);
    expect(log).toEqual(['cork']);
    await nextTick();
    expect(log).toEqual(['cork', 'uncork']);
    batch.hold(ws);
    await nextTick();
    expect(log).toEqual(['cork', 'uncork', 'cork', 'uncork']);
  });

  it('leaves a destroyed socket alone and does nothing without a TCP socket', async () => {
    const { ws, tcp, log } = fakeSocket();
    const batch = writeBatch();
    batch.hold(ws);
    tcp.destroyed = true;
    await nextTick();
    expect(log).toEqual(['cork']);
    writeBatch().hold({} as WebSocket);
    await nextTick();
    expect(log).toEqual(['cork']);
  });
});
