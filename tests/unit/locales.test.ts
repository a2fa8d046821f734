// The second locale proves the pipeline: every English message has a Spanish one, with the same
// placeholders and plural forms.
import { expect, it } from 'vitest';
import { readMessages } from '../../dev/english-messages';

const english = readMessages('locales/en.yml');
const spanish = readMessages('locales/es.yml');
const placeholders = (m: string) => [...new Set(m.match(/\$\d/g) ?? [])].sort();

it('Spanish has exactly the English messages', () => {
  expect(Object.keys(spanish).sort()).toEqual(Object.keys(english).sort());
});

it.each(Object.keys(english))('%s: same placeholders and plural forms', (name) => {
  expect(placeholders(spanish[name]!)).toEqual(placeholders(english[name]!));
  expect(spanish[name]!.split(' | ').length).toBe(english[name]!.split(' | ').length);
});
