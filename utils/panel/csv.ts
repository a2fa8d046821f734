/**
 * CSV exports (participants, join requests, Waiting, Activity): RFC 4180 quoting, and cells that a
 * spreadsheet would run as a formula (a subject starting with `=`, `+`, `-`, `@`) are made plain text.
 * The file is written with `,`, but a spreadsheet set to another locale splits it on `;` or tabs, and then
 * the middle of a quoted cell ("Ana;=1+1;") starts a cell of its own: separators of every locale are quoted,
 * and a formula start after any of them is made plain text too. Times are the agent's local time with their
 * offset (agents read them in a spreadsheet, not as UTC).
 */
import { i18n } from '#i18n';
import type { ActivityEntry, JoinRequest } from '../domain';
import { displayNumber } from './phone-format';
import type { WaitingRow } from './waiting-model';

/** A phone number in E.164 ("+919876543210"), as the panel shows it; an id that is not a number stays as Zoko gave it. */
export const e164 = displayNumber;

/** What splits cells in some locale's spreadsheet (`,` `;` tab) or rows (a line break). */
const SEPARATOR = /[,;\t\r\n]/;
/**
 * A formula start (`=` `+` `-` `@`) where a spreadsheet may begin a cell: at the start, or after a separator
 * of any locale, with spaces or quotes between (a mis-split cell may begin with either). An E.164 number
 * there ("+919876543210", alone up to the next separator) starts with "+" but is data: at worst a
 * spreadsheet shows it as a number, it cannot call anything, so numbers stay readable as they are.
 */
const FORMULA_WHERE_A_CELL_BEGINS = /((?:^|[,;\t\r\n])[ "]*)(?=[=\-@]|\+(?!\d{6,15} *(?:[,;\t\r\n]|$)))/g;

/** A formula character (or a leading tab/CR) where a cell may begin gets a `'` before it: the spreadsheet keeps the text. */
function notFormula(text: string): string {
  const plain = text.replace(FORMULA_WHERE_A_CELL_BEGINS, "$1'");
  return /^[\t\r]/.test(plain) ? `'${plain}` : plain;
}

/** One cell: formula-safe, and quoted when it holds a quote or a separator of any locale. */
export function csvCell(value: string | number | undefined | null): string {
  const text = notFormula(value == null ? '' : String(value));
  return /"/.test(text) || SEPARATOR.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type Cell = string | number | undefined | null;

/** A table to export: its header row and its rows. */
export interface Table { header: string[]; rows: Cell[][] }

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-12-02 14:05:09 +05:30": the agent's wall time, with the UTC offset of that instant (so a time on the
 * other side of a DST change carries its own offset). Agents read exports in a spreadsheet, where UTC ISO
 * strings read as the wrong hour; this text still sorts by time within one offset.
 */
export function localTimestamp(ms: number, offsetMinutes = -new Date(ms).getTimezoneOffset()): string {
  const d = new Date(ms + offsetMinutes * 60_000); // read through the UTC getters: the wall time at that offset
  const abs = Math.abs(offsetMinutes);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} `
    + `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} `
    + `${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** Whole minutes waited by `now` (a number a spreadsheet can sort and sum); empty when the time is unknown. */
export function waitedMinutes(createdAt: number, now: number): number | undefined {
  return createdAt > 0 ? Math.max(0, Math.floor((now - createdAt) / 60_000)) : undefined;
}

const askedAt = (createdAt: number) => (createdAt > 0 ? localTimestamp(createdAt) : '');

/** Waiting, as exported: how long each person has waited and the seats free in their group at `now`. */
export function waitingTable(rows: WaitingRow[], seatsLeftIn: (groupId: string) => number | undefined, now = Date.now()): Table {
  return {
    header: [i18n.t('export.name'), i18n.t('export.number'), i18n.t('export.group'), i18n.t('export.asked'),
      i18n.t('export.waited'), i18n.t('export.seatsLeft'), i18n.t('export.requestId')],
    rows: rows.map((r) => [r.name, e164(r.waId), r.subject, askedAt(r.createdAt), waitedMinutes(r.createdAt, now), seatsLeftIn(r.groupId), r.id]),
  };
}

/** One group's join requests, as exported. */
export function joinRequestsTable(requests: JoinRequest[], now = Date.now()): Table {
  return {
    header: [i18n.t('export.name'), i18n.t('export.number'), i18n.t('export.asked'), i18n.t('export.waited'), i18n.t('export.requestId')],
    rows: requests.map((r) => [r.name, e164(r.waId), askedAt(r.createdAt), waitedMinutes(r.createdAt, now), r.id]),
  };
}

/** Activity, as exported; `sentence` says what each entry did, as the screen does. */
export function activityTable(entries: ActivityEntry[], sentence: (e: ActivityEntry) => string): Table {
  return {
    header: [i18n.t('export.time'), i18n.t('export.action'), i18n.t('export.group'), i18n.t('export.name'), i18n.t('export.outcome'), i18n.t('export.detail')],
    rows: entries.map((e) => [localTimestamp(e.at), sentence(e), e.subject, (e.who ?? []).map((w) => e164(w.replace(/^\+/, ''))).join('; '), e.outcome, e.detail]),
  };
}

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
