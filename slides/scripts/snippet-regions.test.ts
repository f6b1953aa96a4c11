import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSnippetImports, regionText, snippetProblems } from './snippet-regions';

/** A slides folder with one deck, one shared page and one source file beside it. */
function fixture(): { slides: string; deck: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'snippets-'));
  const slides = path.join(root, 'slides');
  mkdirSync(path.join(slides, 'pages'), { recursive: true });
  mkdirSync(path.join(root, 'solutions'));
  writeFileSync(
    path.join(root, 'solutions', 'app.ts'),
    ['// #region greet', 'export function greet() {', "  return 'hi';", '}', '// #endregion greet', ''].join(
      '\n',
    ),
  );
  writeFileSync(path.join(slides, 'pages', 'code.md'), '# Code\n\n<<< @/../solutions/app.ts#greet ts {2}\n');
  writeFileSync(
    path.join(slides, 'talk.de.md'),
    '# Talk\n\n---\nsrc: ./pages/code.md\n---\n\n<<< @/../solutions/app.ts#missing ts\n<<< @/../solutions/gone.ts#x\n',
  );
  return { slides, deck: path.join(slides, 'talk.de.md') };
}

describe('snippet regions', () => {
  it('fails a highlight step that names a line beyond the region', () => {
    const { slides } = fixture();
    const deck = path.join(slides, 'steps.en.md');
    // The region "greet" has 3 lines.
    writeFileSync(
      deck,
      [
        '<<< @/../solutions/app.ts#greet ts {1|2-3|all}',
        "<<< @/../solutions/app.ts#greet ts {1|3-5|all}{maxHeight:'300px'}",
        '<<< @/../solutions/app.ts#greet ts {2,7}',
        '<<< @/../solutions/app.ts#greet ts {two}',
        '<<< @/../solutions/app.ts#greet ts',
      ].join('\n'),
    );
    const problems = snippetProblems(findSnippetImports(deck, slides));
    expect(problems).toEqual([
      expect.stringMatching(
        /^steps\.en\.md:2: highlight "3-5" is beyond the 3 lines of region "greet" in .*app\.ts$/,
      ),
      expect.stringMatching(/^steps\.en\.md:3: highlight "7" is beyond the 3 lines/),
      'steps.en.md:4: highlight "two" is not a line or a range like 3-5',
    ]);
  });

  it('finds no problem in the real decks: every region exists and every highlight step is inside it', () => {
    const slidesRoot = path.resolve(import.meta.dirname, '..');
    for (const deck of ['workshop.de.md', 'workshop.en.md', 'pubsub.de.md', 'pubsub.en.md']) {
      expect(snippetProblems(findSnippetImports(path.join(slidesRoot, deck), slidesRoot)), deck).toEqual([]);
    }
  });

  it('finds imports in the deck and in the slides it imports with src:', () => {
    const { slides, deck } = fixture();
    const imports = findSnippetImports(deck, slides);
    expect(imports.map((snippet) => snippet.region)).toEqual(['greet', 'missing', 'x']);
    expect(imports[0]?.sourceFile).toBe(path.resolve(slides, '..', 'solutions', 'app.ts'));
  });

  it('names every missing region and file, with the line that imports it', () => {
    const { slides, deck } = fixture();
    const problems = snippetProblems(findSnippetImports(deck, slides));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^talk\.de\.md:7: region "missing" is missing in .*app\.ts$/);
    expect(problems[1]).toMatch(/^talk\.de\.md:8: .*gone\.ts does not exist$/);
  });

  it('returns the text between the markers', () => {
    const { slides, deck } = fixture();
    const [greet] = findSnippetImports(deck, slides);
    if (!greet) throw new Error('no import found');
    expect(regionText(greet)).toBe("export function greet() {\n  return 'hi';\n}");
  });
});
