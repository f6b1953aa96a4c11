/**
 * A GitHub markdown table; the first row is the header. Columns are padded to one width, as the repository's
 * formatter (Biome) writes tables, so a regenerated report passes `pnpm lint` as it is.
 */
export function markdownTable(rows: string[][]): string {
  const [header, ...body] = rows;
  if (!header) return '';
  const widths = header.map((_, column) => Math.max(3, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  const separator = widths.map((width) => '-'.repeat(width));
  return [line(header), line(separator), ...body.map(line)].join('\n');
}
