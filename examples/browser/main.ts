/**
 * The dashboard page: live events, action round trips and a Stream API download with a progress bar, over
 * the browser build of onebot-rx (a real app imports `onebot-rx`; the `browser` export condition picks the
 * same module).
 *
 * Query string: `url` (forward WebSocket, default `ws://127.0.0.1:3001`), `token`, `file` (a file id to
 * download; default a 256 KiB sample the simulator serves), `chunk` (bytes per chunk, default 16 KiB).
 *
 *   npx tsx scripts/build-browser-example.ts --serve   # bundles, starts the simulator, prints the page URL
 */
import { exhaustMap, filter, fromEvent, merge, scan } from 'rxjs';
import { createClient } from 'onebot-rx';
import { rowOf } from './describe';
import { downloadProgress, downloadViews, sampleFile } from './download';
import { roundTrips, type RoundTrip } from './round-trips';

const MAX_ROWS = 200;

const params = new URLSearchParams(location.search);
const client = createClient({
  url: params.get('url') ?? 'ws://127.0.0.1:3001',
  accessToken: params.get('token') ?? undefined,
});

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

function cell(tag: 'td' | 'span', text: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

// Connection state and backend, in the header.
const badge = element('state');
client.state$.subscribe(({ status }) => {
  badge.textContent = status;
  badge.dataset.state = status;
});
client.backend$.subscribe((backend) => {
  element('account').textContent = `backend: ${backend}`;
});

// Live events, newest first.
const list = element<HTMLOListElement>('event-list');
let seen = 0;
client.events$.subscribe({
  next: (event) => {
    const row = rowOf(event);
    const item = document.createElement('li');
    item.dataset.kind = row.kind;
    item.append(cell('span', row.time, 'muted'), cell('span', row.kind, 'kind'), cell('span', row.detail));
    list.prepend(item);
    while (list.childElementCount > MAX_ROWS) list.lastElementChild?.remove();
    element('event-count').textContent = String((seen += 1));
  },
  error: (error: unknown) => {
    badge.textContent = `closed: ${String(error)}`;
  },
});

// Round trips: once per open connection, and on demand.
const opened$ = client.state$.pipe(filter(({ status }) => status === 'open'));
const rows = element('action-rows');
merge(opened$, fromEvent(element('ping'), 'click'))
  .pipe(exhaustMap(() => roundTrips(client).pipe(scan((done: RoundTrip[], trip) => [...done, trip], []))))
  .subscribe((trips) => {
    rows.replaceChildren(
      ...trips.map((trip) => {
        const tr = document.createElement('tr');
        tr.dataset.action = trip.action;
        tr.append(cell('td', trip.action), cell('td', trip.ms.toFixed(1)), cell('td', trip.summary, trip.ok ? undefined : 'failed'));
        return tr;
      }),
    );
  });

// Download with a progress bar.
const file = params.get('file') ?? sampleFile(256 * 1024);
const chunkSize = Number(params.get('chunk') ?? 16 * 1024);
const bar = element<HTMLProgressElement>('download-bar');
const status = element('download-status');
fromEvent(element('download-start'), 'click')
  .pipe(exhaustMap(() => downloadViews(downloadProgress(client, file, chunkSize))))
  .subscribe((view) => {
    bar.max = Math.max(view.totalBytes, 1);
    bar.value = view.receivedBytes;
    status.dataset.status = view.state;
    status.textContent =
      view.state === 'failed' ? `failed: ${view.error ?? ''}` : `${view.state}: ${kib(view.receivedBytes)} of ${kib(view.totalBytes)}`;
  });

addEventListener('pagehide', () => void client.close());
