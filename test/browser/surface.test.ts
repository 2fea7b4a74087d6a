import { describe, expect, it } from 'vitest';
import * as browser from '../../src/browser';
import * as main from '../../src/index';

/** Runtime exports of the main entry that need Node (servers, webhooks, files). */
const NODE_ONLY = /^(?:createServer|createWebhook|writeTo)$|ToFile$/;

describe('the browser entry', () => {
  it('exports every runtime name of the main entry except the Node-only ones', () => {
    const expected = Object.keys(main).filter((name) => !NODE_ONLY.test(name));
    expect(Object.keys(browser).sort()).toEqual(expected.sort());
  });

  it('leaves out the Node-only exports', () => {
    expect(Object.keys(browser).filter((name) => NODE_ONLY.test(name))).toEqual([]);
  });

  it('creates clients with the same streams and actions as the main entry', async () => {
    const client = browser.createClient({ url: 'ws://127.0.0.1:9', reconnect: false });
    expect(typeof client.events$.subscribe).toBe('function');
    expect(typeof client.api.get_login_info).toBe('function');
    expect(typeof client.sendGroupMessage).toBe('function');
    expect(typeof client.downloadFileStream).toBe('function');
    await client.close();
  });
});
