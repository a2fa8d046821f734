/** The invitation template: its id and arguments, with the two variables Zoko fills in. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { OpenGroupModel } from '../utils/panel/open-group-model';
import { ErrorNotice } from './ErrorNotice';
import { SubmitButton } from './SubmitButton';
import { Field } from './Field';
import { usePanel } from './panel-context';

const VARIABLES = [
  ['{{brand.whatsapp_display_name}}', 'template.storeName'],
  ['{{group.invite_link}}', 'template.inviteLink'],
] as const;

type Arg = { key: string; value: string };

export function TemplateEditor({ model }: { model: OpenGroupModel }) {
  const panel = usePanel();
  const templateId = useSignal('');
  const args = useSignal<Arg[]>([]);
  const loaded = useSignal(false);
  const focused = useRef<{ index: number; el: HTMLInputElement } | null>(null);
  const { loadTemplate, saveTemplate } = model;

  async function open(e: Event) {
    if (!(e.currentTarget as HTMLDetailsElement).open || loaded.value) return;
    const t = await loadTemplate.run();
    if (!t) return;
    templateId.value = t.templateId;
    args.value = Object.entries(t.args).map(([key, value]) => ({ key, value }));
    loaded.value = true;
  }

  const setArg = (i: number, patch: Partial<Arg>) => (args.value = args.value.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  function insert(variable: string) {
    const target = focused.current;
    if (!target) {
      args.value = [...args.value, { key: String(args.value.length + 1), value: variable }];
      return;
    }
    const { el, index } = target;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    setArg(index, { value: el.value.slice(0, start) + variable + el.value.slice(end) });
  }

  async function save(e: Event) {
    e.preventDefault();
    const record = Object.fromEntries(args.value.filter((a) => a.key.trim()).map((a) => [a.key.trim(), a.value]));
    const t = await saveTemplate.run({ templateId: templateId.value, args: record });
    if (t) panel.announce(i18n.t('template.saved'));
  }

  return (
    <details class="card" onToggle={open}>
      <summary><h3>{i18n.t('template.title')}</h3></summary>
      <ErrorNotice error={loadTemplate.error.value} onRetry={() => void loadTemplate.run()} />
      {!loaded.value && loadTemplate.pending.value && <p class="muted">{i18n.t('common.loading')}</p>}
      {loaded.value && (
        <form onSubmit={save} noValidate>
          <Field label={i18n.t('template.id')} hint={i18n.t('template.idHint')}>
            <input value={templateId} onInput={(e) => (templateId.value = e.currentTarget.value)} />
          </Field>
          <fieldset class="args">
            <legend>{i18n.t('template.arguments')}</legend>
            {args.value.length === 0 && <p class="muted small-text">{i18n.t('template.noArguments')}</p>}
            {args.value.map((a, i) => (
              <div class="row arg" key={i}>
                <input class="arg-key" aria-label={i18n.t('template.argName', [String(i + 1)])} value={a.key}
                  onInput={(e) => setArg(i, { key: e.currentTarget.value })} />
                <input class="arg-value" aria-label={i18n.t('template.argValue', [String(i + 1)])} value={a.value}
                  onFocus={(e) => (focused.current = { index: i, el: e.currentTarget })}
                  onInput={(e) => setArg(i, { value: e.currentTarget.value })} />
                <button type="button" class="small" aria-label={i18n.t('template.removeArg', [String(i + 1)])}
                  onClick={() => (args.value = args.value.filter((_, j) => j !== i))}>×</button>
              </div>
            ))}
            <div class="row">
              <button type="button" class="small" onClick={() => (args.value = [...args.value, { key: String(args.value.length + 1), value: '' }])}>
                {i18n.t('template.addArg')}
              </button>
              {VARIABLES.map(([v, name]) => (
                <button type="button" class="small" key={v} title={v} onMouseDown={(e) => e.preventDefault()}
                  onClick={() => insert(v)}>{i18n.t('template.insert', [i18n.t(name)])}</button>
              ))}
            </div>
          </fieldset>
          <ErrorNotice error={saveTemplate.error.value} />
          <SubmitButton pending={saveTemplate.pending.value} label={i18n.t('template.save')} pendingLabel={i18n.t('common.saving')} />
        </form>
      )}
    </details>
  );
}
