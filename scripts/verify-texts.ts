// Everything `pnpm verify` says itself, in English and German (`--lang`, see cli-language.ts). The checks'
// titles and hints are in the task specs (tests/harness/language.ts).
import type { Language } from './cli-language';

const en = {
  help: `Checks your work on an exercise in a real browser.

  pnpm verify [NN] [--part 1|2|3|bonus] [--variant sse] [--solution | --scratch] [--watch] [--lang de|en]
              [--class URL] [--name NAME]

  NN              the exercise, e.g. 03 (inside an exercise folder: that one)
  --part 1        only the checks of Part 1 (2: Part 2, 3: Part 3 of exercise 05)
  --part bonus    only the bonus checks (💯)
  --variant sse   exercise 04: the chat over SSE + POST (pnpm dev:sse); left out without it
  --solution      check the reference solution instead of your work
  --scratch       check your from-scratch copy (pnpm scratch NN) instead of the starter
  --watch         check again every time you save a file, and say what changed (Ctrl+C stops)
  --lang de       in German (default: your system's language)
  --class URL     share the results with the class server (also WORKSHOP_CLASS, in .env too; --class off)
  --name NAME     your name on the class's progress board, remembered in .env
  --help          show this text

Examples: pnpm verify 01 · pnpm verify 04 --part 2 · pnpm verify 04 --variant sse --part 1 · pnpm verify 03 --watch`,
  oneExercise: (got: string) => `One exercise at a time: got ${got}. Run for example "pnpm verify 03".`,
  solutionOrScratch: 'Choose one: --solution or --scratch.',
  partChoices: (got: string) => `--part takes 1, 2, 3 or bonus, not "${got}".`,
  noPartThree: (exercise: string) => `Exercise ${exercise} has Parts 1 and 2; only exercise 05 has a Part 3.`,
  noVariant: (exercise: string, variant: string) =>
    `Exercise ${exercise} has no variant "${variant}" (exercise 04 has --variant sse).`,
  whichExercise: 'Which exercise? Run for example "pnpm verify 03" (or "pnpm verify --help").',
  noScratchCopy: (exercise: string) =>
    `There is no scratch copy of exercise ${exercise} yet: run "pnpm scratch ${exercise}" first.`,
  checking: (folder: string, only: string | undefined) =>
    `Checking ${folder}${only ? ` (only ${only})` : ''} in a browser …\n`,
  exercise: (exercise: string, variant: string | undefined) =>
    `exercise ${exercise}${variant ? ` (${variant.toUpperCase()} variant)` : ''}`,
  partOf: (part: string, whole: string) => `Part ${part} of ${whole}`,
  bonusOf: (whole: string) => `the bonus checks of ${whole}`,
  noChecksFor: (exercise: string, flags: string) =>
    `Exercise ${exercise} has no checks for ${flags}. "pnpm verify --help" lists the choices.`,
  fixFirst: (problem: string) => `Fix this first: ${problem}`,
  variantHasOwnChecks: (variant: string, exercise: string) =>
    `The ${variant.toUpperCase()} variant (bonus) has checks of its own: pnpm verify ${exercise} --variant ${variant}`,
  watching: (folder: string) => `Watching ${folder}: save a file to check again (Ctrl+C stops).`,
  checkingAgain: (time: string, files: string) => `── ${time} · ${files} saved: checking again …`,
  noChange: 'No check changed its result.',
  stoppedWatching: 'Stopped watching.',
  allPass: (selection: string) => `All checks of ${selection} pass. Well done!`,
  requiredPass: (selection: string) =>
    `Every required check of ${selection} passes: the task is done. The bonus checks that fail are optional.`,
  someFail: [
    'Some checks fail. Each failure above says what is missing and which TODO it belongs to;',
    'the README of the exercise has hints for every TODO. Checks marked "Bonus" are optional.',
  ].join('\n'),
  // The summary (verify-summary.ts) and the changes after a save (verify-changes.ts).
  required: 'Required',
  noBonusChecks: 'no bonus checks',
  skipped: (count: number) =>
    count === 1 ? '1 check skipped: it needs' : `${count} checks skipped: they need`,
  passesNow: 'passes now',
  failsNow: 'fails now',
  skippedNow: 'skipped now',
  askToShare: (classUrl: string) =>
    `Share your check results with the class server at ${classUrl}? Only your name and which checks pass ` +
    'leave this laptop, and only to that server.\nYour name (empty: do not share): ',
  sharedAs: (name: string) => `Shared with the class server as ${name}: your name and the check results.`,
  notShared: (exercise: string) =>
    `Not shared with the class server: run "pnpm verify ${exercise} --name <your name>" once to share your results.`,
  shareFailed: (reason: string) => `Could not tell the class server: ${reason}`,
};

type VerifyTexts = typeof en;

const de: VerifyTexts = {
  help: `Prüft deine Lösung einer Übung in einem echten Browser.

  pnpm verify [NN] [--part 1|2|3|bonus] [--variant sse] [--solution | --scratch] [--watch] [--lang de|en]
              [--class URL] [--name NAME]

  NN              die Übung, z. B. 03 (in einem Übungsordner: diese)
  --part 1        nur die Checks von Teil 1 (2: Teil 2, 3: Teil 3 von Übung 05)
  --part bonus    nur die Bonus-Checks (💯)
  --variant sse   Übung 04: der Chat über SSE + POST (pnpm dev:sse); ohne die Option ausgelassen
  --solution      die Musterlösung prüfen statt deiner Arbeit
  --scratch       deine Kopie von Grund auf (pnpm scratch NN) prüfen statt des Starters
  --watch         bei jedem Speichern erneut prüfen und sagen, was sich geändert hat (Strg+C beendet)
  --lang en       auf Englisch (Standard: die Sprache deines Systems)
  --class URL     die Ergebnisse mit dem Klassen-Server teilen (auch WORKSHOP_CLASS, auch in .env; --class off)
  --name NAME     dein Name auf der Fortschrittstafel der Klasse, gemerkt in .env
  --help          diesen Text zeigen

Beispiele: pnpm verify 01 · pnpm verify 04 --part 2 · pnpm verify 04 --variant sse --part 1 · pnpm verify 03 --watch`,
  oneExercise: (got) => `Eine Übung auf einmal: bekommen ${got}. Zum Beispiel "pnpm verify 03".`,
  solutionOrScratch: 'Nur eins von beiden: --solution oder --scratch.',
  partChoices: (got) => `--part nimmt 1, 2, 3 oder bonus, nicht "${got}".`,
  noPartThree: (exercise) => `Übung ${exercise} hat die Teile 1 und 2; nur Übung 05 hat einen Teil 3.`,
  noVariant: (exercise, variant) =>
    `Übung ${exercise} hat keine Variante "${variant}" (Übung 04 hat --variant sse).`,
  whichExercise: 'Welche Übung? Zum Beispiel "pnpm verify 03" (oder "pnpm verify --help").',
  noScratchCopy: (exercise) =>
    `Von Übung ${exercise} gibt es noch keine Kopie in scratch/: zuerst "pnpm scratch ${exercise}".`,
  checking: (folder, only) => `Prüfe ${folder}${only ? ` (nur ${only})` : ''} im Browser …\n`,
  exercise: (exercise, variant) =>
    `Übung ${exercise}${variant ? ` (${variant.toUpperCase()}-Variante)` : ''}`,
  partOf: (part, whole) => `Teil ${part} von ${whole}`,
  bonusOf: (whole) => `die Bonus-Checks von ${whole}`,
  noChecksFor: (exercise, flags) =>
    `Übung ${exercise} hat keine Checks für ${flags}. "pnpm verify --help" zeigt, was es gibt.`,
  fixFirst: (problem) => `Behebe zuerst das: ${problem}`,
  variantHasOwnChecks: (variant, exercise) =>
    `Die ${variant.toUpperCase()}-Variante (Bonus) hat eigene Checks: pnpm verify ${exercise} --variant ${variant}`,
  watching: (folder) => `Beobachte ${folder}: speichere eine Datei, um erneut zu prüfen (Strg+C beendet).`,
  checkingAgain: (time, files) => `── ${time} · ${files} gespeichert: prüfe erneut …`,
  noChange: 'Kein Check hat sein Ergebnis geändert.',
  stoppedWatching: 'Beobachten beendet.',
  allPass: (selection) => `Alle Checks von ${selection} bestehen. Gut gemacht!`,
  requiredPass: (selection) =>
    `Alle Pflicht-Checks von ${selection} bestehen: die Aufgabe ist erledigt. Die fehlenden Bonus-Checks sind freiwillig.`,
  someFail: [
    'Einige Checks schlagen fehl. Jeder Fehler oben sagt, was fehlt und zu welchem TODO es gehört;',
    'das README der Übung hat Hinweise zu jedem TODO. Checks mit „Bonus“ sind freiwillig.',
  ].join('\n'),
  required: 'Pflicht',
  noBonusChecks: 'keine Bonus-Checks',
  skipped: (count) =>
    count === 1 ? '1 Check übersprungen: er braucht' : `${count} Checks übersprungen: sie brauchen`,
  passesNow: 'besteht jetzt',
  failsNow: 'schlägt jetzt fehl',
  skippedNow: 'jetzt übersprungen',
  askToShare: (classUrl) =>
    `Deine Check-Ergebnisse mit dem Klassen-Server ${classUrl} teilen? Nur dein Name und welche Checks ` +
    'bestehen verlassen diesen Laptop, und nur zu diesem Server.\nDein Name (leer: nicht teilen): ',
  sharedAs: (name) => `Mit dem Klassen-Server geteilt als ${name}: dein Name und die Check-Ergebnisse.`,
  notShared: (exercise) =>
    `Nicht mit dem Klassen-Server geteilt: Führ einmal "pnpm verify ${exercise} --name <dein Name>" aus, um deine Ergebnisse zu teilen.`,
  shareFailed: (reason) => `Der Klassen-Server hat nichts bekommen: ${reason}`,
};

export function verifyTexts(language: Language): VerifyTexts {
  return language === 'de' ? de : en;
}
