// The arena's page, for the projector: five columns, big numbers. arena.js fills it.

type Language = 'de' | 'en';

const TEXT = {
  en: {
    title: 'The technique arena',
    lead: 'One feed, delivered at the same moment five ways. Every number is measured live, on this machine.',
    rate: 'A notification every',
    interval: 'Short polling asks every',
    drop: 'Network drop',
    received: 'received',
    lost: 'lost',
    requests: 'requests',
    empty: 'of them for nothing',
    bytes: 'on the wire',
    open: 'open connections',
    delay: 'delay p50 / p99',
    simulated: 'simulated clients',
    none: 'only this page',
    chart: 'KiB/s on the wire, last minute',
    proxyHop:
      'Through the class server: the bytes counted are those between the class server and each technique’s server (the proxy’s hop).',
    watchOnly: 'Only the instructor changes the arena (with the key from pnpm class); everyone may watch.',
  },
  de: {
    title: 'Die Technik-Arena',
    lead: 'Ein Feed, im selben Moment auf fünf Wegen zugestellt. Jede Zahl ist live gemessen, auf diesem Rechner.',
    rate: 'Eine Benachrichtigung alle',
    interval: 'Short Polling fragt alle',
    drop: 'Netz weg',
    received: 'empfangen',
    lost: 'verloren',
    requests: 'Requests',
    empty: 'davon umsonst',
    bytes: 'auf der Leitung',
    open: 'offene Verbindungen',
    delay: 'Verzögerung p50 / p99',
    simulated: 'simulierte Clients',
    none: 'nur diese Seite',
    chart: 'KiB/s auf der Leitung, letzte Minute',
    proxyHop:
      'Über den Klassen-Server: Gezählt sind die Bytes zwischen Klassen-Server und dem Server jeder Technik (die Strecke hinter dem Proxy).',
    watchOnly:
      'Nur die Kursleitung ändert die Arena (mit dem Schlüssel aus pnpm class); zuschauen dürfen alle.',
  },
} as const;

const TITLES = {
  'short-polling': 'Short Polling',
  'long-polling': 'Long Polling',
  sse: 'Server-Sent Events',
  websocket: 'WebSocket',
  pubsub: 'Pub/Sub (Broker)',
};

export interface ArenaPageOptions {
  /** Served through the class server: the page says which hop its byte counts measure. */
  behindProxy: boolean;
}

export function renderArenaPage(
  language: Language,
  { behindProxy }: ArenaPageOptions = { behindProxy: false },
): string {
  const text = TEXT[language];
  const proxyHop = behindProxy ? `<p class="note" data-ui="proxy-hop">${text.proxyHop}</p>` : '';
  const columns = Object.entries(TITLES)
    .map(
      ([id, title]) => `<section class="column" data-technique="${id}">
<h2>${title}</h2>
<label class="simulated">+ <select data-simulated="${id}"><option value="0">0</option><option value="10">10</option><option value="100">100</option><option value="1000">1000</option></select> ${text.simulated}</label>
<p class="simulated-line" data-simulated-line="${id}">${text.none}</p>
<figure class="chart"><div data-chart="${id}" data-points="0"></div><figcaption>${text.chart}</figcaption></figure>
<dl>
<div><dt>${text.received}</dt><dd data-count="received">0</dd></div>
<div><dt>${text.lost}</dt><dd data-count="lost">0</dd></div>
<div><dt>${text.requests}</dt><dd data-count="requests">0</dd></div>
<div><dt>${text.empty}</dt><dd data-count="empty">0</dd></div>
<div><dt>${text.bytes}</dt><dd data-count="bytes">0</dd></div>
<div><dt>${text.open}</dt><dd data-count="open">0</dd></div>
<div><dt>${text.delay}</dt><dd data-count="delay">–</dd></div>
</dl>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<link rel="stylesheet" href="vendor/uplot.css">
<style>${STYLES}</style>
<!-- The page imports uPlot by its package name; the arena serves the package's own ES module. -->
<script type="importmap">{ "imports": { "uplot": "./vendor/uplot.js" } }</script>
</head>
<body>
<main>
<header>
<h1>${text.title}</h1>
<p>${text.lead}</p>
${proxyHop}
<p class="note" id="watch-only" hidden>${text.watchOnly}</p>
<form id="controls">
<label>${text.rate} <select name="rateMs"><option value="500">0.5 s</option><option value="1000">1 s</option><option value="2000">2 s</option><option value="5000">5 s</option></select></label>
<label>${text.interval} <select name="pollIntervalMs"><option value="1000">1 s</option><option value="3000">3 s</option><option value="10000">10 s</option></select></label>
<button type="button" id="drop">${text.drop}</button>
</form>
</header>
<div class="columns">
${columns}
</div>
</main>
<script type="module" src="arena.js"></script>
</body>
</html>
`;
}

const STYLES = `
:root { font-family: system-ui, sans-serif; color: #1d2433; background: #f4f6fb; }
body { margin: 0; }
main { padding: 1.5rem 2rem; }
h1 { font-size: 2.2rem; margin: 0; }
header p { margin: 0.25rem 0 1rem; color: #3b4660; font-size: 1.1rem; }
header p.note { margin-top: -0.5rem; font-size: 0.95rem; }
form { display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: center; font-size: 1.1rem; }
select, button { font: inherit; padding: 0.3rem 0.6rem; border-radius: 0.4rem; border: 1px solid #b9c1d4; }
button { background: #a3261b; color: #fff; border: 0; font-weight: 600; cursor: pointer; }
select:disabled { opacity: 0.7; }
button:disabled { display: none; }
.columns { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 1rem; margin-top: 1.25rem; }
.column { background: #fff; border-radius: 0.75rem; padding: 1rem; border: 1px solid #dfe3ee; min-width: 0; }
.column h2 { font-size: 1.35rem; margin: 0 0 0.5rem; }
.simulated { display: flex; gap: 0.4rem; align-items: center; color: #3b4660; }
.chart { margin: 0 0 0.75rem; }
.chart figcaption { color: #3b4660; font-size: 0.85rem; }
.chart [data-chart] { height: 90px; }
.simulated-line { margin: 0.3rem 0 0.75rem; min-height: 2.6em; color: #3b4660; font-size: 0.95rem; font-variant-numeric: tabular-nums; }
dl { margin: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 0.6rem 0.75rem; }
dl div { display: flex; flex-direction: column-reverse; }
dt { color: #3b4660; font-size: 0.95rem; }
dd { margin: 0; font-size: 1.7rem; font-weight: 700; font-variant-numeric: tabular-nums; }
dd[data-count="empty"] { color: #a3261b; }
dd[data-count="delay"] { font-size: 1.5rem; }
dl div:has([data-count="bytes"]), dl div:has([data-count="delay"]) { grid-column: span 2; }
@media (max-width: 70rem) { .columns { grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); } }
@media (max-width: 30rem) {
  main { padding: 1rem 0.75rem; }
  h1 { font-size: 1.7rem; }
  header p { font-size: 1rem; }
  form { gap: 0.5rem 1rem; font-size: 1rem; }
  .columns { gap: 0.75rem; }
  dd { font-size: 1.45rem; }
}
`;
