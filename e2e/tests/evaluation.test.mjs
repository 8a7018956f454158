// Browser end-to-end test of the 绩效评价 workspace (issue #4 point 9): admin creates the reference
// evaluation (first service year 2021-08-24 → 2022-08-23), fills the manual rows, overrides one
// score, opens evidence, signs, downloads XLSX/DOCX/PDF, renders the PDF's first page with
// pdftoppm and reads its text with pdftotext (poppler-utils), then starts a new version and edits
// the report prose. The server runs with XL_DEMO=false: the 质量 rows have no monitoring data,
// which the checks report as warnings (signing is still allowed).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  apiJson, byTestId, fillByTestId, inputByTestId, launchBrowser, screenshot, SCREENSHOT_DIR, tableRowCount, waitForText, waitUntil,
} from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, DEMO_FIRST_START_MS, E2E_DIR, freePort, startServer } from '../lib/server.mjs';

const RESULTS = path.join(E2E_DIR, 'test-results');
const plain = (v) => (v === null || v === undefined ? '' : String(Number(v)));

/** Share of pixels darker than near-white in a binary PGM (P5) image, and the grey-level variance. */
function pgmStats(file) {
  const buf = readFileSync(file);
  // header: P5\n<w> <h>\n<max>\n (comments not written by pdftoppm)
  const fields = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    let s = '';
    while (!/\s/.test(String.fromCharCode(buf[i]))) s += String.fromCharCode(buf[i++]);
    fields.push(s);
  }
  i++;
  assert.equal(fields[0], 'P5', 'pdftoppm -gray writes a binary PGM');
  const [w, h] = [Number(fields[1]), Number(fields[2])];
  const px = buf.subarray(i, i + w * h);
  let sum = 0;
  let sq = 0;
  let dark = 0;
  for (const v of px) {
    sum += v;
    sq += v * v;
    if (v < 200) dark++;
  }
  const mean = sum / px.length;
  return { width: w, height: h, darkShare: dark / px.length, variance: sq / px.length - mean * mean };
}

describe('绩效评价 end to end (zh-CN, admin)', () => {
  let server;
  let browser;
  let page;
  let evalId;
  let rows;
  let hash;
  let total;

  before(async () => {
    // healthTimeoutMs: the JVM needs well over a minute to start on a busy 2-core machine
    server = await startServer({ name: 'evaluation', healthTimeoutMs: 300_000 });
    browser = await launchBrowser();
    page = browser.page;
    mkdirSync(RESULTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = (name, title, fn) => test(title, { timeout: 120_000 }, async () => {
    try {
      await fn();
    } catch (err) {
      if (page) await screenshot(page, `failed-evaluation-${name}`).catch(() => {});
      throw err;
    }
  });
  const rowOf = (pred) => rows.find(pred);

  step('login', '(a) admin logs in and opens 绩效评价 from the menu', async () => {
    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-evaluations').waitFor({ state: 'visible' });
    await waitForText(byTestId(page, 'nav-evaluations'), '绩效评价');
    await byTestId(page, 'nav-evaluations').click();
    await page.waitForURL(/\/evaluations$/);
    await byTestId(page, 'evaluation-new').waitFor({ state: 'visible' });
  });

  step('create', '(b) the create dialog defaults to the first service year; the table has the official layout', async () => {
    await byTestId(page, 'evaluation-new').click();
    const from = await inputByTestId(page, 'evaluation-from');
    const to = await inputByTestId(page, 'evaluation-to');
    await waitUntil(async () => (await from.inputValue()) === '2021-08-24', { message: 'default from 2021-08-24' });
    assert.equal(await to.inputValue(), '2022-08-23', 'default to = from + 1 year − 1 day');
    // the policy pickers explain the chosen option in plain words
    const dialog = byTestId(page, 'evaluation-dialog');
    assert.match(await dialog.innerText(), /从分母中扣除/);
    assert.match(await dialog.innerText(), /可用率/);
    await screenshot(page, 'evaluation-a-create');
    await byTestId(page, 'evaluation-create-submit').click();

    await page.waitForURL(/\/evaluations\/\d+$/);
    evalId = Number(new URL(page.url()).pathname.split('/').pop());
    await byTestId(page, 'evaluation-table').waitFor({ state: 'visible' });
    await waitUntil(async () => (await byTestId(page, 'evaluation-status').getAttribute('data-status')) === 'DRAFT', { message: 'status DRAFT' });
    rows = await apiJson(server, `/api/v1/evaluations/${evalId}/rows`);
    assert.equal(rows.length, 15, 'the reference template has 15 rows');
    await waitUntil(async () => (await tableRowCount(page, 'evaluation-table')) === rows.length, { message: 'all rows shown' });
    // level-1 / level-2 cells are merged: 产出指标 over 9 rows, 数量指标 over 5
    const spans = await byTestId(page, 'evaluation-table').evaluate((el) =>
      [...el.querySelectorAll('td[rowspan]')].map((td) => [td.innerText.trim(), td.getAttribute('rowspan')]));
    assert.ok(spans.some(([text, n]) => text === '产出指标' && n === '9'), `产出指标 spans 9 rows: ${JSON.stringify(spans)}`);
    assert.ok(spans.some(([text, n]) => text === '数量指标' && n === '5'), `数量指标 spans 5 rows: ${JSON.stringify(spans)}`);
    const summary = await apiJson(server, `/api/v1/evaluations/${evalId}`);
    await waitForText(byTestId(page, 'evaluation-total'), plain(summary.totalScore), { message: 'evaluation-total' });
    await screenshot(page, 'evaluation-b-draft');
  });

  step('manual', '(c) the evaluator fills the 效益/满意度 rows and overrides one score', async () => {
    const manual = rows.filter((r) => r.source === 'MANUAL');
    assert.equal(manual.length, 5, 'five manual rows (效益 ×4, 满意度)');
    const actuals = [95, 90, 100, 92, 96];
    for (const [i, r] of manual.entries()) {
      await fillByTestId(page, `row-actual-${r.id}`, String(actuals[i]));
      await fillByTestId(page, `row-note-${r.id}`, `e2e：第 ${i + 1} 项依据使用单位问卷与案件统计`);
      await byTestId(page, `row-save-${r.id}`).click();
      await waitUntil(async () => {
        const now = await apiJson(server, `/api/v1/evaluations/${evalId}/rows`);
        const row = now.find((x) => x.id === r.id);
        return Number(row.actual) === actuals[i] && (row.note || '').startsWith('e2e');
      }, { message: `row ${r.id} saved` });
    }
    // override the 时效 score with a reason in the row drawer: both numbers are shown
    const timely = rowOf((r) => r.level2 === 'TIMELINESS');
    await byTestId(page, `row-edit-${timely.id}`).click();
    await fillByTestId(page, 'override-score', '4.5');
    await fillByTestId(page, 'override-reason', 'e2e：延期系疫情停工，经主管部门批准顺延');
    await byTestId(page, 'override-save').click();
    const score = byTestId(page, `row-score-${timely.id}`);
    await waitUntil(async () => (await score.getAttribute('data-overridden')) === 'true', { message: 'override shown' });
    assert.equal((await score.locator('s').innerText()).trim(), plain(timely.computedScore), 'computed score struck through');
    assert.equal((await score.locator('b').innerText()).trim(), '4.5', 'override shown next to it');

    const summary = await apiJson(server, `/api/v1/evaluations/${evalId}`);
    total = plain(summary.totalScore);
    await waitForText(byTestId(page, 'evaluation-total'), total, { message: 'evaluation-total after edits' });
    // while a row has neither an actual nor an override (no monitoring data here) the grade reads 暂计
    const pending = (await apiJson(server, `/api/v1/evaluations/${evalId}/rows`)).some((r) => r.actual === null && r.overrideScore === null);
    await waitForText(byTestId(page, 'evaluation-grade'), pending ? '暂计' : summary.gradeLabel, { message: 'evaluation-grade' });
  });

  step('evidence', '(d) evidence drawer: the devices of a 数量 row; the per-device figures and timeline of a 质量 row', async () => {
    const quantity = rowOf((r) => r.level2 === 'QUANTITY');
    await byTestId(page, `evidence-open-${quantity.id}`).click();
    const body = byTestId(page, 'evidence-body');
    await waitUntil(async () => (await body.getAttribute('data-kind')) === 'DEVICES', { message: 'DEVICES evidence' });
    const evidence = await apiJson(server, `/api/v1/evaluations/${evalId}/rows/${quantity.id}/evidence`);
    assert.equal(Number(await body.getAttribute('data-items')), evidence.items.length);
    assert.ok(evidence.items.length >= 45, '45 selected devices of the first quantity target');
    await page.keyboard.press('Escape');
    await byTestId(page, 'evidence-drawer').waitFor({ state: 'hidden' });

    const quality = rowOf((r) => r.level2 === 'QUALITY');
    await byTestId(page, `evidence-open-${quality.id}`).click();
    await waitUntil(async () => (await body.getAttribute('data-kind')) === 'AVAILABILITY', { message: 'AVAILABILITY evidence' });
    assert.ok(Number(await body.getAttribute('data-items')) > 0, 'per-device figures listed');
    await byTestId(page, 'evidence-devices').locator('tr.el-table__row').first().click();
    const timeline = byTestId(page, 'evidence-timeline');
    await timeline.waitFor({ state: 'visible' });
    assert.ok(await timeline.getAttribute('data-device'), 'timeline of the clicked device');
    await screenshot(page, 'evaluation-c-evidence');
    await page.keyboard.press('Escape');
    await byTestId(page, 'evidence-drawer').waitFor({ state: 'hidden' });
  });

  step('checks', '(e) the checks panel lists the checks, failing ones first, none blocking', async () => {
    const checks = byTestId(page, 'evaluation-checks');
    await checks.waitFor({ state: 'visible' });
    const apiChecks = await apiJson(server, `/api/v1/evaluations/${evalId}/checks`);
    await waitUntil(async () => (await checks.locator('li').count()) === apiChecks.length, { message: 'one line per check' });
    assert.equal(await checks.getAttribute('data-blocking'), '0', 'no ERROR check fails on the reference project');
    const order = await checks.locator('li').evaluateAll((lis) => lis.map((li) => li.dataset.passed));
    assert.deepEqual(order, [...order].sort(), 'failed checks (warnings: no monitoring data) before passed ones');
  });

  step('sign', '(f) signing makes the evaluation FINAL and read-only, with its snapshot hash', async () => {
    await byTestId(page, 'evaluation-sign').click();
    // every open warning needs a reason in the dialog
    const reasons = page.locator('textarea[data-testid="sign-ack-reason"], [data-testid="sign-ack-reason"] textarea');
    for (let i = 0; i < await reasons.count(); i++) await reasons.nth(i).fill('e2e：本期无监测数据，已向主管部门说明');
    await byTestId(page, 'evaluation-sign-confirm').click();
    await waitUntil(async () => (await byTestId(page, 'evaluation-status').getAttribute('data-status')) === 'FINAL', { message: 'status FINAL' });
    hash = (await byTestId(page, 'evaluation-hash').innerText()).trim();
    assert.match(hash, /^[0-9a-f]{64}$/);
    const summary = await apiJson(server, `/api/v1/evaluations/${evalId}`);
    assert.equal(summary.evaluation.snapshotSha256, hash);
    assert.equal(await page.locator('[data-testid^="row-actual-"] input, input[data-testid^="row-actual-"]').count(), 0, 'no inputs left');
    assert.equal(await page.locator('[data-testid="evaluation-sign"]').count(), 0, 'no sign button');
    await byTestId(page, 'evaluation-new-version').waitFor({ state: 'visible' });
    await waitForText(byTestId(page, 'evaluation-total'), total);
    await screenshot(page, 'evaluation-d-signed');
  });

  step('pdf', '(g) downloads: XLSX, DOCX and the PDF, whose first page renders and states the title and total', async () => {
    const request = page.context().request; // the browser's session cookie
    for (const fmt of ['xlsx', 'docx']) {
      const href = await byTestId(page, `evaluation-export-${fmt}`).getAttribute('href');
      const res = await request.get(server.baseUrl + href);
      assert.equal(res.status(), 200, `${fmt} download`);
      const bytes = await res.body();
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', `${fmt} is a zip container`);
      assert.equal(res.headers()['x-snapshot-sha256'], hash);
    }
    const href = await byTestId(page, 'evaluation-export-pdf').getAttribute('href');
    assert.equal(href, `/api/v1/evaluations/${evalId}/export?format=pdf&lang=zh-CN`, 'exports in the UI language');
    const res = await request.get(server.baseUrl + href);
    assert.equal(res.status(), 200, 'PDF download');
    assert.match(res.headers()['content-type'], /application\/pdf/);
    assert.equal(res.headers()['x-snapshot-sha256'], hash);
    const pdf = path.join(RESULTS, `evaluation-${evalId}.pdf`);
    writeFileSync(pdf, await res.body());
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');

    const prefix = path.join(RESULTS, `evaluation-${evalId}-page`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, prefix]);
    execFileSync('pdftoppm', ['-gray', '-r', '60', '-f', '1', '-l', '1', pdf, prefix]);
    const out = (ext) => readdirSync(RESULTS).filter((f) => f.startsWith(`evaluation-${evalId}-page`) && f.endsWith(ext)).map((f) => path.join(RESULTS, f))[0];
    const png = out('.png');
    assert.ok(png, 'pdftoppm wrote page 1 as PNG');
    assert.ok(statSync(png).size > 5000, `PNG is more than a blank page (${statSync(png).size} bytes)`);
    copyFileSync(png, path.join(SCREENSHOT_DIR, 'evaluation-e-pdf-page1.png'));
    const stats = pgmStats(out('.pgm'));
    assert.ok(stats.width > 300 && stats.height > 300, 'an A4 page at 60 dpi');
    assert.ok(stats.darkShare > 0.005 && stats.variance > 50, `page 1 has ink: ${JSON.stringify(stats)}`);

    const page1 = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    // the long project name wraps the title; compare without line breaks
    assert.match(page1.replace(/\s+/g, ''), /支出绩效自评报告/, `title on page 1: ${page1.slice(0, 300)}`);
    // page 1 carries the total and the signature: the title page an auditor reads first
    const printed = /得分\s*([\d.]+)\s*分?\s*[，,]\s*(?:评价)?等级/.exec(page1);
    assert.ok(printed, `page 1 prints 总分 …，得分 …，等级 …: ${page1.slice(0, 600)}`);
    assert.equal(printed[1], total, 'the total printed on page 1 equals the page\'s evaluation-total');
    assert.ok(page1.replace(/\s+/g, '').includes(hash), 'the snapshot SHA-256 is printed on page 1');
  });

  step('version', '(h) a new version is a DRAFT that keeps the entries; its report prose can be edited', async () => {
    await byTestId(page, 'evaluation-new-version').click();
    await waitUntil(async () => Number(new URL(page.url()).pathname.split('/').pop()) !== evalId, { message: 'new version opened' });
    const newId = Number(new URL(page.url()).pathname.split('/').pop());
    await waitUntil(async () => (await byTestId(page, 'evaluation-status').getAttribute('data-status')) === 'DRAFT', { message: 'v2 DRAFT' });
    const manual = (await apiJson(server, `/api/v1/evaluations/${newId}/rows`)).find((r) => r.source === 'MANUAL');
    const actual = await inputByTestId(page, `row-actual-${manual.id}`);
    assert.equal(await actual.inputValue(), '95', 'the manual actual carried over');

    await page.locator('#tab-report').click();
    await byTestId(page, 'evaluation-report').waitFor({ state: 'visible' });
    await fillByTestId(page, 'report-prose-7', 'e2e：加强前端设备巡检，完善运维考核。');
    await byTestId(page, 'report-save').click();
    await waitUntil(async () => {
      const report = await apiJson(server, `/api/v1/evaluations/${newId}/report`);
      return report.sections.find((s) => s.seq === 7).prose.startsWith('e2e');
    }, { message: 'report prose saved' });
    const old = await apiJson(server, `/api/v1/evaluations/${evalId}`);
    assert.equal(old.evaluation.status, 'FINAL', 'the signed version stays FINAL until v2 is signed');
    await screenshot(page, 'evaluation-f-report');
  });
});

// With XL_DEMO=true the server backfills a synthetic monitoring history from 2021-08-24 (docs/DEMO.md),
// so the 质量 rows are computed and a device's evidence timeline has intervals. Its simulator ports
// are free ones, so a running demo on the default ports does not collide.
describe('绩效评价 with the demo history (XL_DEMO=true)', { skip: process.env.XL_E2E_BASE_URL ? 'needs a server of its own' : false }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    const [onvif, snmp] = [await freePort(), await freePort()];
    server = await startServer({
      name: 'evaluation-demo',
      healthTimeoutMs: DEMO_FIRST_START_MS,
      env: { XL_DEMO: 'true', XL_DEMO_ONVIF_PORT: String(onvif), XL_DEMO_SNMP_PORT: String(snmp), XL_DEMO_TCP_PORT_OFFSET: '35000' },
    });
    browser = await launchBrowser();
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('(i) the 质量 rows are computed from the backfilled rollups; a device shows its outage timeline', { timeout: 300_000 }, async () => {
    try {
      // the backfill runs once after seeding and leaves an audit entry
      await waitUntil(async () => {
        const audit = await apiJson(server, '/api/v1/audit?actor=system&size=200');
        return audit.items.some((e) => e.action === 'DEMO_BACKFILL');
      }, { timeout: 180_000, interval: 1000, message: 'DEMO_BACKFILL audit entry' });
      const created = await apiJson(server, '/api/v1/evaluations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ projectId: 1, from: '2021-08-24', to: '2022-08-23' }),
      });
      const id = created.evaluation.id;
      const rows = await apiJson(server, `/api/v1/evaluations/${id}/rows`);
      const front = rows.find((r) => r.level2 === 'QUALITY');
      assert.ok(Number(front.actual) > 95 && Number(front.actual) <= 100, `front-end availability computed: ${front.actual}`);

      await page.goto(`${server.baseUrl}/login?redirect=/evaluations/${id}`);
      await fillByTestId(page, 'login-username', ADMIN_USER);
      await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
      await byTestId(page, 'login-submit').click();
      await byTestId(page, 'evaluation-table').waitFor({ state: 'visible' });
      await waitForText(byTestId(page, `row-actual-value-${front.id}`), /%/, { message: 'quality actual shown' });

      await byTestId(page, `evidence-open-${front.id}`).click();
      const body = byTestId(page, 'evidence-body');
      await waitUntil(async () => (await body.getAttribute('data-kind')) === 'AVAILABILITY', { message: 'AVAILABILITY evidence' });
      // sort by outages, most first, and open the worst device
      const outagesHeader = byTestId(page, 'evidence-devices').locator('th').filter({ hasText: '故障次数' }).first();
      await outagesHeader.locator('.sort-caret.descending').click();
      await byTestId(page, 'evidence-devices').locator('tr.el-table__row').first().click();
      const timeline = byTestId(page, 'evidence-timeline');
      await waitUntil(async () => Number(await timeline.getAttribute('data-intervals')) > 1, { timeout: 30_000, message: 'timeline intervals' });
      await timeline.locator('canvas').first().waitFor({ state: 'visible' });
      // the day rollups behind that device's figures, and its figures in words
      const rollups = byTestId(page, 'evidence-rollups');
      await waitUntil(async () => Number(await rollups.getAttribute('data-rows')) === 365, { timeout: 30_000, message: '365 day rollups' });
      await waitForText(byTestId(page, 'evidence-device-figures'), /可用率/, { message: 'device figures' });

      // 质量 2: the back-end devices, computed too, with evidence of their own
      const back = rows.filter((r) => r.level2 === 'QUALITY')[1];
      assert.equal(back.metric, 'QUALITY_BACK_END');
      assert.ok(Number(back.actual) > 95 && Number(back.actual) <= 100, `back-end availability computed: ${back.actual}`);
      const backEvidence = await apiJson(server, `/api/v1/evaluations/${id}/rows/${back.id}/evidence`);
      const backEnd = (await apiJson(server, '/api/v1/categories')).filter((c) => c.tier === 'BACK_END').map((c) => c.code);
      const devices = await apiJson(server, '/api/v1/devices?projectId=1&size=200');
      assert.equal(backEvidence.items.length, devices.items.filter((d) => backEnd.includes(d.category)).length,
        'one evidence entry per back-end device');
      await screenshot(page, 'evaluation-g-demo-evidence');
    } catch (err) {
      if (page) await screenshot(page, 'failed-evaluation-demo').catch(() => {});
      throw err;
    }
  });
});
