// Phone parsing, table-driven over real formats from several countries.
import { describe, expect, it } from 'vitest';
import { formatWaId, numberFromSelection, parseNumber, parsePastedNumbers, readSelection } from '../../utils/phone';

describe('parseNumber', () => {
  it.each([
    // input, default country, wa_id
    ['+91 98765 43210', 'IN', '919876543210'],
    ['098765 43210', 'IN', '919876543210'],
    ['98765-43210', 'IN', '919876543210'],
    ['0091 98765 43210', 'IN', '919876543210'],
    ['919876543210', 'IN', '919876543210'],
    ['+91-98765-43210', 'US', '919876543210'],
    ['(415) 555-2671', 'US', '14155552671'],
    ['+1 415 555 2671', 'IN', '14155552671'],
    ['415.555.2671', 'US', '14155552671'],
    ['1-415-555-2671', 'US', '14155552671'],
    ['+44 (0)20 7946 0958', 'IN', '442079460958'],
    ['020 7946 0958', 'GB', '442079460958'],
    ['07911 123456', 'GB', '447911123456'],
    ['+44 7911 123456', 'US', '447911123456'],
    ['00 44 7911 123456', 'DE', '447911123456'],
    ['+49 30 901820', 'IN', '4930901820'],
    ['030 901820', 'DE', '4930901820'],
    ['+49 (0)151 23456789', 'IN', '4915123456789'],
    ['+971 50 123 4567', 'IN', '971501234567'],
    ['050 123 4567', 'AE', '971501234567'],
    ['+55 11 91234-5678', 'IN', '5511912345678'],
    ['(11) 91234-5678', 'BR', '5511912345678'],
    ['+62 812-3456-7890', 'IN', '6281234567890'],
    ['0812 3456 7890', 'ID', '6281234567890'],
    ['+234 803 123 4567', 'IN', '2348031234567'],
    ['0803 123 4567', 'NG', '2348031234567'],
    ['+52 55 1234 5678', 'IN', '525512345678'],
    ['+34 612 34 56 78', 'IN', '34612345678'],
    ['612 345 678', 'ES', '34612345678'],
    ['+61 412 345 678', 'IN', '61412345678'],
    ['0412 345 678', 'AU', '61412345678'],
    ['+27 82 123 4567', 'IN', '27821234567'],
    ['+65 8123 4567', 'IN', '6581234567'],
    ['  +91 98765 43210  ', 'IN', '919876543210'],
  ])('%s (%s) → %s', (input, country, waId) => {
    expect(parseNumber(input, country)).toMatchObject({ waId });
  });

  it.each([
    ['12', 'IN', 'too short'],
    ['abc', 'IN', 'not a phone number'],
    ['+91 12345', 'IN', 'not a valid IN number'],
    ['5551234', undefined, 'no country code: add one, e.g. +91'],
    ['+999 1234 5678', 'IN', 'unknown country code'],
    ['98765 4321', 'IN', 'not a valid IN number'],
    ['1'.repeat(60), 'IN', 'too long'],
  ])('%s (%s) is refused: %s', (input, country, reason) => {
    expect(parseNumber(input, country)).toMatchObject({ reason });
  });
});

describe('parsePastedNumbers', () => {
  it('reads lines, CSV cells and prefixes; reports invalid and duplicates', () => {
    const text = 'name,phone\nAsha,+91 98765 43210\nRavi,098765 43210\nBad,12\n+44 7911 123456; 0044 7911 123456\n';
    const r = parsePastedNumbers(text, 'IN');
    expect(r.valid.map((n) => n.waId)).toEqual(['919876543210', '447911123456']);
    expect(r.duplicates.map((n) => n.input)).toEqual(['098765 43210', '0044 7911 123456']);
    expect(r.invalid).toEqual([{ input: '12', reason: 'too short' }]);
    expect(r.truncated).toBe(false);
  });

  it('cuts a huge paste instead of parsing it whole', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `+91 98${String(i).padStart(8, '0')}`).join('\n');
    const r = parsePastedNumbers(text, 'IN');
    expect(r.valid.length + r.invalid.length + r.duplicates.length).toBe(1000);
    expect(r.truncated).toBe(true);
  });
});

describe('numberFromSelection', () => {
  it.each([
    ['Call me on +91 98765 43210 please', '919876543210'],
    ['Call me on 098765 11122 after 5pm', '919876511122'],
    ['tel:+14155552671', '14155552671'],
    ['https://wa.me/919876543210', '919876543210'],
    ['https://api.whatsapp.com/send?phone=447911123456&text=hi', '447911123456'],
  ])('%s → %s', (text, waId) => {
    expect(numberFromSelection(text, 'IN')).toMatchObject({ waId });
  });

  it('says why a selection without a number is refused', () => {
    expect(numberFromSelection('Order #A-B shipped', 'IN')).toEqual({ input: 'Order #A-B shipped', reason: 'the selection has no phone number in it' });
  });
});

it('formats a wa_id for display', () => {
  expect(formatWaId('919876543210')).toBe('+91 98765 43210');
  expect(formatWaId('12')).toBe('+12');
});

describe('reading a selection without guessing', () => {
  it.each([
    // text, the clear number (or none), the candidates
    ['+91 98765 43210', '919876543210', ['919876543210']],
    ['tel:+14155552671', '14155552671', ['14155552671']],
    ['https://wa.me/919876543210', '919876543210', ['919876543210']],
    ['098765 43210', '919876543210', ['919876543210']],
    ['Call me on +44 7911 123456 please', '447911123456', ['447911123456']],
    ['Order 2024011512 — call +91 98765 43210', undefined, ['919876543210', '912024011512']],
    ['ring 098765 22211 today', undefined, ['919876522211']],
    ['+91 98765 43210 or +91 98765 43211', undefined, ['919876543210', '919876543211']],
    ['https://wa.me/%zz', undefined, []],
    ['order #AB-CD', undefined, []],
  ])('%s', (text, clear, candidates) => {
    const r = readSelection(text, 'IN');
    expect(r.clear?.waId).toBe(clear);
    expect(r.candidates.map((c) => c.waId).sort()).toEqual([...candidates].sort());
    if (candidates.length === 0) expect(r.reason).toEqual(expect.any(String));
  });
});
