import { Button } from './Button';
import { downloadJson, downloadText } from './download';
import { type ExportArm, runCsv, runJson } from './run-export';

interface ExportLinksProps {
  /** Nothing to export yet (no run on screen). */
  disabled: boolean;
  /** What each file holds, as the buttons' tooltips. */
  jsonTitle: string;
  csvTitle: string;
  onJson(): void;
  onCsv(): void;
}

/** The Export JSON / Export CSV pair of a run page; the lab says what each file holds and saves it. */
export function ExportLinks({ disabled, jsonTitle, csvTitle, onJson, onCsv }: ExportLinksProps) {
  return (
    <div className="flex items-center gap-3">
      <Button variant="link" testId="export-json" disabled={disabled} title={jsonTitle} onClick={onJson}>
        Export JSON
      </Button>
      <Button variant="link" testId="export-csv" disabled={disabled} title={csvTitle} onClick={onCsv}>
        Export CSV
      </Button>
    </div>
  );
}

const JSON_TITLE = "The spec that ran (each arm's), its link, the app version, final states, the recorded series and the current views";
const CSV_TITLE = 'One row per recorded step and arm: step, t, loss and every metric (the specs and links in # lines above)';

/** The Export JSON / CSV pair of a run on screen: runJson / runCsv of its arms, saved as `<name>.json` / `.csv`. */
export function RunExportLinks({ name, arms, disabled, compare = null }: { name: string; arms: () => ExportArm[]; disabled: boolean; compare?: string | null }) {
  return (
    <ExportLinks
      disabled={disabled}
      jsonTitle={JSON_TITLE}
      csvTitle={CSV_TITLE}
      onJson={() => downloadJson(`${name}.json`, runJson(arms(), compare))}
      onCsv={() => downloadText(`${name}.csv`, runCsv(arms()), 'text/csv')}
    />
  );
}
