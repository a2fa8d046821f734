/**
 * CSV exports (participants, join requests, Waiting, Activity): RFC 4180 quoting, and cells that a
 * spreadsheet would run as a formula (a subject starting with `=`, `+`, `-`, `@`) are made plain text.
 */
import { displayNumber } from './phone-format';

/** A phone number in E.164 ("+919876543210"), as the panel shows it; an id that is not a number stays as Zoko gave it. */
export const e164 = displayNumber;

/**
 * A leading formula character (or tab/CR) gets a `'`, so a spreadsheet keeps the cell as text. An E.164 number
 * starts with "+" but is data, not a formula: numbers in that shape stay as they are.
 */
const notFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) && !/^\+\d{6,15}$/.test(text) ? `'${text}` : text);

/** One cell: formula-safe, and quoted when needed. */
export function csvCell(value: string | number | undefined | null): string {
  const text = notFormula(value == null ? '' : String(value));
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type Cell = string | number | undefined | null;

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The same table as text to paste: tab-separated (a spreadsheet splits it into columns), formula-safe too. */
export function toText(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => notFormula((v == null ? '' : String(v)).replace(/[\t\r\n]+/g, ' '));
  return [header, ...rows].map((r) => r.map(cell).join('\t')).join('\n');
}

/** "VIP Customers" on 26 Nov 2026 → "vip-customers-participants-2026-11-26.csv". */
export function exportFileName(subject: string, what: string, now = new Date()): string {
  const slug = subject.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'group';
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `${slug}-${what}-${day}.csv`;
}

/** Saves the text as a file through the browser's download (nothing leaves the machine). */
export function downloadCsv(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' })); // BOM: Excel reads UTF-8
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
