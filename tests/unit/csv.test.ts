// CSV exports: quoting, numbers in E.164, and cells a spreadsheet would run as formulas made plain text.
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../utils/domain';
import { csvCell, e164, exportFileName, joinRequestsTable, localTimestamp, toCsv, toText, waitingTable } from '../../utils/panel/csv';
import { createDecisionsInFlight } from '../../utils/panel/decisions-in-flight';
import type { Port } from '../../utils/panel/port';
import { createWaitingModel, type WaitingRow } from '../../utils/panel/waiting-model';

describe('csv cells', () => {
  it.each([
    ['plain', 'plain'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTab', `"'\tTab"`], // a tab splits cells in a tab-separated locale: quoted as well
    ['\rCR', `"'\rCR"`],
    ['+919876543210', '+919876543210'], // a number in E.164 is data
    ['Asha, Ravi', '"Asha, Ravi"'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(csvCell(input)).toBe(output));
});

describe('csv cells opened in a spreadsheet of any locale (separator , ; or tab)', () => {
  it.each([
    // A separator of any locale, a quote or a line break: quoted.
    ['Ana; Ravi', '"Ana; Ravi"'],
    ['Ana\tRavi', '"Ana\tRavi"'],
    ['say "hi"', '"say ""hi"""'],
    ['a\r\nb', '"a\r\nb"'],
    // A formula start after any separator is plain text too: a ;-locale splits "Ana;=1+1;" into Ana | =1+1 | .
    ['Ana;=1+1;', `"Ana;'=1+1;"`],
    ['Ana,=1+1', `"Ana,'=1+1"`],
    ['Ana\t@SUM(A1)', `"Ana\t'@SUM(A1)"`],
    ['Ana\n-2+3', `"Ana\n'-2+3"`],
    ['Ana\r+cmd', `"Ana\r'+cmd"`],
    ['Ana; =1+1', `"Ana; '=1+1"`], // spaces before it
    ['Ana;"=1+1"', `"Ana;""'=1+1"""`], // a quote before it
    ['"=1+1"', `"""'=1+1"""`],
    [' =1+1', " '=1+1"],
    ['=1;=2', `"'=1;'=2"`],
    // Numbers stay readable: an E.164 number alone in its cell or between separators is data.
    ['+919876543210; +447911123456', '"+919876543210; +447911123456"'],
    ['+919876543210;=1+1', `"+919876543210;'=1+1"`],
    ['+91 98765 43210', "'+91 98765 43210"], // not E.164: a spreadsheet would compute it
    ['+919876543210x', "'+919876543210x"],
    ['Jean-Luc', 'Jean-Luc'], // a formula character inside a word starts nothing
    ['a=b', 'a=b'],
    [42, '42'],
    [null, ''],
  ])('%j → %j', (input, output) => expect(csvCell(input)).toBe(output));
});

describe('csv files', () => {
  it('numbers in E.164, ids as given; a header row; CRLF lines', () => {
    expect(e164('919876543210')).toBe('+919876543210');
    expect(e164('IN.8f3a2c71d0')).toBe('IN.8f3a2c71d0');
    expect(toCsv(['Name', 'Number'], [['Asha', e164('919876543210')], ['=1+1', 'IN.x']])).toBe('Name,Number\r\nAsha,+919876543210\r\n\'=1+1,IN.x\r\n');
  });

  it('file names carry the group and the date', () => {
    expect(exportFileName('VIP Customers', 'participants', new Date(2026, 10, 26))).toBe('vip-customers-participants-2026-11-26.csv');
    expect(exportFileName('दिवाली सेल', 'waiting', new Date(2026, 0, 5))).toMatch(/-waiting-2026-01-05\.csv$/);
  });
});

describe('copied as text', () => {
  it('tab-separated, one line per row, formula-safe, no stray tabs or line breaks inside a cell', () => {
    expect(toText(['Name', 'Number'], [['Asha\tPatel', '+919876543210'], ['=cmd|x', 'two\nlines']]))
      .toBe("Name\tNumber\nAsha Patel\t+919876543210\n'=cmd|x\ttwo lines");
  });

  it('a paste split on ; or , (a spreadsheet remembers the last import\'s separators) runs no formula either', () => {
    expect(toText(['Name'], [['Ana;=1+1;'], ['Ana,@x'], ['+919876543210; +447911123456']]))
      .toBe("Name\nAna;'=1+1;\nAna,'@x\n+919876543210; +447911123456");
  });
});

describe('local times in exports', () => {
  const at = Date.UTC(2026, 11, 2, 8, 35, 9); // 2026-12-02 08:35:09 UTC

  it.each([
    [330, '2026-12-02 14:05:09 +05:30'], // India
    [-300, '2026-12-02 03:35:09 -05:00'], // New York in winter
    [-570, '2026-12-01 23:05:09 -09:30'], // Marquesas: back across midnight, half an hour
    [0, '2026-12-02 08:35:09 +00:00'],
  ])('offset %i min → %s', (offset, text) => expect(localTimestamp(at, offset)).toBe(text));

  it('each instant carries its own offset across a DST change (Madrid, 29 Mar 2026: +01:00 → +02:00)', () => {
    const before = Date.UTC(2026, 2, 29, 0, 59, 59);
    const after = Date.UTC(2026, 2, 29, 1, 0, 0);
    expect(localTimestamp(before, 60)).toBe('2026-03-29 01:59:59 +01:00');
    expect(localTimestamp(after, 120)).toBe('2026-03-29 03:00:00 +02:00');
  });

  it('by default, the offset is the machine\'s at that instant', () => {
    for (const ms of [at, Date.UTC(2026, 6, 1, 12)]) {
      const offset = -new Date(ms).getTimezoneOffset();
      expect(localTimestamp(ms)).toBe(localTimestamp(ms, offset));
      const local = new Date(ms);
      expect(localTimestamp(ms).slice(0, 16)).toBe(`${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-`
        + `${String(local.getDate()).padStart(2, '0')} ${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`);
    }
  });
});

describe('Waiting and join requests exports', () => {
  const now = Date.UTC(2026, 11, 2, 12, 0, 0);
  const row = (id: string, groupId: string, createdAt: number, seatsLeft: number): WaitingRow =>
    ({ id, waId: '919876543210', createdAt, customerId: '', name: `Person ${id}`, groupId, subject: `Group ${groupId}`, seatsLeft });

  it('Waiting: "Waited (min)" in whole minutes and "Seats left" of the group now; empty when unknown', () => {
    const seats = new Map([['a', 3], ['b', 0]]);
    const table = waitingTable([
      row('r1', 'a', now - 65 * 60_000 - 59_000, 7), // 65 min 59 s: 65 whole minutes; the row's older seat count is not used
      row('r2', 'b', now - 30_000, 0),
      row('r3', 'gone', 0, 2), // no time known, group no longer known
    ], (id) => seats.get(id), now);
    expect(table.header).toEqual(['Name', 'Number or id', 'Group', 'Asked at', 'Waited (min)', 'Seats left', 'Request id']);
    expect(table.rows.map((r) => [r[0], r[4], r[5]])).toEqual([['Person r1', 65, 3], ['Person r2', 0, 0], ['Person r3', undefined, undefined]]);
    expect(table.rows[0]![3]).toBe(localTimestamp(now - 65 * 60_000 - 59_000));
    expect(table.rows[2]![3]).toBe('');
    expect(toCsv(table.header, table.rows).split('\r\n')[3]).toBe('Person r3,+919876543210,Group gone,,,,r3');
  });

  it('Waiting: seats come from the model\'s seat rule (8 less those joined, less approvals on their way)', () => {
    const groups: Group[] = [
      { id: 'a', whatsappGroupId: '', subject: 'A', inviteLink: '', autoApproval: false, participantCount: 5, createdAt: '', updatedAt: '' },
      { id: 'b', whatsappGroupId: '', subject: 'B', inviteLink: '', autoApproval: false, participantCount: 9, createdAt: '', updatedAt: '' },
    ];
    const inFlight = createDecisionsInFlight();
    const asking = { id: 'q1', waId: '919876543210', createdAt: now, customerId: '', name: 'Asha' };
    const model = createWaitingModel({} as Port, () => groups, signal({ a: [asking] }), inFlight);
    expect(['a', 'b', 'gone'].map(model.seatsLeftIn)).toEqual([3, 0, undefined]);
    inFlight.claim('approve', ['q1']);
    expect(model.seatsLeftIn('a')).toBe(2);
  });

  it('join requests of one group: "Waited (min)" beside "Asked at"', () => {
    const table = joinRequestsTable([{ id: 'q1', waId: '447911123456', createdAt: now - 10 * 60_000, customerId: '', name: 'Asha' }], now);
    expect(table.header).toEqual(['Name', 'Number or id', 'Asked at', 'Waited (min)', 'Request id']);
    expect(table.rows).toEqual([['Asha', '+447911123456', localTimestamp(now - 10 * 60_000), 10, 'q1']]);
  });
});
