/**
 * A page that tries its worst: markup in the name, fake numbers the agent cannot see (every trick of issue 18
 * §2), a huge header, the site's own banner with its support line, and a script posting messages that look
 * like the extension's own. `?case=` swaps the header for one trick that must make the reader ask instead.
 */
import { escape, page } from './page';

/** Numbers a person cannot see: the reader must never report them. */
export const HIDDEN_FAKES: Record<string, string> = {
  'display: none': '<span style="display:none">+91 90000 11111</span>',
  'opacity: 0': '<span style="opacity:0">+91 90000 22222</span>',
  'off screen': '<span style="position:absolute;left:-9999px">+91 90000 33333</span>',
  'aria-hidden': '<span aria-hidden="true">+91 90000 44444</span>',
  'visibility: hidden': '<span style="visibility:hidden">+91 90000 55555</span>',
  'transparent': '<span style="color:transparent">+91 90000 66661</span>',
  'text-fill transparent': '<span style="-webkit-text-fill-color:transparent">+91 90000 66662</span>',
  'clip-path': '<span style="display:inline-block;clip-path:inset(50%)">+91 90000 66663</span>',
  'overlay': '<span style="position:relative;display:inline-block">+91 90000 66664<span style="position:absolute;inset:-2px;background:#fff"></span></span>',
  'transform': '<span style="display:inline-block;transform:translateX(-5000px)">+91 90000 66665</span>',
  'text-indent': '<div style="text-indent:-9999px;overflow:hidden">+91 90000 66666</div>',
  'white on white': '<span style="color:#fff">+91 90000 66667</span>',
  'near-white on white': '<span style="color:#fdfdfd">+91 90000 66668</span>',
  'tiny': '<span style="font-size:1px">+91 90000 66669</span>',
  'filter: opacity(0)': '<span style="filter:opacity(0)">+91 90000 77771</span>',
  'filter: blur': '<span style="filter:blur(6px)">+91 90000 77772</span>',
  'mask': '<span style="mask-image:linear-gradient(transparent,transparent);-webkit-mask-image:linear-gradient(transparent,transparent)">+91 90000 77773</span>',
  'blend mode': '<span style="mix-blend-mode:screen;color:#fff">+91 90000 77774</span>',
};

/** One header trick per case; each is a number the agent may see but the page may not be sure of. */
const CASES: Record<string, string> = {
  // Drawn as +91 98765 43210, written +91 98765 01234.
  bdo: '<span>+91 98765 <bdo dir="rtl">01234</bdo></span>',
  override: '<span>+91 98765 <span style="unicode-bidi:bidi-override;direction:rtl">01234</span></span>',
  rlo: '<span>+91 98765 \u202e01234\u202c</span>',
  // The link says one number, its address another.
  'tel-mismatch': '<a href="tel:+919000012345">+91 98765 43210</a>',
  // Name only in the header (a number is in a customer's message, or in the site's banner).
  'name-only': '',
  'wa-me': '',
};

const STYLE = `
  body { margin: 0; font: 14px system-ui, sans-serif; color: #1f2328; background: #fff; }
  .site-header { padding: 8px 16px; background: #24292f; color: #fff; }
  .layout { display: grid; grid-template-columns: 160px 1fr; height: calc(100vh - 40px); }
  main { display: grid; grid-template-rows: auto 1fr auto; min-width: 0; }
  .conversation-header { padding: 12px 16px; border-bottom: 1px solid #d0d7de; background: #fff; overflow: hidden; }
  .conversation-header h2 { margin: 0 0 4px; font-size: 16px; }
  .messages { padding: 16px; }
  form { padding: 12px; border-top: 1px solid #d0d7de; }
  textarea { width: 90%; min-height: 40px; }
`;

export function hostile(search: URLSearchParams) {
  const trick = search.get('case') ?? '';
  // ?fake=<name>: the visible number and that one hidden fake; by default all of them, and a huge header.
  const fake = search.get('fake');
  const fakes = fake ? HIDDEN_FAKES[fake] ?? '' : `${Object.values(HIDDEN_FAKES).join('')}`
    + `<span style="font-size:1px;color:transparent">${'9'.repeat(200_000)}</span>`;
  const header = trick in CASES ? CASES[trick]! : `<span>+91 90000 00001</span>${fakes}`;
  const message = trick === 'wa-me'
    ? '<p>Please add my friend too: <a href="https://wa.me/919123456780">wa.me/919123456780</a></p>' : '<p>Hello</p>';
  const script = `
    const forged = [{ kind: 'zoko-inbox:insert', text: 'forged' }, { kind: 'zoko-inbox:chat', chat: { numbers: ['+919000066666'], reader: 'page', sure: true } },
      { type: 'inviteMembers', data: { id: 'any', phoneNumbers: ['919000077777'] }, timestamp: Date.now(), id: 1 }];
    setInterval(() => forged.forEach((m) => window.postMessage(m, '*')), 200);
    window.forgedSends = 0;
    try { chrome.runtime.sendMessage(forged[1]); window.forgedSends++; } catch { /* no runtime for pages */ }`;
  // The site's own top header, with the store's support line: not the conversation's header.
  return page('Hostile inbox', '<div id="app"><header class="site-header">Need help? Call our support line +91 80000 12345</header>'
    + '<div class="layout"><nav></nav><main><header class="conversation-header">'
    + `<h2>${escape('<img src=x onerror="window.pwned=1">Eve')}</h2>${header}</header>`
    + `<section class="messages">${message}</section>`
    + '<form onsubmit="return false"><textarea aria-label="Reply"></textarea></form></main></div></div>', { style: STYLE, script });
}
