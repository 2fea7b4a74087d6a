/**
 * Bundles the browser dashboard (`examples/browser/`) with esbuild into a static folder: `index.html`,
 * `style.css`, `app.js` (+ source map). The bundle is the browser module graph: `X.browser.ts` variants
 * replace Node-only modules, and any Node built-in left in the graph fails the build.
 *
 *   npx tsx scripts/build-browser-example.ts [outDir]           # default <tmp>/onebot-rx-browser-example
 *   npx tsx scripts/build-browser-example.ts --serve [outDir]   # + the simulator and a static server; Ctrl-C stops
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { createSimulator } from '../src/testing/index';
import { browserVariants, fpTsEs6 } from './browser-variants';
import { serveStatic } from './static-server';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EXAMPLE = join(ROOT, 'examples', 'browser');
const STATIC_FILES = ['index.html', 'style.css'];

/** Where the example went and every module the bundle holds (paths relative to the repository). */
export interface BrowserExampleBuild {
  readonly outDir: string;
  readonly inputs: readonly string[];
}

/**
 * Bundles the example into `outDir` (created if missing).
 *
 * @example
 * const { outDir } = await buildBrowserExample('/tmp/site');
 */
export async function buildBrowserExample(outDir = join(tmpdir(), 'onebot-rx-browser-example')): Promise<BrowserExampleBuild> {
  await mkdir(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(EXAMPLE, 'main.ts')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    metafile: true,
    logLevel: 'silent',
    // The example imports `onebot-rx` as users do; here that is the browser entry's sources (not dist/).
    alias: { 'onebot-rx': join(ROOT, 'src', 'browser.ts') },
    plugins: [browserVariants(), fpTsEs6({ external: false })],
  });
  await Promise.all(STATIC_FILES.map((file) => copyFile(join(EXAMPLE, file), join(outDir, file))));
  return { outDir, inputs: Object.keys(result.metafile.inputs) };
}

/** Builds, starts a simulator that chats every two seconds, serves the page, and prints its URL. */
async function serve(outDir: string | undefined): Promise<void> {
  const site = await buildBrowserExample(outDir);
  const sim = await createSimulator({ heartbeatInterval: 5_000 });
  const server = await serveStatic(site.outDir);
  console.log(`dashboard: ${server.url}?url=${encodeURIComponent(sim.url)}`);
  let line = 0;
  const chatter = setInterval(() => {
    line += 1;
    sim.chat([{ group_id: 300001, user_id: line % 2 ? 20001 : 20002, message: `hello #${line}` }]).catch(() => undefined);
  }, 2_000);
  process.once('SIGINT', () => {
    clearInterval(chatter);
    void Promise.all([server.close(), sim.close()]);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const outDir = args.find((arg) => !arg.startsWith('--'));
  const run = args.includes('--serve') ? serve(outDir) : buildBrowserExample(outDir).then(({ outDir: dir }) => console.log(`built ${dir}`));
  run.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
