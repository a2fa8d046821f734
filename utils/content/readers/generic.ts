/**
 * Any web inbox. The open conversation is the pane around the visible reply box: its header (the one nearest
 * the reply box, never the site's own banner), the contact panel beside it ("Phone" rows, `tel:` links),
 * phone fields of a CRM card, and the page address. Sure only when one plain number stands out there and
 * nothing disagrees; links inside messages, and text whose order on screen may differ, are only candidates:
 * the panel then asks "Is this the customer?".
 */
import { parseUrl, type ChatSeen } from '../../inbox';
import { compactNumber, isOnlyNumber, mergeNumbers, numberFromLink, plainName, sameNumber } from '../phone-text';
import { isShown, numbersSeen, seenText } from '../visible';

/** Where inboxes put the open conversation's header. */
const HEADER = [
  '[data-conversation-header]', '[class*="conversation-header" i]', '[class*="chat-header" i]',
  '[class*="contact-header" i]', '[data-test-id="omni-header"]', 'header',
].join(', ');
/** Contact and context panels beside a conversation (Chatwoot's contact panel, Zendesk's context panel, …). */
const SIDE_PANEL = 'aside, [role="complementary"], [class*="contact-panel" i], [class*="contact--panel" i], [data-test-id*="context-panel" i]';
/** The site's own frame: a banner, its navigation, the list of other conversations. */
const FRAME = '[role="banner"], body > header, nav, [role="navigation"]';
/** A reply box: a text area or an editing host, never a search box. */
const COMPOSER = 'textarea, [contenteditable="true"], [contenteditable=""], [role="textbox"]';
const LINKS = 'a[href^="tel:"], a[href*="wa.me/"], a[href*="api.whatsapp.com/send"]';
/** Fields that hold a phone number: by type, autocomplete, name or the CRM's own marks (Kommo's `control-phone`). */
const PHONE_INPUT = 'input[type="tel"], input[autocomplete~="tel"], input[name*="phone" i], input[class*="phone" i], [data-pei-code="phone"] input';
/** A row's label that says it holds a phone number (the languages of the fixtures and the locales). */
const PHONE_LABEL = /^(work |mobile )?(phone|mobile|cell|whats ?app|tel\S*|teléfono|móvil|celular|هاتف|جوال|телефон)[\s:]*$/i;
/** Where a name is written: headings, never a button's text or an icon's `title`. */
const NAME = 'h1, h2, h3, h4, [role="heading"], [data-contact-name]';

/** Query keys that name a phone (`contact` or `number` may be anything: an id, an order). */
const PHONE_KEY = /phone|mobile|msisdn|whatsapp|wa_?id/i;

/**
 * A number in the address, only where it cannot be an id: a path segment or the hash written with its +, or
 * a query value under a phone key (`?phone=…`). `/conversations/123456789` is a conversation, not a customer.
 */
export function numberInUrl(href: string): string | null {
  const url = parseUrl(href);
  if (!url) return null;
  const decode = (p: string) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  };
  // A + in a query reads as a space ("?phone=+91…" arrives as " 91…"): it was a +.
  const keyed = [...url.searchParams].filter(([k]) => PHONE_KEY.test(k)).map(([, v]) => v.replace(/^ (?=\d)/, '+'));
  const withPlus = [...url.pathname.split('/').map(decode), decode(url.hash.slice(1))].filter((p) => /^\+\d{8,15}$/.test(p));
  const found = [...withPlus, ...keyed.filter((v) => /^\+?\d{8,15}$/.test(v))].map(compactNumber)
    .filter((n): n is string => n !== null)
    .filter((n, i, all) => all.findIndex((m) => sameNumber(m, n)) === i);
  return found.length === 1 ? found[0]! : null;
}

const inFrame = (el: Element) => el.closest(FRAME) !== null;

function isSearchBox(el: Element): boolean {
  return el.matches('[role="search"] *, [role="searchbox"], [data-tab="3"]')
    || /search|buscar|بحث/i.test(`${el.getAttribute('aria-label')} ${el.getAttribute('placeholder')}`);
}

/** The reply box the agent would type in: visible, editable, not a search box, not in the site's frame. */
function findComposer(doc: Document): Element | null {
  return [...doc.querySelectorAll(COMPOSER)].find((el) => !isSearchBox(el) && !inFrame(el) && isShown(el)) ?? null;
}

const depth = (el: Element) => {
  let d = 0;
  for (let e: Element | null = el; e; e = e.parentElement) d++;
  return d;
};

function commonAncestor(a: Element, b: Element): Element {
  let e: Element | null = a;
  while (e && !e.contains(b)) e = e.parentElement;
  return e ?? a.ownerDocument.documentElement;
}

/** The conversation's header: the shown header nearest the reply box (sharing more than `body` with it). */
function findHeader(doc: Document, composer: Element | null): Element | null {
  const headers = [...doc.querySelectorAll(HEADER)].filter((h) => !inFrame(h) && !h.contains(composer) && isShown(h));
  if (!composer) return headers.find((h) => h.closest('main, [role="main"]')) ?? headers[0] ?? null;
  let best: Element | null = null;
  let bestDepth = 2; // html and body: a header that shares only those with the reply box is the site's
  for (const h of headers) {
    const d = depth(commonAncestor(h, composer));
    if (d > bestDepth || (d === bestDepth && best)) [best, bestDepth] = [h, d];
  }
  return best;
}

interface Found { trusted: string[]; doubtful: string[] }

/** A link's number counts when its visible text shows that same number, plainly; otherwise both are candidates. */
function readLink(a: Element, found: Found, trusted: boolean) {
  const target = numberFromLink(a.getAttribute('href') ?? '');
  if (!target) return;
  const shown = numbersSeen(a);
  const agrees = shown.length > 0 && shown.every((n) => n.plain && sameNumber(n.number, target));
  (trusted && agrees ? found.trusted : found.doubtful).push(target);
  if (!agrees) found.doubtful.push(...shown.map((n) => n.number));
}

function readArea(root: Element, found: Found) {
  for (const n of numbersSeen(root)) (n.plain ? found.trusted : found.doubtful).push(n.number);
}

/** The text of the first visible heading under `root` that is a name (not a number, not in a button). */
function nameIn(root: Element): string | undefined {
  for (const el of root.querySelectorAll(NAME)) {
    if (el.closest('button, [role="button"]') || !isShown(el)) continue;
    const name = plainName(el.getAttribute('data-contact-name') || seenText(el, 200).text);
    if (name && !isOnlyNumber(name)) return name;
  }
  return undefined;
}

export function readGeneric(doc: Document, href: string): ChatSeen {
  const composer = findComposer(doc);
  const header = findHeader(doc, composer);
  const pane = header && composer ? commonAncestor(header, composer) : header?.closest('main, [role="main"], section, article') ?? null;
  const panels = [...doc.querySelectorAll(SIDE_PANEL)]
    .filter((p) => !inFrame(p) && !(composer && p.contains(composer)) && !(header && p.contains(header)) && isShown(p));
  const found: Found = { trusted: [], doubtful: [] };
  const readSoFar = new Set<Element>();

  if (header) readArea(header, found);
  // "Phone" rows: the label's row, in a panel or a CRM card anywhere on the page, if shown. Short text nodes
  // only: walking text is cheap where asking every element for its textContent is not (a long conversation).
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const label = node.parentElement;
    if (node.data.length > 30 || !label || !PHONE_LABEL.test(node.data.trim()) || inFrame(label)) continue;
    const row = label.parentElement;
    if (!row || row === header || readSoFar.has(row) || !isShown(label) || (composer && row.contains(composer))) continue;
    readSoFar.add(row);
    const field = row.querySelector<HTMLInputElement>('input');
    if (field && field.matches(PHONE_INPUT)) continue; // read below, as a field
    readArea(row, found);
  }
  for (const input of doc.querySelectorAll<HTMLInputElement>(PHONE_INPUT)) {
    if (inFrame(input) || !isShown(input)) continue;
    const n = compactNumber(input.value);
    if (n) found.trusted.push(n);
  }
  // Links in the header, the contact panel or a phone row are the conversation's; links in messages are
  // whatever a customer wrote (anyone's number): candidates only.
  const trustedPlaces = [header, ...panels, ...readSoFar].filter((e): e is Element => e !== null);
  const links = new Set([...(pane ?? doc.body).querySelectorAll(LINKS), ...panels.flatMap((p) => [...p.querySelectorAll(LINKS)])]);
  for (const a of links) {
    if (!inFrame(a) && isShown(a)) readLink(a, found, trustedPlaces.some((p) => p.contains(a)));
  }

  const fromUrl = numberInUrl(href);
  const trusted = mergeNumbers(found.trusted);
  const doubtful = mergeNumbers(found.doubtful).filter((n) => !trusted.some((t) => sameNumber(t, n)));
  const urlAgrees = fromUrl === null || trusted.every((t) => sameNumber(t, fromUrl));
  const numbers = mergeNumbers(trusted, fromUrl ? [fromUrl] : [], doubtful);
  const name = (header && nameIn(header)) ?? panels.map(nameIn).find(Boolean) ?? nameInput(doc);
  return {
    numbers,
    name,
    reader: 'page',
    sure: doubtful.length === 0 && urlAgrees && (trusted.length === 1 || (trusted.length === 0 && fromUrl !== null)),
  };
}

/** A CRM card's contact name field (Kommo's `contact[NAME]`), never a deal's or a lead's title. */
function nameInput(doc: Document): string | undefined {
  const field = [...doc.querySelectorAll<HTMLInputElement>('input[autocomplete="name"], input[name*="contact" i][name*="name" i]')]
    .find((i) => !inFrame(i) && isShown(i));
  const name = plainName(field?.value);
  return name && !isOnlyNumber(name) ? name : undefined;
}
