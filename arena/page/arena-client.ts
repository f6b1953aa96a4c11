// The arena in the browser: one client per technique, each as the exercises build it, all receiving the same
// feed. Each column counts what it received and lost and its delay; the server's counts (requests, bytes on
// the sockets, open connections) arrive every second over SSE.
import uPlot from 'uplot';
import type { ArenaCounts, ArenaInfo, ArenaSettings } from '../server/arena-messages';
import type { ArenaNotification } from '../server/notification-feed';
import type { SimulatedCounts } from '../server/simulator-messages';
import type { TechniqueId } from '../server/technique-servers';

/** Delays of the last minute count for p50/p99. */
const DELAY_WINDOW_MS = 60_000;
const RETRY_MS = 1_000;

interface Column {
  lastId: number;
  received: number;
  lost: number;
  delays: Array<{ at: number; ms: number }>;
}

const columns = new Map<TechniqueId, Column>();
/** The last minute of each column's bytes per second, for its chart (its own scale: the axis says it). */
const CHART_SECONDS = 60;
const charts = new Map<
  TechniqueId,
  { chart: uPlot; times: number[]; kibPerSecond: number[]; lastBytes: number }
>();
let lastCountsAt = 0;
let settings: ArenaSettings | undefined;
let clockOffsetMs = 0;
/** The instructor's key from the address's #key=…, as the class server prints it; standalone there is none. */
const instructorKey = new URLSearchParams(location.hash.slice(1)).get('key');

void start();

async function start(): Promise<void> {
  const info = (await (await fetch('api/arena')).json()) as ArenaInfo;
  clockOffsetMs = info.serverNow - Date.now();
  settings = info.settings;
  showSettings();
  for (const { id, url } of info.techniques) {
    // The broker has ids of its own and cannot resume from the feed's: it counts from its first notification.
    const lastId = id === 'pubsub' ? -1 : info.lastId;
    columns.set(id, { lastId, received: 0, lost: 0, delays: [] });
    CLIENTS[id](absoluteUrl(url), (notification) => receive(id, notification));
    makeChart(id);
  }
  watchCounts();
  if (info.changesNeedKey && !instructorKey) {
    watchOnly();
    return;
  }
  setUpControls();
}

/** `t/sse` (behind the class server) becomes an address beside this page; a WebSocket needs it absolute. */
function absoluteUrl(url: string): string {
  return new URL(url, document.baseURI).href.replace(/\/$/, '');
}

type Deliver = (notification: ArenaNotification) => void;

const CLIENTS: Record<TechniqueId, (url: string, deliver: Deliver) => void> = {
  'short-polling': shortPolling,
  'long-polling': longPolling,
  sse: serverSentEvents,
  websocket: webSocket,
  pubsub: pubSub,
};

/** Asks every pollIntervalMs, whether or not anything happened. */
function shortPolling(url: string, deliver: Deliver): void {
  const ask = async () => {
    try {
      const found = (await (
        await fetch(`${url}/notifications?since=${lastIdOf('short-polling')}`)
      ).json()) as ArenaNotification[];
      for (const notification of found) deliver(notification);
    } catch {
      // Counted as nothing received; the next tick asks again.
    }
    setTimeout(ask, settings?.pollIntervalMs ?? 3_000);
  };
  void ask();
}

/** Asks again as soon as an answer comes: the server holds each request until there is news. */
function longPolling(url: string, deliver: Deliver): void {
  const ask = async () => {
    try {
      const response = await fetch(`${url}/updates?since=${lastIdOf('long-polling')}`);
      if (response.status === 200)
        for (const notification of (await response.json()) as ArenaNotification[]) deliver(notification);
      void ask();
    } catch {
      setTimeout(ask, RETRY_MS);
    }
  };
  void ask();
}

/** One stream; the browser reconnects by itself and resumes with Last-Event-ID. */
function serverSentEvents(url: string, deliver: Deliver): void {
  const source = new EventSource(`${url}/events`);
  source.addEventListener('notification', (event) => deliver(JSON.parse(event.data) as ArenaNotification));
}

/** One connection both ways; after a drop it connects again and asks for what it missed. */
function webSocket(url: string, deliver: Deliver): void {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/?since=${lastIdOf('websocket')}`);
  socket.addEventListener('message', (event) => deliver(JSON.parse(String(event.data)) as ArenaNotification));
  socket.addEventListener('close', () => setTimeout(() => webSocket(url, deliver), RETRY_MS));
}

/** Exercise 05's broker: a token from the arena, then subscribe to its channel, resuming after a drop. */
function pubSub(url: string, deliver: Deliver): void {
  let lastMessageId: string | undefined;
  const connect = async () => {
    const { token } = (await (await fetch('api/arena/token')).json()) as { token: string };
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/connect?token=${encodeURIComponent(token)}`);
    socket.addEventListener('open', () => {
      socket.send(
        JSON.stringify({
          type: 'subscribe',
          channel: 'arena',
          ...(lastMessageId ? { since: lastMessageId } : {}),
        }),
      );
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as {
        type: string;
        id?: string;
        data?: ArenaNotification;
      };
      if (message.type !== 'message' || !message.data) return;
      lastMessageId = message.id;
      deliver(message.data);
    });
    socket.addEventListener('close', () => setTimeout(connect, RETRY_MS));
  };
  void connect();
}

function lastIdOf(id: TechniqueId): number {
  return columns.get(id)?.lastId ?? 0;
}

/** Counts a notification once; a gap in the ids is what this technique lost. */
function receive(id: TechniqueId, notification: ArenaNotification): void {
  const column = columns.get(id);
  if (!column) return;
  if (column.lastId < 0) column.lastId = notification.id - 1;
  if (notification.id <= column.lastId) return;
  // Every column starts after the same notification: a gap in the ids is a notification it never got.
  column.lost += notification.id - column.lastId - 1;
  column.lastId = notification.id;
  column.received += 1;
  const now = Date.now();
  column.delays.push({ at: now, ms: now + clockOffsetMs - notification.publishedAt });
  show(id, 'received', String(column.received));
  show(id, 'lost', String(column.lost));
  show(id, 'delay', delayText(column, now));
}

function delayText(column: Column, now: number): string {
  column.delays = column.delays.filter((delay) => delay.at > now - DELAY_WINDOW_MS);
  const sorted = column.delays.map((delay) => delay.ms).sort((a, b) => a - b);
  if (sorted.length === 0) return '–';
  const pick = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  return `${Math.max(0, Math.round(pick(0.5)))} / ${Math.max(0, Math.round(pick(0.99)))} ms`;
}

function makeChart(id: TechniqueId): void {
  const element = document.querySelector<HTMLElement>(`[data-chart="${id}"]`);
  if (!element) return;
  const chart = new uPlot(
    {
      width: element.clientWidth,
      height: 90,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true }, y: { range: (_chart, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [{ show: false }, { size: 44, font: '12px system-ui', gap: 2 }],
      series: [{}, { stroke: '#1f4fd1', fill: 'rgba(31, 79, 209, 0.15)', width: 2, points: { show: false } }],
    },
    [[], []],
    element,
  );
  charts.set(id, { chart, times: [], kibPerSecond: [], lastBytes: 0 });
}

/** Turns the byte totals into KiB per second since the last counts, and redraws every chart. */
function chartBytes(counts: ArenaCounts): void {
  const now = Date.now() / 1000;
  const seconds = lastCountsAt === 0 ? 0 : now - lastCountsAt;
  lastCountsAt = now;
  for (const technique of counts.techniques) {
    const entry = charts.get(technique.id);
    if (!entry) continue;
    const delta = Math.max(0, technique.bytes - entry.lastBytes);
    entry.lastBytes = technique.bytes;
    if (seconds === 0) continue;
    entry.times.push(now);
    entry.kibPerSecond.push(delta / 1024 / seconds);
    while (entry.times.length > CHART_SECONDS) {
      entry.times.shift();
      entry.kibPerSecond.shift();
    }
  }
  for (const [id, entry] of charts) {
    entry.chart.setData([entry.times, entry.kibPerSecond]);
    document.querySelector(`[data-chart="${id}"]`)?.setAttribute('data-points', String(entry.times.length));
  }
}

function watchCounts(): void {
  const source = new EventSource('api/arena/events');
  source.addEventListener('counts', (event) => {
    const counts = JSON.parse(event.data) as ArenaCounts;
    chartBytes(counts);
    for (const technique of counts.techniques) {
      show(technique.id, 'requests', String(technique.requests));
      show(technique.id, 'empty', String(technique.emptyAnswers));
      show(technique.id, 'bytes', bytesText(technique.bytes));
      show(technique.id, 'open', String(technique.openConnections));
    }
    for (const simulated of counts.simulated) showSimulated(simulated);
  });
  source.addEventListener('settings', (event) => {
    settings = JSON.parse(event.data) as ArenaSettings;
    showSettings();
  });
}

function setUpControls(): void {
  const form = document.getElementById('controls') as HTMLFormElement;
  form.addEventListener('change', () => {
    const fields = new FormData(form);
    void change('settings', {
      rateMs: Number(fields.get('rateMs')),
      pollIntervalMs: Number(fields.get('pollIntervalMs')),
    });
  });
  for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-simulated]')) {
    select.addEventListener('change', (event) => {
      // Its own request, not the form's: the rate and interval stay as they are.
      event.stopPropagation();
      void change('settings', {
        simulatedClients: { [select.dataset.simulated ?? '']: Number(select.value) },
      });
    });
  }
  document.getElementById('drop')?.addEventListener('click', () => {
    void change('drop');
  });
}

/** Posts a change with the instructor's key, if any; a refusal (a wrong key) leaves the page watching only. */
async function change(action: 'settings' | 'drop', body?: object): Promise<void> {
  const response = await fetch(`api/arena/${action}`, {
    method: 'POST',
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(instructorKey ? { Authorization: `Bearer ${instructorKey}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 403) watchOnly();
}

/** Behind the class server without the key: the settings stay visible, greyed out, the drop button goes; a line says why. */
function watchOnly(): void {
  for (const control of document.querySelectorAll<HTMLSelectElement | HTMLButtonElement>(
    '#controls select, #controls button, select[data-simulated]',
  ))
    control.disabled = true;
  const note = document.getElementById('watch-only');
  if (note) note.hidden = false;
}

function showSettings(): void {
  if (!settings) return;
  const form = document.getElementById('controls') as HTMLFormElement;
  for (const name of ['rateMs', 'pollIntervalMs'] as const) {
    const select = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (select) select.value = String(settings[name]);
  }
  for (const [id, count] of Object.entries(settings.simulatedClients)) {
    const select = document.querySelector<HTMLSelectElement>(`select[data-simulated="${id}"]`);
    if (select) select.value = String(count);
  }
}

const SIMULATED_TEXT = {
  en: { clients: 'clients', received: 'received', lost: 'lost' },
  de: { clients: 'Clients', received: 'empfangen', lost: 'verloren' },
};

/** "100 clients: 1234 received, 0 lost, 3 / 20 ms"; the page's own line stays while there are none. */
function showSimulated(counts: SimulatedCounts): void {
  const line = document.querySelector(`[data-simulated-line="${counts.id}"]`);
  if (!line || counts.clients === 0) return;
  const text = document.documentElement.lang === 'de' ? SIMULATED_TEXT.de : SIMULATED_TEXT.en;
  const delay = counts.p50 === null ? '–' : `${Math.round(counts.p50)} / ${Math.round(counts.p99 ?? 0)} ms`;
  line.textContent = `${counts.clients} ${text.clients}: ${counts.received} ${text.received}, ${counts.lost} ${text.lost}, ${delay}`;
}

function show(id: TechniqueId, count: string, text: string): void {
  const cell = document.querySelector(`[data-technique="${id}"] [data-count="${count}"]`);
  if (cell) cell.textContent = text;
}

function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
