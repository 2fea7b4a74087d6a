/**
 * Peer actions client: NapLink `sendGroupMessage` Promises, driven by `promise-actions.ts`.
 */
import { NapLink } from '@naplink/naplink';
import { actionsUrl } from './measure';
import { runPromiseActions } from './promise-actions';

runPromiseActions((args) => {
  const bot = new NapLink({
    connection: { url: actionsUrl(args), pingInterval: 0 },
    reconnect: { enabled: false },
    logging: { level: 'off' },
    api: { timeout: 30_000, retries: 0 },
  });
  return {
    name: 'NapLink',
    connect: () => bot.connect(),
    sendHi: () => bot.sendGroupMessage(1, [{ type: 'text', data: { text: 'hi' } }]) as Promise<{ message_id: unknown }>,
    disconnect: () => bot.disconnect(),
  };
});
