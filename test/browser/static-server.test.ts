import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, fileFor, serveStatic } from '../../scripts/static-server';

describe('fileFor', () => {
  it('maps / to index.html and paths to files under the root', () => {
    expect(fileFor('/site', '/')).toBe(join('/site', 'index.html'));
    expect(fileFor('/site', '/app.js')).toBe(join('/site', 'app.js'));
  });

  it('keeps every path inside the root, encoded or not', () => {
    const paths = ['/../etc/passwd', '/%2e%2e/etc/passwd', '/a/..%2F..%2Fsecret', '/..\\..\\x', '//etc/passwd'];
    const files = paths.map((path) => fileFor('/site', path));
    expect(files.filter((file) => file !== undefined && !file.startsWith(join('/site', '/')))).toEqual([]);
    expect(fileFor('/site', '/../etc/passwd')).toBe(join('/site', 'etc', 'passwd'));
  });
});

describe('serveStatic', () => {
  let root: string;
  let site: StaticServer;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'onebot-rx-static-'));
    await writeFile(join(root, 'index.html'), '<p>hi</p>');
    await writeFile(join(root, 'app.js'), 'export {}');
    site = await serveStatic(root);
  });
  afterAll(async () => {
    await site.close();
    await rm(root, { recursive: true, force: true });
  });

  it('listens on loopback', () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves files with their content type', async () => {
    const page = await fetch(site.url);
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', '<p>hi</p>']);
    const script = await fetch(`${site.url}app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file and 405 for a POST', async () => {
    expect((await fetch(`${site.url}missing.js`)).status).toBe(404);
    expect((await fetch(site.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
