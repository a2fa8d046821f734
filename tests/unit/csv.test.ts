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
