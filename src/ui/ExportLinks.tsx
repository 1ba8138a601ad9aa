import { Button } from './Button';

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
