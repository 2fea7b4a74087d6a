import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { connected } from '../client/harness';

/** API.md "Messages": a string is one text segment, unless `auto_escape: false` asks for CQ code. */
describe('string messages and auto_escape', () => {
  async function sentParams(send: (client: Awaited<ReturnType<typeof connected>>['client']) => Promise<unknown>) {
    const { client, sim } = await connected();
    const call = firstValueFrom(sim.calls$.pipe(filter((c) => c.action.startsWith('send_'))));
    await send(client);
    return (await call).params as Record<string, unknown>;
  }

  it('sendMessage({ auto_escape: false }) sends the CQ string itself, so the face appears', async () => {
    const params = await sentParams((c) =>
      firstValueFrom(c.sendMessage({ group_id: 300001, message: 'x[CQ:face,id=14]y', auto_escape: false })),
    );
    expect(params).toEqual({ group_id: 300001, message: 'x[CQ:face,id=14]y', auto_escape: false });
  });

  it('a plain string without auto_escape: false stays one text segment', async () => {
    const params = await sentParams((c) => firstValueFrom(c.sendMessage({ group_id: 300001, message: 'x[CQ:face,id=14]y' })));
    expect(params['message']).toEqual([{ type: 'text', data: { text: 'x[CQ:face,id=14]y' } }]);
    const escaped = await sentParams((c) =>
      firstValueFrom(c.api.send_private_msg({ user_id: 20002, message: '[CQ:at,qq=all]', auto_escape: true })),
    );
    expect(escaped['message']).toEqual([{ type: 'text', data: { text: '[CQ:at,qq=all]' } }]);
  });

  it('send_group_msg and send_private_msg honour auto_escape: false too; segments are untouched', async () => {
    const group = await sentParams((c) =>
      firstValueFrom(c.api.send_group_msg({ group_id: 300001, message: '[CQ:face,id=1]', auto_escape: false })),
    );
    expect(group['message']).toBe('[CQ:face,id=1]');
    const segments = await sentParams((c) =>
      firstValueFrom(
        c.api.send_private_msg({ user_id: 20002, message: [{ type: 'face', data: { id: '1' } }], auto_escape: false }),
      ),
    );
    expect(segments['message']).toEqual([{ type: 'face', data: { id: '1' } }]);
  });
});
