/** A GitHub markdown table; the first row is the header. */
export function markdownTable(rows: string[][]): string {
  const [header, ...body] = rows;
  if (!header) return '';
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const separator = header.map(() => '---');
  return [line(header), line(separator), ...body.map(line)].join('\n');
}
