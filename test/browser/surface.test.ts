import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as browser from '../../src/browser';
import * as main from '../../src/index';

/** Runtime exports of the main entry that need Node (servers, webhooks, files). */
const NODE_ONLY = /^(?:createServer|createWebhook|writeTo)$|ToFile$/;

/** Type-only exports of the main entry that describe Node-only parts (servers, webhooks, file targets). */
const NODE_ONLY_TYPES = new Set([
  'ClientRole',
  'DownloadTarget',
  'DownloadToFileOptions',
  'OneBotServer',
  'QuickAnswer',
  'ServerOptions',
  'SplitUrls',
  'WebhookOptions',
  'WebhookReceiver',
  'WebhookReceiverOptions',
  'WebhookRequest',
  'WebhookResponse',
  'WritableChunk',
  'WriteComplete',
  'WriteEvent',
  'WriteOptions',
  'WriteProgress',
]);

/** Every name (values and types) each entry exports, as the compiler sees them. */
function declaredExports(...entries: string[]): string[][] {
  const files = entries.map((entry) => resolve(__dirname, '../../src', entry));
  // Export names need the module graph only: no default lib and no @types (they were most of the parse time).
  const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true, strict: true, noLib: true, types: [] });
  const checker = program.getTypeChecker();
  return files.map((file) => {
    const source = program.getSourceFile(file);
    const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    return symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((s) => s.name).sort();
  });
}

describe('the browser entry', () => {
  it('exports every runtime name of the main entry except the Node-only ones', () => {
    const expected = Object.keys(main).filter((name) => !NODE_ONLY.test(name));
    expect(Object.keys(browser).sort()).toEqual(expected.sort());
  });

  it('exports every type of the main entry except the Node-only ones, plus its own client types', () => {
    const [mainNames = [], browserNames = []] = declaredExports('index.ts', 'browser.ts');
    const expected = mainNames.filter((name) => !NODE_ONLY.test(name) && !NODE_ONLY_TYPES.has(name));
    expect(browserNames).toEqual([...expected, 'NodeOnlyClientMethod', 'NodeOnlyClientOption'].sort());
  }, 60_000); // the compiler reads the whole source graph

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
