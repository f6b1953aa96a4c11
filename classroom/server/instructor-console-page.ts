// The instructor's console: a shell page; instructor-console.js fills it from the live event stream and sends
// what the instructor pushes to the reference servers through the class server.
import type { PageLanguage } from './class-start-page';

const TEXT = {
  en: {
    title: 'Instructor console',
    room: 'The room now',
    push: 'Push a notification to every page (01–03)',
    notificationTitle: 'Title',
    message: 'Message',
    progress: 'as a progress notification (03 shows it climbing)',
    send: 'Push',
    chat: 'The class chat (04)',
    chatSay: 'Write as Instructor',
    say: 'Send',
    chatLog: 'Latest messages: delete one, or mute its name',
    slowMode: 'Slow mode: one message per name every',
    slowOff: 'off',
    setSlow: 'Set',
    clear: 'Clear the chat',
    muted: 'Muted names',
    progressBoard: 'Progress of the room',
    defaultTitle: 'Hello room',
    defaultMessage: 'Sent live from the console',
    board: 'The idea board (05): rounds and alerts',
    boardNote: 'Every phone and page on /05 counts down the same round.',
    ideas: 'Start: 8 ideas',
    pair: 'Start: pair',
    share: 'Start: share',
    alert: 'Alert to every board',
    alertSend: 'Send alert',
  },
  de: {
    title: 'Konsole für Lehrende',
    room: 'Der Raum gerade',
    push: 'Eine Benachrichtigung an alle Seiten schicken (01–03)',
    notificationTitle: 'Titel',
    message: 'Nachricht',
    progress: 'als Fortschrittsmeldung (03 zeigt sie steigen)',
    send: 'Schicken',
    chat: 'Der Klassen-Chat (04)',
    chatSay: 'Als Instructor schreiben',
    say: 'Senden',
    chatLog: 'Neueste Nachrichten: eine löschen oder ihren Namen stummschalten',
    slowMode: 'Langsamer Modus: eine Nachricht pro Name alle',
    slowOff: 'aus',
    setSlow: 'Setzen',
    clear: 'Chat leeren',
    muted: 'Stummgeschaltete Namen',
    progressBoard: 'Fortschritt im Raum',
    defaultTitle: 'Hallo Raum',
    defaultMessage: 'Live aus der Konsole geschickt',
    board: 'Das Ideenboard (05): Runden und Hinweise',
    boardNote: 'Alle Handys und Seiten auf /05 zählen dieselbe Runde herunter.',
    ideas: 'Start: 8 Ideen',
    pair: 'Start: zu zweit',
    share: 'Start: teilen',
    alert: 'Hinweis an alle Boards',
    alertSend: 'Hinweis senden',
  },
} as const;

export function renderInstructorConsolePage(language: PageLanguage): string {
  const text = TEXT[language];
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
<p id="status" role="status"></p>
<div class="panels">
<section>
<h2>${text.room}</h2>
<div id="room"></div>
</section>
<section>
<h2>${text.push}</h2>
<form id="push" class="stack">
<label>${text.notificationTitle} <input name="title" required maxlength="100" value="${text.defaultTitle}"></label>
<label>${text.message} <input name="message" required maxlength="500" value="${text.defaultMessage}"></label>
<label class="inline"><input type="checkbox" name="progress"> ${text.progress}</label>
<button>${text.send}</button>
<output name="result"></output>
</form>
<h2>${text.chat}</h2>
<form id="chat" class="stack">
<label>${text.chatSay} <input name="message" required maxlength="1000"></label>
<button>${text.say}</button>
<output name="result"></output>
</form>
<form id="moderation" class="stack">
<p class="note">${text.chatLog}</p>
<ol id="chat-log" class="chat-log"></ol>
<div class="buttons">
<label class="inline">${text.slowMode} <select name="seconds">
<option value="0">${text.slowOff}</option><option value="10">10 s</option><option value="30">30 s</option><option value="60">60 s</option>
</select></label>
<button name="action" value="slow">${text.setSlow}</button>
<button name="action" value="clear" class="danger">${text.clear}</button>
</div>
<p class="note">${text.muted}: <span id="muted">–</span></p>
<output name="result"></output>
</form>
<h2>${text.board}</h2>
<form id="round" class="stack">
<p class="note">${text.boardNote}</p>
<div class="buttons">
<button name="phase" value="ideas">${text.ideas}</button>
<button name="phase" value="pair">${text.pair}</button>
<button name="phase" value="share">${text.share}</button>
</div>
<output name="result"></output>
</form>
<form id="alert" class="stack">
<label>${text.alert} <input name="text" required maxlength="280"></label>
<button>${text.alertSend}</button>
<output name="result"></output>
</form>
</section>
</div>
<h2>${text.progressBoard}</h2>
<div id="board" aria-live="polite"></div>
</main>
<script type="module" src="/instructor/console.js"></script>
</body>
</html>
`;
}

const STYLES = `
:root { font-family: system-ui, sans-serif; color: #1d2433; background: #f4f6fb; }
body { margin: 0; }
main { padding: 1.5rem 2rem 3rem; }
h1 { font-size: 2rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 0.5rem; }
#status { margin: 0 0 0.5rem; color: #3b4660; }
#status.problem { color: #a3261b; font-weight: 600; }
.panels { display: flex; gap: 2.5rem; flex-wrap: wrap; align-items: flex-start; }
.panels > section { flex: 1 1 min(26rem, 100%); min-width: 0; }
#room, #board section { overflow-x: auto; }
form.stack { display: grid; gap: 0.5rem; max-width: 32rem; }
label { display: grid; gap: 0.2rem; font-weight: 600; }
label.inline { display: flex; gap: 0.5rem; font-weight: 400; align-items: center; }
input:not([type]), input[type="text"] { font: inherit; font-weight: 400; padding: 0.4rem 0.6rem; border: 1px solid #b9c1d4; border-radius: 0.4rem; }
button { font: inherit; font-weight: 600; justify-self: start; padding: 0.45rem 1.2rem; border: 0; border-radius: 0.4rem;
  background: #1f4fd1; color: #fff; cursor: pointer; }
output { min-height: 1.2em; color: #3b4660; }
.buttons { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.note { margin: 0; color: #3b4660; }
output.problem { color: #a3261b; }
table { border-collapse: collapse; background: #fff; border-radius: 0.5rem; overflow: hidden; font-size: 1.05rem; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid #dfe3ee; text-align: center; }
th { background: #e8ecf6; font-weight: 600; }
th.student, td.student, td.path { text-align: left; }
th.student, td.student { min-width: 9rem; }
td.number { font-variant-numeric: tabular-nums; min-width: 4.5rem; }
td.check { width: 2.2rem; font-weight: 700; }
td.passed { background: #d8f3df; color: #17602c; }
td.failed { background: #fbdcd8; color: #a3261b; }
td.skipped { background: #eef0f5; color: #6b7385; }
td.score { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.time { color: #6b7385; font-size: 0.9rem; white-space: nowrap; }
ol.legend { max-width: 60rem; font-size: 0.9rem; color: #3b4660; padding-left: 1.5rem; }
ol.legend li { margin: 0.15rem 0; }
.empty { color: #6b7385; }
select { font: inherit; padding: 0.3rem 0.4rem; border: 1px solid #b9c1d4; border-radius: 0.4rem; }
button.danger { background: #a3261b; }
button.small { padding: 0.15rem 0.6rem; font-size: 0.85rem; background: #e8ecf6; color: #1d2433; }
ol.chat-log { list-style: none; margin: 0; padding: 0; max-height: 16rem; overflow-y: auto; background: #fff;
  border: 1px solid #dfe3ee; border-radius: 0.5rem; }
ol.chat-log li { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.35rem 0.6rem; border-bottom: 1px solid #eef0f5; }
ol.chat-log li:last-child { border-bottom: 0; }
ol.chat-log .author { font-weight: 600; white-space: nowrap; }
ol.chat-log .text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
ol.chat-log .empty { padding: 0.35rem 0.6rem; }
#muted button { margin-left: 0.3rem; }
@media (max-width: 40rem) {
  main { padding: 1rem; }
  th, td { padding: 0.3rem 0.4rem; }
}
`;
