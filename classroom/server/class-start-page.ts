// The page a device sees at the class server's address: the command that joins the class, and what runs here.
// It names the address the device itself used, so the command shown is one that works from this network.
import type { ClassRoute } from './class-routes';

export type PageLanguage = 'en' | 'de';

const TEXT = {
  en: {
    title: 'Class server',
    lead: 'One server for the whole room: every student’s page joins the same chat, gets the same notifications and posts to the same idea board.',
    join: 'Start your exercise with the class server (any of 01–05):',
    joinNote: 'Part 1 of your page then talks to this server; Part 2 is still your own server.',
    remember: 'To type it only once, put this line into the file .env at the root of the kit:',
    served: 'What runs here',
    path: 'Path',
    what: 'Reference server',
    phones: 'Phones: scan to open the idea board (05)',
    vote: 'The slides’ poll:',
    arena: 'The technique arena: one feed over five techniques, live, with what each one costs',
  },
  de: {
    title: 'Klassen-Server',
    lead: 'Ein Server für den ganzen Raum: Die Seiten aller Studierenden sind im selben Chat, bekommen dieselben Benachrichtigungen und schreiben aufs selbe Ideenboard.',
    join: 'Starte deine Übung mit dem Klassen-Server (jede von 01–05):',
    joinNote: 'Teil 1 deiner Seite spricht dann mit diesem Server; Teil 2 bleibt dein eigener Server.',
    remember: 'Damit du es nur einmal tippst, schreib diese Zeile in die Datei .env im Hauptordner des Kits:',
    served: 'Was hier läuft',
    path: 'Pfad',
    what: 'Referenz-Server',
    phones: 'Handys: scannen, um das Ideenboard (05) zu öffnen',
    vote: 'Abstimmen bei den Folien:',
    arena: 'Die Technik-Arena: ein Feed über fünf Techniken, live, mit dem, was jede kostet',
  },
} as const;

export interface StartPageInput {
  /** The class server's address as this device reached it, e.g. `http://192.168.1.20:8000`. */
  classUrl: string;
  routes: readonly ClassRoute[];
  language: PageLanguage;
  /** The QR code of the board's address (`boardUrl`) as an SVG element. */
  qrSvg: string;
  /** Where phones open 05's idea board, e.g. `http://192.168.1.20:8000/05/`. */
  boardUrl: string;
  /** Where phones vote in the slides' poll, when the class server serves it (`…/poll/vote`). */
  voteUrl?: string | undefined;
  /** Where the projector and phones watch the technique arena, when the class server runs it (`…/arena/`). */
  arenaUrl?: string | undefined;
}

export function renderStartPage({
  classUrl,
  routes,
  language,
  qrSvg,
  boardUrl,
  voteUrl,
  arenaUrl,
}: StartPageInput): string {
  const text = TEXT[language];
  const vote = voteUrl
    ? `<br>${text.vote} <a href="${escapeHtml(voteUrl)}" data-ui="vote-link"><code>${escapeHtml(voteUrl)}</code></a>`
    : '';
  const arena = arenaUrl
    ? `<a class="card" href="${escapeHtml(arenaUrl)}" data-ui="arena-link"><strong>${text.arena}</strong><code>${escapeHtml(arenaUrl)}</code></a>`
    : '';
  const url = escapeHtml(classUrl);
  const rows = routes
    .map(
      (route) =>
        `<tr><td><code>${route.prefix}</code></td><td>${escapeHtml(route.title[language])}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<h1>${text.title}</h1>
<p class="lead">${text.lead}</p>
${arena}
<section>
<h2>${text.join}</h2>
<pre data-ui="join-command"><code>pnpm dev 04 --class ${url}</code></pre>
<p>${text.joinNote}</p>
<p>${text.remember}</p>
<pre><code>WORKSHOP_CLASS=${url}</code></pre>
</section>
<section class="columns">
<div>
<h2>${text.served}</h2>
<table><thead><tr><th>${text.path}</th><th>${text.what}</th></tr></thead><tbody>${rows}</tbody></table>
</div>
<figure><div class="qr">${qrSvg}</div><figcaption>${text.phones}<br><a href="${escapeHtml(boardUrl)}" data-ui="board-link"><code>${escapeHtml(boardUrl)}</code></a>${vote}</figcaption></figure>
</section>
</main>
</body>
</html>
`;
}

/** German for browsers that ask for it first, English otherwise. */
export function chooseLanguage(acceptLanguage: string | undefined, query: string): PageLanguage {
  const asked = new URLSearchParams(query).get('lang');
  if (asked === 'de' || asked === 'en') return asked;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('de') ? 'de' : 'en';
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLES = `
:root { color-scheme: light; font-family: system-ui, sans-serif; color: #1d2433; background: #f4f6fb; }
body { margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 2.2rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
.lead { font-size: 1.15rem; margin: 0; color: #3b4660; }
pre { background: #1d2433; color: #f4f6fb; padding: 0.8rem 1rem; border-radius: 0.5rem; font-size: 1.05rem;
  white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; background: #fff; border-radius: 0.5rem; overflow: hidden; }
th, td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid #dfe3ee; }
th { background: #e8ecf6; }
.columns { display: flex; gap: 2rem; align-items: flex-start; flex-wrap: wrap; }
.columns > div { flex: 1 1 22rem; }
figure { margin: 1.75rem 0 0; text-align: center; }
.qr svg { width: 14rem; height: 14rem; background: #fff; padding: 0.75rem; border-radius: 0.5rem; }
figcaption { font-size: 0.95rem; color: #3b4660; }
.card { display: block; margin: 1.25rem 0 0; padding: 0.9rem 1.1rem; background: #fff; border: 1px solid #dfe3ee;
  border-radius: 0.75rem; color: inherit; text-decoration: none; }
.card strong { display: block; color: #1f4fd1; font-size: 1.1rem; margin-bottom: 0.25rem; }
.card code { overflow-wrap: anywhere; }
`;
