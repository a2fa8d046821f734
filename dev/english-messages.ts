/**
 * The English messages, read from locales/en.yml the way @wxt-dev/i18n builds them (nested keys joined with
 * "_", plural forms joined with " | ", $1…$9 substitutions). Tests outside the browser use it in place of
 * `chrome.i18n.getMessage`, so they check the very sentences agents see.
 */
import { readFileSync } from 'node:fs';
import { parseYAML } from 'confbox';

type Tree = { [key: string]: string | Tree };

/** Reads a locale file into message names and texts, as the build does. */
export function readMessages(file: string): Record<string, string> {
  return flatten(parseYAML(readFileSync(file, 'utf8')) as Tree);
}

function flatten(tree: Tree, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}_${key}` : key;
    if (typeof value === 'string') out[name] = value;
    else if (Object.keys(value).every((k) => /^(\d+|n)$/.test(k))) out[name] = Object.values(value).join(' | ');
    else flatten(value, name, out);
  }
  return out;
}

const messages = readMessages('locales/en.yml');

export function englishMessage(name: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return (messages[name] ?? '').replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
}


