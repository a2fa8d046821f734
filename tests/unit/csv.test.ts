// CSV exports: quoting, numbers in E.164, and cells a spreadsheet would run as formulas made plain text.
import { describe, expect, it } from 'vitest';
import { csvCell, e164, exportFileName, toCsv, toText } from '../../utils/panel/csv';

describe('csv cells', () => {
  it.each([
    ['plain', 'plain'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTab', "'\tTab"],
    ['+919876543210', '+919876543210'], // a number in E.164 is data
    ['Asha, Ravi', '"Asha, Ravi"'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
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
});
