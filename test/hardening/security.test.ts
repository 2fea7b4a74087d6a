import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { firstValueFrom } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { createClient, isAuthError, isDisconnectedError } from '../../src/index';
import { createSimulator } from '../../src/testing/index';
import { confinedPath } from '../../src/stream/safe-path';
import type { Logger } from '../../src/logger';
import { closedPortUrl, startLoopback } from '../transport/loopback';
import { connected, stateReaches } from '../client/harness';

const crypto = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      crypto.calls += 1;
      return actual.timingSafeEqual(a, b);
    },
  };
});

const TOKEN = 'S3cr3t-t0k/en?&=+ü!';
const SPELLINGS = [TOKEN, encodeURIComponent(TOKEN), new URLSearchParams({ t: TOKEN }).toString().slice(2)];

/** Everything a value can show when printed or inspected: message, stack, causes and fields, deeply. */
function printed(value: unknown): string {
  const parts = [inspect(value, { depth: 8, showHidden: true })];
  for (let e: unknown = value; e instanceof Error; e = e.cause) parts.push(e.message, e.stack ?? '');
  return parts.join('\n');
}

const leaks = (texts: readonly string[]) => texts.filter((text) => SPELLINGS.some((form) => text.includes(form)));

function capturingLogger(): Logger & { texts: string[] } {
  const texts: string[] = [];
  const line = (...args: unknown[]) => texts.push(args.map(printed).join(' '));
  return { texts, debug: line, info: line, warn: line, error: line };
}

describe('where the token goes', () => {
  it('sends it only as an Authorization Bearer header by default, never in the URL', async () => {
    const server = await startLoopback();
    const client = createClient({ url: `${server.url}onebot?x=1`, accessToken: TOKEN, reconnect: false });
    client.connect();
    const { request } = await server.connection(1);
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.url).toBe('/onebot?x=1');
    await client.close();
    await server.close();
  });

  it('puts it URL-encoded in the query only with tokenIn: query, and then sends no header', async () => {
    const server = await startLoopback();
    const client = createClient({ url: server.url, accessToken: TOKEN, tokenIn: 'query', reconnect: false });
    client.connect();
    const { request } = await server.connection(1);
    expect(request.headers.authorization).toBeUndefined();
    expect(new URL(request.url ?? '', 'http://x').searchParams.get('access_token')).toBe(TOKEN);
    await client.close();
    await server.close();
  });
});

describe('the token never shows in logs or errors', () => {
  it.each(['header', 'query'] as const)('with tokenIn %s: rejected, refused, dropped, failed and closed', async (tokenIn) => {
    const logger = capturingLogger();
    const surfaced: unknown[] = [];
    const keep = (e: unknown) => void surfaced.push(e);

    const wrong = await createSimulator({ accessToken: `${TOKEN}-other` });
    const rejected = createClient({ url: wrong.url, accessToken: TOKEN, tokenIn, logger });
    const authError = await firstValueFrom(rejected.events$).catch((e: unknown) => e);
    expect(isAuthError(authError)).toBe(true);
    surfaced.push(authError, await firstValueFrom(rejected.state$));
    await rejected.close();
    await wrong.close();

    const refusedUrl = `${await closedPortUrl()}?access_token=${encodeURIComponent(TOKEN)}`;
    const refused = createClient({ url: refusedUrl, accessToken: TOKEN, tokenIn, logger, reconnect: { maxAttempts: 1, initialDelay: 1 } });
    const gaveUp = await firstValueFrom(refused.events$).catch((e: unknown) => e);
    expect(isDisconnectedError(gaveUp)).toBe(true);
    surfaced.push(gaveUp);
    await refused.close();

    const { sim, client } = await connected({ accessToken: TOKEN, tokenIn, logger }, { accessToken: TOKEN });
    client.errors$.subscribe(keep);
    client.state$.subscribe((s) => keep(s.error));
    client.connect();
    await sim.waitForConnection();
    await sim.sendRaw('{not json');
    await firstValueFrom(client.api.get_group_info({ group_id: 1 })).catch(keep);
    await sim.drop({ abrupt: true });
    await stateReaches(client, 'open');
    sim.reorderReplies(2); // holds the reply (if the call went out before its timeout) past the timeout
    await firstValueFrom(client.api.get_status(undefined, { timeout: 5 })).catch(keep);
    sim.reorderReplies(0); // a late reply goes out; the next call's reply comes behind it on the same socket
    await firstValueFrom(client.api.get_status()).catch(keep);
    await client.close();

    expect(logger.texts.length).toBeGreaterThan(5);
    expect(surfaced.filter((e) => e !== undefined).length).toBeGreaterThan(5);
    expect(leaks(logger.texts)).toEqual([]);
    expect(leaks(surfaced.map(printed))).toEqual([]);
  });
});

describe('token comparison in the simulator', () => {
  it('compares equal-length tokens with crypto.timingSafeEqual, and answers exactly', async () => {
    // A fresh copy of the module, so it imports the mocked node:crypto even when an earlier test file in this
    // worker (the suite runs without per-file isolation) already loaded the real one.
    vi.resetModules();
    const { sameToken } = await import('../../src/testing/simulator/auth');
    const before = crypto.calls;
    const verdicts = [
      sameToken(TOKEN, TOKEN),
      sameToken(`${TOKEN.slice(0, -1)}x`, TOKEN),
      sameToken(TOKEN.slice(0, -1), TOKEN),
      sameToken(`${TOKEN}x`, TOKEN),
      sameToken('', TOKEN),
    ];
    expect(verdicts).toEqual([true, false, false, false, false]);
    expect(crypto.calls - before).toBeGreaterThanOrEqual(2);
  });
});

describe('supply chain', () => {
  // The lockfile records, for every installed package, whether it is dev-only and whether it has a
  // preinstall/install/postinstall script (`hasInstallScript`): the facts `npm query` would read from the
  // whole tree, in milliseconds instead of three npm runs (which took seconds, and a minute on a busy machine).
  interface Locked {
    dev?: boolean;
    devOptional?: boolean;
    hasInstallScript?: boolean;
  }
  const locked = (JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Locked> }).packages;
  const withInstallScripts = (keep: (path: string, entry: Locked) => boolean): string[] =>
    Object.entries(locked)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true && keep(path, entry))
      .map(([path]) => path.replace(/^(?:.*\/)?node_modules\//, ''));

  it('has no install scripts in any production or peer dependency', () => {
    expect(withInstallScripts((_path, entry) => entry.dev !== true && entry.devOptional !== true)).toEqual([]);
    expect(locked['node_modules/rxjs']).toBeDefined();
    expect(withInstallScripts((path) => path === 'node_modules/rxjs')).toEqual([]);
    expect(withInstallScripts(() => true)).toContain('esbuild');
  });
});

describe('download paths', () => {
  const hostileName = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.array(fc.constantFrom('..', '.', '', 'a', '/', '\\', 'C:', '\0', '%2e%2e', '~'), { maxLength: 8 }).map((p) => p.join('')),
    fc.array(fc.constantFrom('..', 'a', '.'), { minLength: 1, maxLength: 5 }).map((p) => p.join('/')),
  );

  it('confines every server-chosen name to its directory, or refuses it', () => {
    const dir = '/tmp/onebot-rx-downloads';
    fc.assert(
      fc.property(hostileName, (name) => {
        const path = confinedPath(dir, name);
        if (path === undefined) return;
        const inside = relative(resolve(dir), path);
        expect(inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)).toBe(false);
        expect(inside).toBe(name);
      }),
      { numRuns: 5_000 },
    );
    expect(['../x', '/etc/passwd', 'a/../../x', '..', 'C:\\x', 'a\0b'].map((n) => confinedPath(dir, n))).toEqual(
      Array.from({ length: 6 }, () => undefined),
    );
  });
});
