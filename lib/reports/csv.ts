import 'server-only';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null | undefined;

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading tab or
 * carriage return) gets a leading apostrophe: CSV injection (OWASP).
 */
export function neutralise(cell: Cell): string {
  const text = cell === null || cell === undefined ? '' : String(cell);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 text with a BOM (spreadsheets then read UTF-8, e.g. Japanese names), every cell neutralised. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return (
    '\uFEFF' +
    stringify(
      [header, ...rows].map((row) => row.map(neutralise)),
      { record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
    )
  );
}

/** A download response; the file name is ASCII so no header encoding is needed. */
export function csvResponse(fileName: string, body: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
