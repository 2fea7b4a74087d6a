import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type HandlerError, isActionFailedError, isHandlerError, textOf } from '../../src/index';
import { createSimulator } from '../../src/testing/index';
import { connected } from '../client/harness';
import { runProbe } from '../hardening/run-probe';

describe('client.handle against the simulator', () => {
  it("reports a handler's failed first send and answers the next events", async () => {
    const { sim, client } = await connected();
    const errors: HandlerError[] = [];
    client.errors$.pipe(filter(isHandlerError)).subscribe((e) => errors.push(e));
    const firstSend = sim.expectAction('send_group_msg').fail({ retcode: 1200, message: 'risk control' });
    client.handle('message.group', (m, ctx) => ctx.reply(`echo ${textOf(m)}`));
    await sim.waitForConnection();
    const sends = firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'send_group_msg'), take(3), toArray()));
    for (const text of ['one', 'two', 'three']) await sim.emit(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: text }));
    const calls = await sends;
    expect(calls.map((c) => JSON.stringify(c.params.message))).toEqual(['one', 'two', 'three'].map((t) => JSON.stringify([{ type: 'text', data: { text: `echo ${t}` } }])));
    await firstSend;
    expect(errors).toHaveLength(1);
    expect(isActionFailedError(errors[0]?.cause)).toBe(true);
    expect(textOf(errors[0]?.event as never)).toBe('one');
  });

  it('close({ drain }) lets a handling in flight finish, then leaves no socket or timer behind', async ({ signal }) => {
    const sim = await createSimulator({ heartbeatInterval: 50 });
    try {
      sim.delayReplies(200);
      const probe = runProbe<{ answered: boolean; timers: number; sockets: number }>('test/runtime/fixtures/drain-probe.ts', {
        env: { ONEBOT_URL: sim.url },
        signal,
      });
      await sim.waitForConnection();
      await sim.emit(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'slow' }));
      const run = await probe;
      expect([run.code, run.killed, run.stderr]).toEqual([0, false, '']);
      expect(run.result).toEqual({ answered: true, timers: 0, sockets: 0 });
    } finally {
      await sim.close();
    }
  }, 60_000);
});
