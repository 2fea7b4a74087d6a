import { type Observable, asyncScheduler, firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { browserVariants, fpTsEs6 } from '../../scripts/browser-variants';
import type { CallAction } from '../../src/action/types';
import { SILENT_LOGGER } from '../../src/logger';
import { bindTransferMethods } from '../../src/stream/transfer-methods.browser';
import { bindTransferMethods as bindNodeTransferMethods } from '../../src/stream/transfer-methods';

const MINIMAL_BOT = `
import { createClient } from './src/browser';
const client = createClient({ url: 'ws://127.0.0.1:3001' });
client.groupMessages$.subscribe((m) => client.sendGroupMessage(m.group_id, 'pong').subscribe());
`;

describe('the browser build splits what a minimal bot does not need at start', () => {
  it('keeps the catalogue rows, the frame decoder (io-ts, the event and segment codecs), the bot runtime, the throttle queue, the HTTP API transport and the transfer code out of the initial chunks (loaded by import())', async () => {
    const result = await build({
      stdin: { contents: MINIMAL_BOT, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'bot.ts' },
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
    const outputs = result.metafile.outputs;
    const initial = new Set<string>();
    const visit = (name: string): void => {
      if (initial.has(name)) return;
      initial.add(name);
      for (const i of outputs[name]?.imports ?? []) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
    };
    visit(Object.keys(outputs).find((name) => outputs[name]?.entryPoint !== undefined) ?? '');
    const initialInputs = [...initial].flatMap((name) => Object.keys(outputs[name]?.inputs ?? {}));
    expect(
      initialInputs.filter((input) =>
        /src\/action\/catalogue\/|src\/action\/(?:throttle|rate-window)\.ts|src\/transport\/http-(?:api|frames)|src\/runtime\/(?:handle|lanes|runtime|run|context)\.ts|src\/stream\/(?:upload|download)|node_modules\/(?:io-ts|fp-ts)\/|src\/codec\/(?:event\/(?!level2)|segment|frame)/.test(input),
      ),
    ).toEqual([]);
    const lazyInputs = Object.keys(outputs)
      .filter((name) => !initial.has(name))
      .flatMap((name) => Object.keys(outputs[name]?.inputs ?? {}));
    expect(lazyInputs).toEqual(
      expect.arrayContaining(['src/action/catalogue/index.ts', 'src/stream/upload.ts', 'src/codec/frame.ts', 'node_modules/io-ts/es6/index.js', 'src/action/throttle.ts', 'src/transport/http-api.ts', 'src/runtime/handle.ts']),
    );
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
