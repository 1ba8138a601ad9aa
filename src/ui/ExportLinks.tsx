import { Button } from './Button';
import { downloadJson, downloadText } from './download';
import { type ExportArm, runCsv, runJson, type TableExport, tableCsv, tableJson } from './run-export';

interface ExportLinksProps {
  /** Nothing to export yet (no run on screen). */
  disabled: boolean;
  /** What each file holds, as the buttons' tooltips. */
  jsonTitle: string;
  csvTitle: string;
  onJson(): void;
  onCsv(): void;
  /** The buttons' test ids: `<testId>-json` / `<testId>-csv` ('export' unless told). */
  testId?: string;
}

/** The Export JSON / Export CSV pair of a run page; the lab says what each file holds and saves it. */
export function ExportLinks({ disabled, jsonTitle, csvTitle, onJson, onCsv, testId = 'export' }: ExportLinksProps) {
  return (
    <div className="flex items-center gap-3">
      <Button variant="link" testId={`${testId}-json`} disabled={disabled} title={jsonTitle} onClick={onJson}>
        Export JSON
      </Button>
      <Button variant="link" testId={`${testId}-csv`} disabled={disabled} title={csvTitle} onClick={onCsv}>
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

/**
 * The Export JSON / CSV pair of a lab's own export object (e.g. a sweep's): what `data` returns when clicked (null:
 * nothing to export), saved as `<name>.json` (through `json` when given) and, through `csv`, as `<name>.csv`.
 */
export function DataExportLinks<T>({
  name,
  data,
  json = (d) => d,
  csv,
  disabled = false,
  testId,
  jsonTitle,
  csvTitle,
}: {
  name: string;
  data: () => T | null;
  json?: (data: T) => unknown;
  csv: (data: T) => string;
  disabled?: boolean;
  testId: string;
  jsonTitle: string;
  csvTitle: string;
}) {
  return (
    <ExportLinks
      disabled={disabled}
      testId={testId}
      jsonTitle={jsonTitle}
      csvTitle={csvTitle}
      onJson={() => {
        const d = data();
        if (d) downloadJson(`${name}.json`, json(d));
      }}
      onCsv={() => {
        const d = data();
        if (d) downloadText(`${name}.csv`, csv(d), 'text/csv');
      }}
    />
  );
}

const TABLE_JSON_TITLE = 'The spec that produced these results, its link, the app version and every value, as JSON';
const TABLE_CSV_TITLE = 'The same values as CSV: the spec, its link and the app version in # lines above the header';

/**
 * The Export JSON / CSV pair of a table of results (a sweep, a heatmap, a bifurcation diagram, a Reproduce card):
 * tableJson / tableCsv of what `table` returns when clicked (null: nothing to export), saved as `<name>.json` / `.csv`.
 */
export function TableExportLinks({
  name,
  table,
  disabled,
  testId,
  jsonTitle = TABLE_JSON_TITLE,
  csvTitle = TABLE_CSV_TITLE,
}: {
  name: string;
  table: () => TableExport | null;
  disabled: boolean;
  testId: string;
  jsonTitle?: string;
  csvTitle?: string;
}) {
  return <DataExportLinks name={name} data={table} json={tableJson} csv={tableCsv} disabled={disabled} testId={testId} jsonTitle={jsonTitle} csvTitle={csvTitle} />;
}
