/** "Export CSV" and "Copy": the table is built when clicked (not on every render), then saved or copied. */
import { i18n } from '#i18n';
import { downloadCsv, toCsv, toText, type Cell } from '../utils/panel/csv';
import { usePanel } from './panel-context';

interface Props {
  /** What is exported, for the buttons' accessible names ("Participants"). */
  what: string;
  fileName: () => string;
  table: () => { header: string[]; rows: Cell[][] };
}

export function ExportButtons({ what, fileName, table }: Props) {
  const panel = usePanel();
  async function copy() {
    const { header, rows } = table();
    const ok = await panel.port.copy(toText(header, rows));
    panel.announce(i18n.t(ok ? 'export.copied' : 'export.notCopied', [what]));
  }
  return (
    <div class="row export">
      <button type="button" class="small" aria-label={`${i18n.t('export.copy')}: ${what}`} onClick={() => void copy()}>{i18n.t('export.copy')}</button>
      <button type="button" class="small" aria-label={`${i18n.t('export.csv')}: ${what}`}
        onClick={() => { const { header, rows } = table(); downloadCsv(fileName(), toCsv(header, rows)); }}>
        {i18n.t('export.csv')}
      </button>
    </div>
  );
}
