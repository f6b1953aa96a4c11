import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One `<<< @/path#region` line of a deck. */
export interface SnippetImport {
  /** The markdown file the line is in, and its 1-based line number. */
  markdownFile: string;
  line: number;
  /** The imported source file, resolved. */
  sourceFile: string;
  region: string | undefined;
  /** The line-highlighting steps, e.g. `3|5-12|all` from `{3|5-12|all}`; undefined without them. */
  highlights: string | undefined;
}

const SNIPPET_LINE = /^<<<\s+(\S+)(.*)$/;
/** The first `{…}` after the path: Slidev's highlight steps (a second one holds options such as maxHeight). */
const HIGHLIGHTS = /\{([^}]*)\}/;
const SRC_LINE = /^src:\s*(\S+)\s*$/;

/**
 * Every snippet import of a deck, following `src:` imports of shared slides. `@/` is the slides folder,
 * as in Slidev; other paths are relative to the markdown file.
 */
export function findSnippetImports(
  deckFile: string,
  slidesRoot: string,
  seen = new Set<string>(),
): SnippetImport[] {
  const markdownFile = path.resolve(deckFile);
  if (seen.has(markdownFile)) return [];
  seen.add(markdownFile);
  const imports: SnippetImport[] = [];
  const lines = readFileSync(markdownFile, 'utf8').split(/\r?\n/);
  lines.forEach((text, index) => {
    const snippet = SNIPPET_LINE.exec(text);
    if (snippet?.[1]) {
      const [file = '', region] = snippet[1].split('#');
      imports.push({
        markdownFile,
        line: index + 1,
        sourceFile: resolveFrom(file, markdownFile, slidesRoot),
        region,
        highlights: HIGHLIGHTS.exec(snippet[2] ?? '')?.[1],
      });
      return;
    }
    const src = SRC_LINE.exec(text);
    if (src?.[1])
      imports.push(...findSnippetImports(resolveFrom(src[1], markdownFile, slidesRoot), slidesRoot, seen));
  });
  return imports;
}

/** What is wrong with each import: a missing file, or a region without both of its marker lines. */
export function snippetProblems(imports: readonly SnippetImport[]): string[] {
  const problems: string[] = [];
  for (const snippet of imports) {
    const where = `${path.basename(snippet.markdownFile)}:${snippet.line}`;
    if (!existsSync(snippet.sourceFile)) {
      problems.push(`${where}: ${snippet.sourceFile} does not exist`);
      continue;
    }
    if (snippet.region === undefined) continue;
    const source = readFileSync(snippet.sourceFile, 'utf8');
    const name = escapeRegExp(snippet.region);
    const hasStart = new RegExp(`#region ${name}\\s*$`, 'm').test(source);
    const hasEnd = new RegExp(`#endregion ${name}\\s*$`, 'm').test(source);
    if (!hasStart || !hasEnd) {
      problems.push(`${where}: region "${snippet.region}" is missing in ${snippet.sourceFile}`);
      continue;
    }
    problems.push(...highlightProblems(snippet, where));
  }
  return problems;
}

/**
 * Highlight steps that name lines the region does not have (Slidev then highlights nothing on that click,
 * silently), or that Slidev would not understand. Lines count from 1 at the first line inside the region.
 */
function highlightProblems(snippet: SnippetImport, where: string): string[] {
  if (snippet.highlights === undefined) return [];
  const lineCount = regionText(snippet).split('\n').length;
  const problems: string[] = [];
  for (const part of snippet.highlights.split(/[|,]/).map((each) => each.trim())) {
    if (['all', '*', 'none', 'hide', ''].includes(part)) continue;
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) {
      problems.push(`${where}: highlight "${part}" is not a line or a range like 3-5`);
      continue;
    }
    const first = Number(range[1]);
    const last = Number(range[2] ?? range[1]);
    if (first < 1 || last < first || last > lineCount) {
      problems.push(
        `${where}: highlight "${part}" is beyond the ${lineCount} lines of region "${snippet.region}" in ${snippet.sourceFile}`,
      );
    }
  }
  return problems;
}

/** The text between the region's marker lines, as the slide shows it (for the browser tests). */
export function regionText(snippet: SnippetImport): string {
  const lines = readFileSync(snippet.sourceFile, 'utf8').split(/\r?\n/);
  if (snippet.region === undefined) return lines.join('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region ${snippet.region}`);
  const end = lines.findIndex((line) => line.trim() === `// #endregion ${snippet.region}`);
  return lines.slice(start + 1, end).join('\n');
}

function resolveFrom(file: string, markdownFile: string, slidesRoot: string): string {
  if (file.startsWith('@/')) return path.resolve(slidesRoot, file.slice(2));
  return path.resolve(path.dirname(markdownFile), file);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
