/**
 * Renders the bench summaries as an SVG bar chart: throughput of each client as a ratio to the raw `ws` +
 * `JSON.parse` baseline, for events and for action round trips, with the goal lines. Pure: summaries in, SVG
 * text out. `bench/run.ts` writes it next to `latest.json`.
 */

/** The part of a client summary the chart reads. */
export interface ChartRow {
  readonly name: string;
  readonly role: string;
  /** Undefined when the client produced no result (drawn as 0). */
  readonly throughputRatio: number | undefined;
}

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 170;
const PLOT_WIDTH = 420;
const SCALE_MAX = 1.2;
const COLOURS: Readonly<Record<string, string>> = { baseline: '#9aa0a6', subject: '#1a73e8', peer: '#e8710a', diagnostic: '#c5cae9' };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function panel(title: string, rows: readonly ChartRow[], goal: number, top: number): { svg: string; height: number } {
  const x = (ratio: number) => LABEL_WIDTH + (Math.min(ratio, SCALE_MAX) / SCALE_MAX) * PLOT_WIDTH;
  const bars = rows.map((row, i) => {
    const y = top + 24 + i * (BAR_HEIGHT + GAP);
    const ratio = row.throughputRatio ?? 0;
    const width = x(ratio) - LABEL_WIDTH;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeXml(row.name)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${COLOURS[row.role] ?? '#5f6368'}"/>`,
      `<text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${y + 15}">${row.throughputRatio === undefined ? 'failed' : `${ratio.toFixed(2)}×`}</text>`,
    ].join('');
  });
  const bottom = top + 24 + rows.length * (BAR_HEIGHT + GAP);
  const goalLine = `<line x1="${x(goal)}" y1="${top + 18}" x2="${x(goal)}" y2="${bottom}" stroke="#188038" stroke-dasharray="4 3"/><text x="${x(goal) + 4}" y="${top + 16}" fill="#188038">goal ${goal}×</text>`;
  const rawLine = `<line x1="${x(1)}" y1="${top + 18}" x2="${x(1)}" y2="${bottom}" stroke="#5f6368"/>`;
  return {
    svg: `<text x="8" y="${top + 12}" font-weight="bold">${escapeXml(title)}</text>${rawLine}${goalLine}${bars.join('')}`,
    height: bottom - top + 12,
  };
}

/**
 * The chart: one panel for events/s and one for round trips/s, each bar a client's median paired ratio.
 *
 * @example
 * writeFileSync('bench/results/chart.svg', renderChart(summaries.events, summaries.actions, 'AMD EPYC × 2, Node v20'));
 */
export function renderChart(eventRows: readonly ChartRow[], actionRows: readonly ChartRow[], caption: string): string {
  const events = panel('events/s ÷ raw ws + JSON.parse', eventRows, 0.95, 0);
  const actions = panel('action round trips/s ÷ raw ws client (1,000 in flight)', actionRows, 0.9, events.height + 10);
  const height = events.height + actions.height + 40;
  const width = LABEL_WIDTH + PLOT_WIDTH + 70;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    events.svg,
    actions.svg,
    `<text x="8" y="${height - 10}" fill="#5f6368">${escapeXml(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
