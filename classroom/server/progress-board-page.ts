// The instructor's progress board: a shell page; progress-board.js fills it from the live event stream.
import type { PageLanguage } from './class-start-page';

const TITLE = { en: 'Progress of the room', de: 'Fortschritt im Raum' } as const;

export function renderProgressBoardPage(language: PageLanguage): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE[language]}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<h1>${TITLE[language]}</h1>
<p id="status" role="status"></p>
<div id="board" aria-live="polite"></div>
</main>
<script type="module" src="/instructor/progress-board.js"></script>
</body>
</html>
`;
}

const STYLES = `
:root { font-family: system-ui, sans-serif; color: #1d2433; background: #f4f6fb; }
body { margin: 0; }
main { padding: 1.5rem 2rem 3rem; }
h1 { font-size: 2rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 0.5rem; }
#status { margin: 0 0 1rem; color: #3b4660; }
#status.problem { color: #a3261b; font-weight: 600; }
table { border-collapse: collapse; background: #fff; border-radius: 0.5rem; overflow: hidden; font-size: 1.05rem; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid #dfe3ee; text-align: center; }
th { background: #e8ecf6; font-weight: 600; }
th.student, td.student { text-align: left; min-width: 9rem; }
td.check { width: 2.2rem; font-weight: 700; }
td.passed { background: #d8f3df; color: #17602c; }
td.failed { background: #fbdcd8; color: #a3261b; }
td.skipped { background: #eef0f5; color: #6b7385; }
td.score { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.time { color: #6b7385; font-size: 0.9rem; white-space: nowrap; }
ol.legend { max-width: 60rem; font-size: 0.9rem; color: #3b4660; padding-left: 1.5rem; }
ol.legend li { margin: 0.15rem 0; break-inside: avoid; }
.empty { color: #6b7385; }
`;
