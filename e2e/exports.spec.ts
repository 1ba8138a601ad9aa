import { expect, test, type Page } from '@playwright/test';
import { decodeSpec } from '../src/experiment/link';
import { download } from './helpers';

/**
 * A plot's PNG and SVG: the SVG is a standalone image with the plot's title, its legend and a caption with the app
 * version and the link that reopens `lab`; the PNG is twice its size.
 */
async function checkPlotImages(page: Page, plotId: string, title: RegExp, lab: string, data = /<path d="M/) {
  const menu = page.getByTestId(`export-${plotId}`);
  await menu.locator('summary').click();
  const svg = await download(page, `export-${plotId}-svg`);
  expect(svg.name).toBe(`${plotId}.svg`);
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text).toMatch(title);
  expect(text).toMatch(new RegExp(`implicit-bias-lab \\d+\\.\\d+\\.\\d+ · http://[^<]*#lab=${lab}`));
  expect(text).toMatch(data);
  const width = Number(/width="(\d+)"/.exec(text)![1]);
  const height = Number(/height="(\d+)"/.exec(text)![1]);
  // the SVG parses in the browser as an image
  const parsed = await page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror') === null, text);
  expect(parsed).toBe(true);
  const png = await download(page, `export-${plotId}-png`);
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
  // the menu closes again (it would cover what is under it)
  await menu.locator('summary').click();
}

/** A run's JSON (its specs reopen the experiment) and CSV (# lines, then a header and rows). */
async function checkRunExports(page: Page, jsonId: string, csvId: string, lab: string) {
  const json = JSON.parse((await download(page, jsonId)).bytes.toString('utf8'));
  const spec = json.arms?.[0]?.spec ?? json.spec;
  const reopen = json.arms?.[0]?.reopen ?? json.reopen;
  expect(spec.lab).toBe(lab);
  const back = decodeSpec(reopen);
  expect(back.ok && back.spec).toEqual(spec);
  const csv = (await download(page, csvId)).bytes.toString('utf8').trimEnd().split('\n');
  expect(csv[0]).toMatch(/^# implicit-bias-lab \d/);
  const header = csv.findIndex((l) => !l.startsWith('#'));
  expect(csv[header].split(',').length).toBeGreaterThan(2);
  expect(csv.length - header - 1).toBeGreaterThan(1);
}

test('Poisoning: a Theorem-1 plot as PNG and SVG, the run as JSON and CSV', async ({ page }) => {
  await page.goto('/#lab=poisoning');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status-poisoned')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  await checkPlotImages(page, 'loss', /Training loss|loss/, 'poisoning');
  const json = JSON.parse((await download(page, 'export-json')).bytes.toString('utf8'));
  expect(json.spec.lab).toBe('poisoning');
  const csv = (await download(page, 'export-csv')).bytes.toString('utf8').split('\n');
  expect(csv.filter((l) => l.startsWith('# clean reopen: #lab=poisoning&s='))).toHaveLength(1);
});

test('Stability: a time plot and the landscape as PNG and SVG, the run as JSON and CSV', async ({ page }) => {
  await page.goto('/#lab=stability');
  await expect(page.getByTestId('stability-status')).toHaveAttribute('data-updating', 'false', { timeout: 20_000 });
  await checkPlotImages(page, 'st-imbalance', /Imbalance/, 'stability');
  await expect(page.locator('[data-testid=landscape-stability][data-grid="200x200"]')).toHaveCount(1);
  await checkPlotImages(page, 'landscape-stability', /<image /, 'stability');
  await checkRunExports(page, 'run-export', 'run-export-csv', 'stability');
});

test('Saddles: the loss staircase as PNG and SVG, the run as JSON and CSV', async ({ page }) => {
  await page.goto('/#lab=saddles');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 45_000 });
  await checkPlotImages(page, 'sd-loss', /loss/i, 'saddles');
  await checkRunExports(page, 'export-json', 'export-csv', 'saddles');
});

test('Extrapolation and Flow vs Descent: a plot as PNG and SVG, the run as JSON and CSV', async ({ page }) => {
  await page.goto('/#lab=flow-vs-descent');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('fd-status')).toHaveAttribute('data-done', 'true', { timeout: 45_000 });
  await checkPlotImages(page, 'fd-loss', /f − min f/, 'flow-vs-descent');
  await checkRunExports(page, 'export-json', 'export-csv', 'flow-vs-descent');

  await page.goto('/#lab=extrapolation');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 });
  await checkPlotImages(page, 'ex-hankel', /Hankel/, 'extrapolation');
  await checkRunExports(page, 'export-json', 'export-csv', 'extrapolation');
});

/** The fields of one CSV line ("..." quoted, "" inside for a quote). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let f = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') quoted = false;
      else f += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(f);
      f = '';
    } else f += c;
  }
  out.push(f);
  return out;
}

/**
 * A table's JSON and CSV (a sweep, a heatmap, a bifurcation diagram, a Reproduce card): the JSON names the app
 * version and its reopen link decodes to its spec; the CSV has the app, spec and link in # lines, a header with
 * `columns` and at least `minRows` rows of that many fields. Returns both for the caller's own checks.
 */
async function checkTableExports(page: Page, jsonId: string, csvId: string, lab: string, columns: string[], minRows: number) {
  const json = JSON.parse((await download(page, jsonId)).bytes.toString('utf8'));
  expect(json.app.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(json.spec.lab).toBe(lab);
  const back = decodeSpec(json.reopen);
  expect(back.ok && back.spec).toEqual(json.spec);
  const lines = (await download(page, csvId)).bytes.toString('utf8').trimEnd().split('\n');
  expect(lines[0]).toMatch(/^# implicit-bias-lab \d/);
  const reopen = lines.find((l) => l.startsWith('# reopen: '))!;
  expect(reopen.slice('# reopen: '.length)).toBe(json.reopen);
  const h = lines.findIndex((l) => !l.startsWith('#'));
  const header = lines[h].split(',');
  for (const c of columns) expect(header).toContain(c);
  const rows = lines.slice(h + 1);
  expect(rows.length).toBeGreaterThanOrEqual(minRows);
  // every row has the header's number of fields (no field holds an unquoted comma)
  const fields = rows.map(splitCsv);
  expect(fields.filter((r) => r.length !== header.length)).toEqual([]);
  return { json, header, rows: fields };
}

test('Stability: the Figure-3 heatmap and the bifurcation diagram as PNG, SVG, JSON and CSV', async ({ page }) => {
  // 1920 GD runs to 20000 steps and 500 bifurcation columns on a shared two-core machine
  test.setTimeout(300_000);
  const t0 = Date.now();
  await page.goto('/#lab=stability');
  await page.getByRole('tab', { name: 'Figure 3 heatmaps' }).click();
  await page.getByLabel('grid').selectOption('coarse');
  await page.getByTestId('run-fig3').click();
  await expect(page.getByTestId('sweep-done')).toBeVisible({ timeout: 150_000 });
  console.log(`[bench] Figure 3 coarse grid (40 x 48 GD runs) in the browser pool: ${Date.now() - t0} ms`);
  await expect(page.locator('[data-testid=landscape-fig3][data-grid="48x40"]')).toHaveCount(1);
  await checkPlotImages(page, 'landscape-fig3', /Figure 3 stand-in/, 'stability');
  const fig3 = await checkTableExports(page, 'sweep-export-json', 'sweep-export-csv', 'stability', ['x', 'y', 'eta', 'outcome', 'steps', 'lam', 'qRatio'], 40 * 48);
  expect(fig3.json.kind).toBe('fig3-sweep');
  expect(fig3.json.spec.ui.preset, 'the S-fig3 preset reopens the grid').toBe('S-fig3');
  expect(fig3.json.points).toHaveLength(40 * 48);
  expect(fig3.json.settings).toEqual({ kind: 'fig3', nSigma: 40, nEta: 48 });
  // every cell's outcome is one of the protocol's, and its eta is the column's
  const oc = fig3.header.indexOf('outcome');
  expect(new Set(fig3.rows.map((r) => r[oc])).size).toBeGreaterThan(1);
  expect(fig3.rows.filter((r) => !['converged', 'diverged', 'max-steps', 'periodic'].includes(r[oc]))).toEqual([]);
  expect(fig3.rows.map((r) => r[fig3.header.indexOf('x')])).toEqual(fig3.rows.map((r) => r[fig3.header.indexOf('eta')]));

  await page.getByRole('tab', { name: 'Beyond the edge: bifurcation' }).click();
  await page.getByTestId('bif-resolution').selectOption('quick');
  await expect(page.getByTestId('bif-done')).toHaveAttribute('data-columns', '500', { timeout: 150_000 });
  await checkPlotImages(page, 'landscape-bifurcation', /Bifurcation diagram/, 'stability');
  const bif = await checkTableExports(page, 'bif-export-json', 'bif-export-csv', 'stability', ['etaPhi', 'k', 'lam'], 400 * 64);
  expect(bif.json.kind).toBe('bifurcation');
  expect(bif.json.spec.ui.preset).toBe('S-bif');
  expect(bif.json.protocol).toMatchObject({ columns: 500, burnIn: 20000, keep: 64 });
  expect(bif.json.columns).toHaveLength(500);
  // below etaPhi = 1 GD settles on a fixed point: the column's 64 kept values of lam are one value
  const first = bif.json.columns[0];
  expect(first.etaPhi).toBeLessThan(1);
  expect(first.lam).toHaveLength(64);
  expect(Math.max(...first.lam) - Math.min(...first.lam)).toBeLessThan(1e-6);
  // the CSV's rows are the JSON's values
  const lamCol = bif.header.indexOf('lam');
  expect(Number(bif.rows[0][lamCol])).toBe(first.lam[0]);
});

test('Reproduce cards of Poisoning, Extrapolation and Flow vs Descent as JSON and CSV; the Gram heatmaps as PNG and SVG', async ({ page }) => {
  await page.goto('/#lab=poisoning&page=reproduce');
  await expect(page.getByTestId('repro-export-T1-7-json')).toBeDisabled();
  await page.getByTestId('repro-run-T1-7').click();
  await expect(page.getByTestId('repro-T1-7')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const p = await checkTableExports(page, 'repro-export-T1-7-json', 'repro-export-T1-7-csv', 'poisoning', ['seed', 'arm', 'gen', 'loss', 'stop', 'reopen'], 8);
  expect(p.json.item.id).toBe('T1-7');
  expect(p.json.verdict.holds).toBe(true);
  expect(p.json.runs).toHaveLength(8);
  // each row's own link reopens its seed and arm, with the card's numbers
  for (const r of p.json.runs) {
    const back = decodeSpec(r.reopen);
    expect(back.ok && back.spec).toEqual(r.spec);
    expect(r.final.metrics.gen).toBeGreaterThan(0);
  }
  const gen = p.header.indexOf('gen');
  expect(Number(p.rows[0][gen])).toBe(p.json.runs[0].final.metrics.gen);

  await page.goto('/#lab=flow-vs-descent&page=reproduce');
  await page.getByTestId('repro-run-FD-Q1').click();
  await expect(page.getByTestId('repro-FD-Q1')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const f = await checkTableExports(page, 'repro-export-FD-Q1-json', 'repro-export-FD-Q1-csv', 'flow-vs-descent', ['preset', 'quantity', 'lab', 'expected', 'holds'], 1);
  expect(f.json.spec.ui?.preset ?? f.json.card.id).toBeTruthy();
  expect(f.rows.length).toBe(f.json.card.rows.length);

  await page.goto('/#lab=extrapolation&page=reproduce');
  await page.getByTestId('repro-run-E-TWIN').click();
  await expect(page.getByTestId('repro-E-TWIN')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  const e = await checkTableExports(page, 'repro-export-E-TWIN-json', 'repro-export-E-TWIN-csv', 'extrapolation', ['teacher', 'k', 'sigma', 'seed', 'E', 'reopen'], 1);
  expect(e.json.item.id).toBe('E-TWIN');
  expect(e.rows.length).toBe(e.json.runs.filter((r: { result: unknown }) => r.result).length);

  await page.goto('/#lab=poisoning&page=explore');
  await expect(page.getByTestId('gram-pair')).toBeVisible();
  // the heatmaps' cells are in the picture, in their colours
  await checkPlotImages(page, 'gram', /Gram matrices/, 'poisoning', /<rect [^>]*fill="rgb\(/);
});
