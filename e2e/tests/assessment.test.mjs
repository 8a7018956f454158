// Browser end-to-end test of the 运维考核 workspace (issue 11 §5, §7) against the demo jar (XL_DEMO=true: a synthetic
// monitoring history, so 在线率 and fault hours are real numbers): admin opens 运维考核 from the menu, computes last
// month, opens an indicator's evidence and a deduction's drill-down (cameras and their DOWN intervals), signs with the
// synthetic-data acknowledgement, and downloads the XLSX and the PDF (rendered with pdftoppm). Screenshots of each state.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import { apiJson, byTestId, fillByTestId, inputByTestId, screenshot, SCREENSHOT_DIR, serverAndBrowser, waitForText, waitUntil } from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, DEMO_FIRST_START_MS, E2E_DIR, freePort } from '../lib/server.mjs';

const RESULTS = path.join(E2E_DIR, 'test-results');
/** A RegExp that matches any text containing s. */
const has = (s) => new RegExp(String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
/** How long the 分组指标 table may take to fill: its groups are computed on request (see step d2). */
const GROUPING_MS = 120_000;

describe('运维考核 end to end (zh-CN, admin, demo data)', { skip: process.env.XL_E2E_BASE_URL ? 'needs a server of its own' : false }, async () => {
  const [onvif, snmp] = [await freePort(), await freePort()];
  const ctx = serverAndBrowser({
    name: 'assessment',
    healthTimeoutMs: DEMO_FIRST_START_MS,
    env: { XL_DEMO: 'true', XL_DEMO_ONVIF_PORT: String(onvif), XL_DEMO_SNMP_PORT: String(snmp), XL_DEMO_TCP_PORT_OFFSET: '36000' },
  }, { prefix: 'assessment', timeout: 300_000 });
  let id;
  let sheet;

  ctx.step('login', '(a) admin opens 运维考核 from the menu; last month has no sheet yet', async () => {
    const { page, server } = ctx;
    mkdirSync(RESULTS, { recursive: true });
    await waitUntil(async () => {
      const audit = await apiJson(server, '/api/v1/audit?actor=system&size=200');
      return audit.items.some((e) => e.action === 'DEMO_BACKFILL');
    }, { timeout: 240_000, interval: 1000, message: 'DEMO_BACKFILL audit entry' });
    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-assessment').waitFor({ state: 'visible' });
    await waitForText(byTestId(page, 'nav-assessment'), '运维考核');
    await byTestId(page, 'nav-assessment').click();
    await page.waitForURL(/\/assessment$/);
    await byTestId(page, 'assessment-compute').waitFor({ state: 'visible' });
    await screenshot(page, 'assessment-a-empty');
  });

  ctx.step('compute', '(b) computing last month shows the score, every indicator measured, and the deductions', async () => {
    const { page, server } = ctx;
    await byTestId(page, 'assessment-compute').click();
    await byTestId(page, 'assessment-deductions').waitFor({ state: 'visible', timeout: 120_000 });
    const list = await apiJson(server, '/api/v1/assessments?projectId=1');
    assert.equal(list.length, 1, 'one sheet stored');
    id = list[0].id;
    sheet = await apiJson(server, `/api/v1/assessments/${id}`);
    assert.equal(sheet.assessment.status, 'DRAFT');
    assert.ok(sheet.synthetic, 'a demo month rests on synthetic data');
    assert.ok(sheet.cameras > 0, 'cameras are judged');
    assert.ok(sheet.indicators.onlineRate.measured, '在线率 is measured from the demo history');
    assert.ok(sheet.indicators.onlineRate.value > 0 && sheet.indicators.onlineRate.value <= 1);
    await waitForText(byTestId(page, 'assessment-score'), has(String(Number(sheet.score))));
    await waitForText(byTestId(page, 'assessment-indicator-onlineRate'), has((sheet.indicators.onlineRate.value * 100).toFixed(2)));
    // The demo gives every indicator something real to measure (issue 11's done-when): none is 未测.
    for (const k of ['onlineRate', 'recordingCompleteness', 'imageIntactness', 'clockAccuracy', 'archiveCompleteness']) {
      const v = sheet.indicators[k];
      assert.ok(v && v.measured, `${k} is measured in a demo month: ${JSON.stringify(v)}`);
      assert.ok(v.value > 0 && v.value <= 1, `${k} lies in (0, 1]: ${v.value}`);
      await waitForText(byTestId(page, `assessment-indicator-${k}`), has((v.value * 100).toFixed(2)));
    }
    await byTestId(page, 'assessment-synthetic').waitFor({ state: 'visible' });
    await screenshot(page, 'assessment-b-draft');
  });

  ctx.step('evidence', '(c) an indicator opens its evidence; a deduction drills down to cameras and their intervals', async () => {
    const { page } = ctx;
    await byTestId(page, 'assessment-indicator-onlineRate').locator('button').click();
    await byTestId(page, 'assessment-evidence-cameras').waitFor({ state: 'visible' });
    await screenshot(page, 'assessment-c-indicator-evidence');
    await page.keyboard.press('Escape');
    await byTestId(page, 'assessment-evidence').waitFor({ state: 'hidden' });
    const drillable = sheet.deductions.find((d) => d.devices > 0);
    assert.ok(drillable, `a deduction with cameras: ${JSON.stringify(sheet.deductions.map((d) => [d.rule, d.state, d.devices]))}`);
    await byTestId(page, `assessment-drill-${drillable.rule}`).click();
    const cameras = byTestId(page, 'assessment-evidence-cameras');
    await cameras.waitFor({ state: 'visible' });
    await waitUntil(async () => (await cameras.locator('tbody tr.el-table__row').count()) === drillable.devices, { message: 'every camera of the deduction' });
    await cameras.locator('.el-table__expand-icon').first().click();
    const findings = byTestId(page, 'assessment-evidence-findings').first();
    await findings.waitFor({ state: 'visible' });
    if (drillable.rule === 'FAULT_HOURS' || drillable.rule === 'ONLINE_RATE') await waitForText(findings, has('离线'));
    await screenshot(page, 'assessment-d-drilldown');
    await page.keyboard.press('Escape');
    await byTestId(page, 'assessment-evidence').waitFor({ state: 'hidden' });
  });

  ctx.step('rankings', '(d) rankings by township and site; the trend chart', async () => {
    const { page } = ctx;
    await byTestId(page, 'assessment-ranking').scrollIntoViewIfNeeded();
    await waitUntil(async () => (await byTestId(page, 'assessment-ranking').locator('tbody tr').count()) === sheet.groups.township.groups.length,
      { message: 'one row per township' });
    // the trend computes the months without a sheet on the fly, next to the 分组指标 request: slow on a busy machine
    await byTestId(page, 'assessment-trend').waitFor({ state: 'visible', timeout: 120_000 });
    await byTestId(page, 'assessment-trend').scrollIntoViewIfNeeded();
    await screenshot(page, 'assessment-e-rankings-trend');
  });

  ctx.step('grouped', '(d2) 分组指标: the month by vendor and by device; the groups add up to the project total', async () => {
    const { page, server } = ctx;
    const section = byTestId(page, 'assessment-grouped');
    await section.scrollIntoViewIfNeeded();
    const month = sheet.assessment.month;
    const byVendor = await apiJson(server, `/api/v1/metrics/indicators?projectId=1&month=${month}&groupBy=vendor`);
    assert.equal(byVendor.indicators.length, 5, 'all five indicators');
    for (const ind of byVendor.indicators) {
      assert.equal(ind.groups.reduce((n, g) => n + g.cameras, 0), ind.total.cameras, `${ind.indicator}: the vendors' cameras add up`);
      const expected = ind.groups.reduce((n, g) => n + g.expected, 0);
      assert.ok(Math.abs(expected - ind.total.expected) < 1e-6 * Math.max(1, expected), `${ind.indicator}: expected adds up`);
    }
    assert.ok(byVendor.synthetic, 'demo figures are synthetic');
    await section.locator('[data-testid="grouped-groupby"] label').filter({ hasText: '厂商' }).click();
    const table = byTestId(page, 'grouped-table');
    // The groups are computed on request, like the trend's months above, and a busy server (the other lane starting a
    // demo on the same 2 cores) answers slowly: up to 2 minutes, as for the trend. A full run once showed the vendor
    // rows under the 设备 header: the answer for the indicator click came after the one for the grouping click and
    // replaced it. The component now keeps only its latest request's answer, which the row count below checks.
    await waitUntil(async () => (await table.locator('.el-table__body tbody tr').count()) === byVendor.indicators[0].groups.length,
      { message: 'one row per vendor', timeout: GROUPING_MS });
    await waitForText(table.locator('.el-table__footer'), has('项目合计'));
    await byTestId(page, 'grouped-synthetic').waitFor({ state: 'visible' });
    // The loading mask fades out for a moment after the answer: the screenshot is of the table, not of the fade.
    const settled = () => waitUntil(async () => (await table.locator('.el-loading-mask').count()) === 0,
      { message: 'the loading mask gone', timeout: 10_000 });
    await settled();
    await screenshot(page, 'assessment-d2-grouped-vendor');
    await section.locator('[data-testid="grouped-indicator"] label').filter({ hasText: '图像完好率' }).click();
    await section.locator('[data-testid="grouped-groupby"] label').filter({ hasText: /^设备$/ }).click();
    await waitUntil(async () => (await table.locator('.el-table__body tbody tr').count()) === sheet.cameras,
      { message: 'one row per camera', timeout: GROUPING_MS });
    await waitForText(table, has('已测得'));
    await settled();
    await screenshot(page, 'assessment-d3-grouped-device');
  });

  ctx.step('sign', '(e) signing needs the synthetic-data acknowledgement; the sheet is then frozen', async () => {
    const { page, server } = ctx;
    await byTestId(page, 'assessment-sign').click();
    await byTestId(page, 'assessment-sign-dialog').waitFor({ state: 'visible' });
    assert.ok(await byTestId(page, 'assessment-sign-submit').isDisabled(), 'sign is disabled until the notice is acknowledged');
    await screenshot(page, 'assessment-f-sign-dialog');
    await byTestId(page, 'assessment-sign-synthetic').click();
    await byTestId(page, 'assessment-sign-submit').click();
    await waitUntil(async () => (await byTestId(page, 'assessment-status').getAttribute('data-status')) === 'SIGNED', { message: 'status SIGNED' });
    const signed = await apiJson(server, `/api/v1/assessments/${id}`);
    assert.equal(signed.assessment.snapshotSha256.length, 64);
    await waitForText(byTestId(page, 'assessment-signed'), has(signed.assessment.snapshotSha256));
    assert.equal(await page.locator('[data-testid="assessment-compute"]').count(), 0, 'a signed month is not recomputed');
    sheet = signed;
    await screenshot(page, 'assessment-g-signed');
  });

  ctx.step('exports', '(f) the XLSX and the PDF download; the PDF renders and states the title', async () => {
    const { page, server } = ctx;
    const request = page.context().request;
    const xlsxHref = await byTestId(page, 'assessment-export-xlsx').getAttribute('href');
    assert.equal(xlsxHref, `/api/v1/assessments/${id}/export?format=xlsx&lang=zh-CN`);
    const xlsx = await request.get(server.baseUrl + xlsxHref);
    assert.equal(xlsx.status(), 200, 'XLSX download');
    assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
    assert.equal(xlsx.headers()['x-snapshot-sha256'], sheet.assessment.snapshotSha256);
    writeFileSync(path.join(RESULTS, `assessment-${id}.xlsx`), await xlsx.body());
    const pdfRes = await request.get(server.baseUrl + await byTestId(page, 'assessment-export-pdf').getAttribute('href'));
    assert.equal(pdfRes.status(), 200, 'PDF download');
    assert.match(pdfRes.headers()['content-type'], /application\/pdf/);
    const pdf = path.join(RESULTS, `assessment-${id}.pdf`);
    writeFileSync(pdf, await pdfRes.body());
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    assert.match(text, /视频监控运维考核表/);
    assert.match(text, /扣分明细/);
    assert.match(text, new RegExp(sheet.assessment.snapshotSha256));
    const prefix = path.join(RESULTS, `assessment-${id}-page`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, prefix]);
    const png = readdirSync(RESULTS).filter((f) => f.startsWith(`assessment-${id}-page`) && f.endsWith('.png')).map((f) => path.join(RESULTS, f))[0];
    assert.ok(png && statSync(png).size > 5000, 'page 1 renders to more than a blank page');
    copyFileSync(png, path.join(SCREENSHOT_DIR, 'assessment-h-pdf-page1.png'));
  });

  ctx.step('formula', '(g) the 自评表 takes the weighted composite as its 质量 formula: the dialog checks the weights, the header prints them, the row equals the weighted indicators', async () => {
    const { page, server } = ctx;
    const [year, mon] = sheet.month.split('-').map(Number);
    const from = `${sheet.month}-01`;
    const to = `${sheet.month}-${String(new Date(Date.UTC(year, mon, 0)).getUTCDate()).padStart(2, '0')}`;
    const before = (await apiJson(server, '/api/v1/evaluations?projectId=1')).items?.length ?? 0;
    await page.goto(server.baseUrl + '/evaluations');
    await byTestId(page, 'evaluation-new').click();
    await fillByTestId(page, 'evaluation-from', from);
    await fillByTestId(page, 'evaluation-to', to);
    await byTestId(page, 'evaluation-policy-qualityMetric').getByText('加权综合', { exact: true }).click();
    await byTestId(page, 'evaluation-quality-weights').waitFor({ state: 'visible' });
    const weight = async (k, v) => {
      const input = byTestId(page, `evaluation-weight-${k}`).locator('input');
      await input.fill(String(v));
      await input.press('Tab');
    };
    // weights that do not sum to 1 are shown in red and the evaluation is not created
    await weight('onlineRate', 0.5);
    await weight('recordingCompleteness', 0.3);
    await weight('imageIntactness', 0.3);
    await waitForText(byTestId(page, 'evaluation-weights-sum'), has('1.1'));
    assert.match(await byTestId(page, 'evaluation-weights-sum').getAttribute('class'), /bad/);
    await byTestId(page, 'evaluation-create-submit').click();
    await byTestId(page, 'evaluation-dialog').waitFor({ state: 'visible' });
    assert.equal((await apiJson(server, '/api/v1/evaluations?projectId=1')).items?.length ?? 0, before, 'nothing created');
    await weight('imageIntactness', 0.2);
    await waitForText(byTestId(page, 'evaluation-weights-sum'), has('合计 1（'));
    await screenshot(page, 'assessment-i-evaluation-formula-dialog');
    await byTestId(page, 'evaluation-create-submit').click();
    await page.waitForURL(/\/evaluations\/\d+$/, { timeout: 120_000 });
    const evalId = Number(new URL(page.url()).pathname.split('/').pop());
    const line = byTestId(page, 'evaluation-policy').locator('[data-field="qualityMetric"]');
    await waitForText(line, has('加权综合'));
    await waitForText(line, has('0.5 × 在线率 + 0.3 × 录像完整率 + 0.2 × 图像完好率'));
    const header = await apiJson(server, `/api/v1/evaluations/${evalId}`);
    assert.equal(header.evaluation.policy.qualityMetric, 'COMPOSITE');
    // 质量指标1's actual is the weighted sum of the month's indicators, the same sources as the 考核 sheet
    const v = (k) => sheet.indicators[k].value;
    const expected = 100 * (0.5 * v('onlineRate') + 0.3 * v('recordingCompleteness') + 0.2 * v('imageIntactness'));
    const rows = await apiJson(server, `/api/v1/evaluations/${evalId}/rows`);
    const quality = rows.filter((r) => r.level2 === 'QUALITY' && r.actual !== null);
    assert.ok(quality.some((r) => Math.abs(Number(r.actual) - expected) < 0.05),
      `a 质量 row equals 0.5 × 在线率 + 0.3 × 录像完整率 + 0.2 × 图像完好率 = ${expected.toFixed(2)}: ${JSON.stringify(quality.map((r) => [r.indicator, r.actual]))}`);
    await screenshot(page, 'assessment-j-evaluation-composite');
  });
});
