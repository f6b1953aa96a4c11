import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listExercises } from './exercise-catalog';
import { measureLesson, type PartSize } from './lesson-size';

/** "about 30": the measured count to the nearest 5, and never 0 for code that is there. */
function about(lines: number): number {
  return Math.max(5, Math.round(lines / 5) * 5);
}

/** The numbers a README row must say for a part: the required lines, then the bonus lines if any. */
function expectedNumbers(size: PartSize): number[] {
  return [size.required, size.bonus].filter((lines) => lines > 0).map(about);
}

/** The "you write" table of a README: part (`1`, `2`, `3`, `S`, `B`) → the numbers its row says. */
function readTable(readme: string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const [first = '', second = ''] = cells.slice(1);
    const part = partOfRow(first);
    if (!part || !/(about|etwa) \d+/.test(second)) continue;
    rows.set(
      part,
      [...second.matchAll(/(?:about|etwa) (\d+)/g)].map((match) => Number(match[1])),
    );
  }
  return rows;
}

function partOfRow(cell: string): string | undefined {
  const numbered = /^(?:Part|Teil) (\d)\b/.exec(cell);
  if (numbered) return numbered[1];
  if (/^Variante? ·/.test(cell)) return 'S';
  if (/^Bonus ·/.test(cell)) return 'B';
  return undefined;
}

describe('the lines a student writes, as each README says them', () => {
  for (const exercise of listExercises()) {
    const measured = measureLesson(exercise.starterDir, exercise.solutionDir);

    it(`${exercise.name}: every part has TODOs with code behind them`, () => {
      expect(measured.length).toBeGreaterThanOrEqual(2);
      for (const size of measured) expect(size.required + size.bonus).toBeGreaterThan(0);
    });

    for (const readmeName of ['README.md', 'README.de.md']) {
      it(`${exercise.name}/${readmeName} names the measured lines per part`, () => {
        const table = readTable(readFileSync(path.join(exercise.starterDir, readmeName), 'utf8'));
        const wanted = new Map(measured.map((size) => [size.part, expectedNumbers(size)]));
        expect(Object.fromEntries(table), `measured: ${JSON.stringify(measured)}`).toEqual(
          Object.fromEntries(wanted),
        );
      });
    }
  }
});
