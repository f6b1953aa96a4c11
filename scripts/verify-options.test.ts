import { describe, expect, it } from 'vitest';
import { findExercise } from './exercise-catalog';
import {
  checkSelection,
  describeSelection,
  grepFor,
  grepInvertFor,
  listVariants,
  parseVerifyArgs,
} from './verify-options';

/** A title as Playwright's --grep sees it: file, groups and check, joined by spaces. */
const WEBSOCKET_PART_1 =
  'tests/04-websocket-chat/task.spec.ts WebSocket chat Part 1 · client (client/index.ts) shows';
const SSE_PART_1 =
  'tests/04-websocket-chat/task.spec.ts Bonus · SSE variant (pnpm dev:sse) Part 1 · client (client/index.sse.ts) shows';
const GERMAN_SSE_PART_2 =
  'tests/04-websocket-chat/task.spec.ts Bonus · SSE-Variante (pnpm dev:sse) Teil 2 · Server (server/sse-chat.ts) sendet';
const WEBSOCKET_BONUS =
  'tests/04-websocket-chat/task.spec.ts WebSocket chat Part 2 · server Bonus: refuses origins';

/** The options as parsed in English, whatever language this machine has. */
function parse(argv: string[]) {
  return parseVerifyArgs([...argv, '--lang', 'en']);
}

function matches(grep: string | undefined, title: string): boolean {
  return grep === undefined || new RegExp(grep).test(title);
}

describe('parseVerifyArgs', () => {
  it('reads the exercise, the part, the variant and --solution', () => {
    expect(parse(['04', '--part', '2', '--variant', 'SSE', '--solution'])).toEqual({
      query: '04',
      solution: true,
      scratch: false,
      part: '2',
      variant: 'sse',
      watch: false,
      help: false,
      language: 'en',
      classUrl: undefined,
      name: undefined,
    });
    expect(parseVerifyArgs(['03', '--lang', 'de']).language).toBe('de');
    expect(parse(['03', '--class', 'http://10.0.0.9:8000', '--name', 'Ada'])).toMatchObject({
      classUrl: 'http://10.0.0.9:8000',
      name: 'Ada',
    });
    expect(parse([]).query).toBeUndefined();
    expect(parse(['03', '--watch']).watch).toBe(true);
    expect(parse(['--help']).help).toBe(true);
  });

  it('says what to type instead of a wrong part, two exercises or an unknown option', () => {
    expect(() => parse(['01', '--part', '4'])).toThrow('--part takes 1, 2, 3 or bonus, not "4"');
    expect(() => parse(['01', '02'])).toThrow('One exercise at a time');
    expect(() => parse(['01', '--fast'])).toThrow(/fast/);
    expect(() => parseVerifyArgs(['01', '--part', '4', '--lang', 'de'])).toThrow(
      '--part nimmt 1, 2, 3 oder bonus, nicht "4".',
    );
    expect(() => parseVerifyArgs(['01', '--lang', 'fr'])).toThrow('--lang takes de or en');
  });
});

describe('checkSelection', () => {
  it('knows which exercises have a Part 3 and a variant', () => {
    const options = parse(['01']);
    expect(() => checkSelection(findExercise('01'), { ...options, part: '3' })).toThrow('only exercise 05');
    expect(() => checkSelection(findExercise('05'), { ...options, part: '3' })).not.toThrow();
    expect(() => checkSelection(findExercise('04'), { ...options, variant: 'sse' })).not.toThrow();
    expect(() => checkSelection(findExercise('03'), { ...options, variant: 'sse' })).toThrow(
      'no variant "sse"',
    );
    expect(() => checkSelection(findExercise('04'), { ...options, variant: '../x' })).toThrow('no variant');
  });
});

describe('grepFor', () => {
  it('picks the checks of a part, of a variant, or both', () => {
    expect(grepFor({ part: undefined, variant: undefined })).toBeUndefined();
    const part1 = grepFor({ part: '1', variant: undefined });
    expect([WEBSOCKET_PART_1, SSE_PART_1, WEBSOCKET_BONUS].map((title) => matches(part1, title))).toEqual([
      true,
      true,
      false,
    ]);
    const ssePart1 = grepFor({ part: '1', variant: 'sse' });
    expect([WEBSOCKET_PART_1, SSE_PART_1].map((title) => matches(ssePart1, title))).toEqual([false, true]);
    expect(matches(grepFor({ part: '2', variant: 'sse' }), GERMAN_SSE_PART_2)).toBe(true);
    expect(matches(grepFor({ part: '1', variant: undefined }), GERMAN_SSE_PART_2)).toBe(false);
    const bonus = grepFor({ part: 'bonus', variant: undefined });
    expect([WEBSOCKET_PART_1, SSE_PART_1, WEBSOCKET_BONUS].map((title) => matches(bonus, title))).toEqual([
      false,
      true,
      true,
    ]);
  });
});

describe('describeSelection', () => {
  it('names what was checked, for the closing line', () => {
    const options = parse(['04']);
    const chat = findExercise('04');
    expect(describeSelection(chat, options)).toBe('exercise 04');
    expect(describeSelection(chat, { ...options, part: '2' })).toBe('Part 2 of exercise 04');
    expect(describeSelection(chat, { ...options, part: 'bonus', variant: 'sse' })).toBe(
      'the bonus checks of exercise 04 (SSE variant)',
    );
    const german = { ...options, language: 'de' as const };
    expect(describeSelection(chat, { ...german, part: '2' })).toBe('Teil 2 von Übung 04');
    expect(describeSelection(chat, { ...german, part: 'bonus', variant: 'sse' })).toBe(
      'die Bonus-Checks von Übung 04 (SSE-Variante)',
    );
  });
});

describe('grepInvertFor', () => {
  it('leaves out the checks of every variant unless one is asked for', () => {
    const invert = grepInvertFor(['sse'], { variant: undefined }) ?? '';
    expect(new RegExp(invert).test(SSE_PART_1)).toBe(true);
    expect(new RegExp(invert).test(WEBSOCKET_PART_1)).toBe(false);
    expect(new RegExp(invert).test(GERMAN_SSE_PART_2)).toBe(true);
    expect(grepInvertFor(['sse'], { variant: 'sse' })).toBeUndefined();
    expect(grepInvertFor([], { variant: undefined })).toBeUndefined();
  });

  it('finds 04’s SSE variant from its server files, and none in 01', () => {
    expect(listVariants(findExercise('04'))).toEqual(['sse']);
    expect(listVariants(findExercise('01'))).toEqual([]);
  });
});
