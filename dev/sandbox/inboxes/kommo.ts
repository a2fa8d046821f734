/**
 * A Kommo (amoCRM) lead card with its chat, after the markup public Kommo widgets select (README.md): the lead's
 * name input at the top (`.linked-form__field__value-name input`, the deal's title, not a person), the linked
 * contact's form with its name and a phone field (`[data-pei-code="phone"]`, `input.control-phone__formatted`,
 * a text input, not `type=tel`), and the feed with its composer.
 */
import { page } from './page';

const STYLE = `
  body { margin: 0; font: 14px system-ui, sans-serif; color: #313942; }
  #page_holder { display: grid; grid-template-columns: 64px 360px 1fr; height: 100vh; }
  #left_menu { background: #0d3b5e; }
  #card_holder { border-right: 1px solid #dbdedf; padding: 16px; overflow: auto; }
  .linked-form__field { display: flex; gap: 8px; margin: 8px 0; }
  .linked-form__field__label { color: #92989b; min-width: 90px; }
  input { font: inherit; border: 0; border-bottom: 1px solid #dbdedf; }
  .card-holder__feed { display: grid; grid-template-rows: 1fr auto; }
  .feed-note { padding: 8px 16px; }
  .feed-compose { border-top: 1px solid #dbdedf; padding: 12px 16px; }
  .feed-compose [contenteditable] { min-height: 48px; border: 1px solid #c3c7c9; border-radius: 3px; padding: 8px; }
`;

export function kommo() {
  return page('Kommo — Lead #58213', '<div id="page_holder">'
    + '<nav id="left_menu" aria-label="Menu"><a href="#" title="Leads">▤</a><a href="#" title="Chats">💬</a></nav>'
    + '<div id="card_holder" class="card-holder"><div class="card-entity-form">'
    + '<div class="linked-form__field__value-name"><input type="text" name="lead[NAME]" class="js-linked-name-input" aria-label="Lead name" value="Wholesale order #58213"></div>'
    + '<div class="linked-form__field"><div class="linked-form__field__label">Budget</div><div class="linked-form__field__value">₽ 48 000</div></div>'
    + '<div class="linked-forms__item"><form class="linked-form" onsubmit="return false">'
    + '<div class="linked-form__field__value-name"><input type="text" name="contact[NAME]" aria-label="Contact name" value="Olga Petrova"></div>'
    + '<div class="linked-form__field linked-form__field-pei" data-pei-code="phone"><div class="linked-form__field__label">Work phone</div>'
    + '<div class="linked-form__field__value"><div class="control-phone"><input type="text" name="CFV[1234][0][VALUE]" '
    + 'class="control-phone__formatted js-form-changes-skip linked-form__cf" aria-label="Work phone" value="+7 912 345-67-89"></div></div></div>'
    + '<div class="linked-form__field linked-form__field-pei" data-pei-code="email"><div class="linked-form__field__label">Email</div>'
    + '<div class="linked-form__field__value"><input type="text" aria-label="Email" value="olga@example.ru"></div></div>'
    + '</form></div></div></div>'
    + '<div class="card-holder__feed notes-wrapper"><div class="notes-wrapper__scroller">'
    + '<div class="feed-note"><b>Olga Petrova</b> via WhatsApp: Can you send 200 units by Friday?</div></div>'
    + '<div class="feed-compose"><div class="feed-compose__message" data-fixture-editor="quill" contenteditable="true" role="textbox" aria-label="Message"></div></div>'
    + '</div></div>', { style: STYLE, editors: true });
}
