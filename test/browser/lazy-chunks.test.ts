import { type Observable, asyncScheduler, firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { browserVariants, fpTsEs6 } from '../../scripts/browser-variants';
import type { CallAction } from '../../src/action/types';
import { SILENT_LOGGER } from '../../src/logger';
import { bindTransferMethods } from '../../src/stream/transfer-methods.browser';
import { bindTransferMethods as bindNodeTransferMethods } from '../../src/stream/transfer-methods';
import { splitInputsOf } from '../helpers/split-inputs';

const MINIMAL_BOT = `
import { createClient } from './src/browser';
const client = createClient({ url: 'ws://127.0.0.1:3001' });
client.groupMessages$.subscribe((m) => client.sendGroupMessage(m.group_id, 'pong').subscribe());
`;

/** The inputs of a bot's initial chunks (the entry and what it imports statically) and of its lazy chunks. */
async function splitInputs(bot: string): Promise<{ initial: string[]; lazy: string[] }> {
  const result = await build({
    stdin: { contents: bot, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'bot.ts' },
    bundle: true,
    splitting: true,
    outdir: 'split-out', // never written
    write: false,
    format: 'esm',
    platform: 'browser',
    external: ['rxjs', 'rxjs/*'],
    metafile: true,
    logLevel: 'silent',
    plugins: [browserVariants(), fpTsEs6({ external: false })],
  });
  return splitInputsOf(result.metafile);
}

/** Inputs a page's first chunks must not hold: they come by import() on first use. */
const LAZY_ONLY =
  /src\/action\/catalogue\/|src\/action\/(?:throttle|rate-window)\.ts|src\/transport\/http-(?:api|frames)|src\/runtime\/(?:handle|lanes|runtime|run|context)\.ts|src\/stream\/(?:upload|download)|node_modules\/(?:io-ts|fp-ts)\/|src\/codec\/(?:event\/(?!level2)|segment|frame)/;

describe('the browser build splits what a minimal bot does not need at start', () => {
  it('keeps the catalogue rows, the frame decoder (io-ts, the event and segment codecs), the bot runtime, the throttle queue, the HTTP API transport and the transfer code out of the initial chunks (loaded by import())', async () => {
    const { initial, lazy } = await splitInputs(MINIMAL_BOT);
    expect(initial.filter((input) => LAZY_ONLY.test(input))).toEqual([]);
    expect(lazy).toEqual(
      expect.arrayContaining(['src/action/catalogue/index.ts', 'src/stream/upload.ts', 'src/codec/frame.ts', 'node_modules/io-ts/es6/index.js', 'src/action/throttle.ts', 'src/transport/http-api.ts', 'src/runtime/handle.ts']),
    );
  });

  it('keeps them lazy for a bot that also uses the root entry\'s operators and builders (named re-exports of the entry)', async () => {
    const { initial } = await splitInputs(`
import { createClient, ofType, textOf, segment, sameId } from './src/browser';
const client = createClient({ url: 'ws://127.0.0.1:3001' });
client.events$.pipe(ofType('message.group')).subscribe((m) => {
  if (textOf(m) === 'ping' && !sameId(m.user_id, 1)) client.sendGroupMessage(m.group_id, [segment.text('pong')]).subscribe();
});
`);
    expect(initial.filter((input) => LAZY_ONLY.test(input))).toEqual([]);
  });

  it('binds every transfer method and loads the transfer code only when one is subscribed', async () => {
    const calls: string[] = [];
    const call: CallAction = (action): Observable<unknown> => {
      calls.push(action);
      return of({});
    };
    const deps = { call, socket: () => undefined, scheduler: asyncScheduler, logger: SILENT_LOGGER, defaultTimeout: 1_000 };
    const lazy = bindTransferMethods(deps);
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(bindNodeTransferMethods(deps)).sort());
    const clean = lazy.cleanStreamTempFile();
    expect(calls).toEqual([]);
    await firstValueFrom(clean);
    await firstValueFrom(lazy.getUploadStreamStatus('s1'));
    expect(calls).toEqual(['clean_stream_temp_file', 'upload_file_stream']);
  });
});
