import { describe, expect, it } from 'vitest';
import { decodeSpec } from '../experiment/link';
import { findPreset } from '../experiment/presets';
import { type TableExport, tableCsv, tableJson } from './run-export';

const spec = findPreset('S-fig3')!.spec;
const table: TableExport = {
  lab: 'stability',
  kind: 'fig3-sweep',
  spec,
  json: { points: [1, 2], spec: 'the lab body cannot replace the table spec' },
  columns: ['x', 'label'],
  rows: [
    [0.1, 'a, "quoted"'],
    [Number.NaN, null],
  ],
  notes: ['two\nlines'],
};

describe('table exports', () => {
  it('JSON: the lab body, then the app version, the spec and a reopen link that decodes to it', () => {
    const j = tableJson(table);
    expect((j as Record<string, unknown>).points).toEqual([1, 2]);
    expect(j.spec).toBe(spec);
    expect(j.app.version).toMatch(/^\d+\.\d+\.\d+/);
    const back = decodeSpec(j.reopen!);
    expect(back.ok && back.spec).toEqual(spec);
  });
  it('CSV: # lines (app, spec, link, notes on one line each), the header, fields quoted and non-finite values named', () => {
    const lines = tableCsv(table).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# implicit-bias-lab \d/);
    expect(lines).toContain(`# reopen: ${tableJson(table).reopen}`);
    expect(lines).toContain('# two lines');
    expect(lines.slice(-3)).toEqual(['x,label', '0.1,"a, ""quoted"""', 'NaN,']);
  });
  it('a table without a spec has no reopen link', () => {
    expect(tableJson({ ...table, spec: null }).reopen).toBeNull();
    expect(tableCsv({ ...table, spec: null })).not.toMatch(/# reopen/);
  });
});
