/** "Export CSV": builds the file when clicked (not on every render) and hands it to the browser's download. */
import { i18n } from '#i18n';
import { downloadCsv } from '../utils/panel/csv';

export function ExportButton({ fileName, build, label }: { fileName: () => string; build: () => string; label?: string }) {
  return (
    <button type="button" class="small" onClick={() => downloadCsv(fileName(), build())} aria-label={label}>
      {i18n.t('export.csv')}
    </button>
  );
}
