import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowserExample } from '../../scripts/build-browser-example';
import { type StaticServer, serveStatic } from '../../scripts/static-server';
import { type Simulator, createSimulator } from '../../src/testing/index';
import { type Browser, chromiumMissing, launchChromium } from './chromium';

const missing = chromiumMissing();
if (missing !== undefined) console.warn(`skipping the browser dashboard tests: ${missing}`);

const SAMPLE_BYTES = 256 * 1024;

describe.skipIf(missing !== undefined)('the browser dashboard in headless Chromium', () => {
  let workDir: string;
  let sim: Simulator;
  let site: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'onebot-rx-browser-'));
    const { outDir } = await buildBrowserExample(join(workDir, 'site'));
    sim = await createSimulator({ heartbeatInterval: 0 });
    site = await serveStatic(outDir);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${site.url}?url=${encodeURIComponent(sim.url)}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await sim?.close();
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('connects to the simulator over the page WebSocket', async () => {
    await page.locator('#state[data-state="open"]').waitFor();
    await sim.waitForConnection();
    expect(sim.connections).toBe(1);
  });

  it('shows the events the simulator emits, newest first', async () => {
    await sim.chat([
      { group_id: 300001, user_id: 20001, message: 'hello from the simulator' },
      { user_id: 20002, message: 'a private word' },
    ]);
    await sim.emit(sim.events.groupPoke({ group_id: 300001, user_id: 20001, target_id: sim.selfId }));
    const poke = page.locator('#event-list li[data-kind="notice.notify.poke"]');
    await poke.waitFor();
    const rows = await page.locator('#event-list li').allInnerTexts();
    expect(rows.slice(0, 3).map((row) => row.replace(/\s+/g, ' ').replace(/^\d\d:\d\d:\d\d /, ''))).toEqual([
      `notice.notify.poke group 300001 · user 20001 · target ${sim.selfId}`,
      'message.private.friend [private] Bob: a private word',
      'message.group.normal [group 300001] Alice: hello from the simulator',
    ]);
  });

  it('times action round trips once connected', async () => {
    await page.locator('#action-rows tr[data-action="get_friend_list"]').waitFor();
    const login = await page.locator('#action-rows tr[data-action="get_login_info"] td').allInnerTexts();
    expect(login[0]).toBe('get_login_info');
    expect(Number(login[1])).toBeGreaterThanOrEqual(0);
    expect(login[2]).toBe(`onebot-rx sim (${sim.selfId})`);
    expect(await page.locator('#account').innerText()).toBe('backend: napcat');
  });

  it('downloads a file over the Stream API with a progress bar that reaches the end', async () => {
    await page.click('#download-start');
    await page.locator('#download-status[data-status="done"]').waitFor();
    const bar = await page.locator('#download-bar').evaluate((node: HTMLProgressElement) => [node.value, node.max]);
    expect(bar).toEqual([SAMPLE_BYTES, SAMPLE_BYTES]);
    expect(await page.locator('#download-status').innerText()).toBe('done: 256.0 KiB of 256.0 KiB');
    const call = await firstValueFrom(sim.calls$.pipe(filter(({ action }) => action === 'download_file_stream')));
    expect(call.params.chunk_size).toBe(16 * 1024);
  });

  it('renders the page (a PNG screenshot in the temp directory, or in $ONEBOT_RX_SCREENSHOTS to keep it)', async () => {
    const dir = process.env.ONEBOT_RX_SCREENSHOTS ?? workDir;
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'dashboard.png');
    await page.screenshot({ path, fullPage: true });
    const png = await readFile(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    console.info(`dashboard screenshot: ${path}`);
  });
});
