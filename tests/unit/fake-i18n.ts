/**
 * WXT's fakeBrowser does not implement i18n.getMessage: this gives it the real English messages, read from
 * locales/en.yml the way @wxt-dev/i18n builds them (nested keys joined with "_", plural forms joined with " | ",
 * $1…$9 substitutions), so unit tests see the same sentences as agents.
 */
import { readFileSync } from 'node:fs';
import { parseYAML } from 'confbox';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}_${key}` : key;
    if (typeof value === 'string') out[name] = value;
    else if (Object.keys(value).every((k) => /^(\d+|n)$/.test(k))) out[name] = Object.values(value).join(' | ');
    else flatten(value, name, out);
  }
  return out;
}

const messages = flatten(parseYAML(readFileSync('locales/en.yml', 'utf8')) as Tree);

export function installFakeI18n() {
  Object.assign(fakeBrowser.i18n, {
    getMessage: (name: string, subs?: string | string[]) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return (messages[name] ?? '').replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
    },
    getUILanguage: () => 'en',
  });
}

installFakeI18n();
