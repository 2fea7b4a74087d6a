/**
 * Peer actions client: node-napcat-ts `send_group_msg` Promises, driven by `promise-actions.ts`.
 */
import { NCWebsocket } from 'node-napcat-ts';
import { actionsUrl } from './measure';
import { runPromiseActions } from './promise-actions';

runPromiseActions((args) => {
  const bot = new NCWebsocket({ baseUrl: actionsUrl(args), reconnection: { enable: false } });
  return {
    name: 'node-napcat-ts',
    connect: () => bot.connect(),
    sendHi: () => bot.send_group_msg({ group_id: 1, message: [{ type: 'text', data: { text: 'hi' } }] }),
    disconnect: () => bot.disconnect(),
  };
});
