// Browser end-to-end test of the evaluator-grade outputs (issue 8 point 9). The reference evaluation
// (project 1, 2021-08-24 → 2022-08-23: manual rows filled, one score overridden) is signed in the UI with a
// reason for every open warning, then downloaded by the browser through the page's export links (lang=zh-CN)
// as XLSX, DOCX and PDF. Each is read back (lib/exports.mjs): every row present, the 分值 column summing to
// the printed 总分 and the 得分 column to the printed 得分 (= the API's totalScore), 签署说明 with the reasons,
// and no internal code. The PDF's page 1 and the workbook as LibreOffice prints it are rendered to PNG in
// e2e/screenshots. A second server in demo mode shows the banner, the synthetic-data notice on the page,
// the evidence and every PDF page, and a sign-off that needs the notice accepted.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe } from 'node:test';
import { offendingTokens } from '../lib/codeTokens.mjs';
import { docxTable, docxText, pdfPages, pdfTable, pdfWords, readXlsx, sum2, xlsxTable } from '../lib/exports.mjs';
import {
  api, apiJson, byTestId, fillByTestId, screenshot, SCREENSHOT_DIR, serverAndBrowser, waitForText, waitUntil,
} from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, DEMO_FIRST_START_MS, E2E_DIR } from '../lib/server.mjs';

const RESULTS = path.join(E2E_DIR, 'test-results', 'exports');
const NOTICE = '含模拟数据，不得用于正式报送';
const BANNER = '演示模式：数据为模拟生成';
const REFERENCE = { projectId: 1, from: '2021-08-24', to: '2022-08-23' };
const squeeze = (s) => String(s).replace(/\s+/g, '');
const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function login(page, server, target = '/') {
  await page.goto(`${server.baseUrl}/login?redirect=${encodeURIComponent(target)}`);
  await fillByTestId(page, 'login-username', ADMIN_USER);
  await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
  await byTestId(page, 'login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Creates the reference evaluation through the API: its id and rows. */
async function createReference(server) {
  const created = await apiJson(server, '/api/v1/evaluations', json(REFERENCE));
  const id = created.evaluation.id;
  return { id, rows: await apiJson(server, `/api/v1/evaluations/${id}/rows`) };
}

async function patchRow(server, id, rowId, body) {
  await apiJson(server, `/api/v1/evaluations/${id}/rows/${rowId}`, { ...json(body), method: 'PATCH' });
}

/** Clicks the page's export link of format and saves what the browser downloads; the link's href too. */
async function download(page, format, file) {
  const link = byTestId(page, `evaluation-export-${format}`);
  const href = await link.getAttribute('href');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), link.click()]);
  assert.equal(await dl.failure(), null, `${format} download failed`);
  await dl.saveAs(file);
  return href;
}

/** Renders page 1 of a PDF to PNG at dpi with pdftoppm; the PNG's path. */
function pdfPage1Png(pdf, prefix, dpi = 80) {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix], { timeout: 60_000 });
  const png = `${prefix}.png`;
  assert.ok(existsSync(png) && statSync(png).size > 10_000, `pdftoppm rendered ${pdf} page 1 (${existsSync(png) && statSync(png).size} bytes)`);
  return png;
}

/** An XLSX or DOCX as LibreOffice prints it (its own print setup: the workbook's A4 landscape, fit to width), as a PDF. */
function officeToPdf(file, outDir) {
  mkdirSync(outDir, { recursive: true });
  // a profile of its own: another soffice (a parallel test run) must not capture the conversion
  const profile = path.join(outDir, 'lo-profile');
  execFileSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file],
    { timeout: 180_000, stdio: 'pipe', env: { ...process.env, HOME: outDir } });
  const pdf = path.join(outDir, path.basename(file).replace(/\.(xlsx|docx)$/, '.pdf'));
  assert.ok(existsSync(pdf), `LibreOffice converted ${file} to PDF`);
  return pdf;
}

/** Every open warning's reason field in the open sign dialog. */
const reasonFields = (page) => page.locator('[data-testid="evaluation-sign-dialog"] textarea');

describe('evaluator-grade exports of the signed reference evaluation (zh-CN)', () => {
  // the JVM needs well over a minute to start on a busy 2-core machine
  const ctx = serverAndBrowser({ name: 'exports', healthTimeoutMs: 300_000 }, { prefix: 'exports' });
  const { step } = ctx;
  let server;
  let page;
  let evalId;
  let rows;
  let openWarnings;
  let summary;
  const reasonOf = (c) => `e2e：${c.code === 'ACTUAL_MISSING' ? '本期未接入监测' : '已向主管部门书面说明'}（第${c.rowId ?? 0}行）`;

  before(() => {
    ({ server, page } = ctx);
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
  });

  step('prepare', '(a) the reference evaluation: manual rows filled, one score overridden; the API refuses to sign it bare', async () => {
    ({ id: evalId, rows } = await createReference(server));
    assert.ok(rows.some((r) => squeeze(r.name) === '预算执行率'), 'the template has the 预算执行率 row');
    const manual = rows.filter((r) => r.source === 'MANUAL');
    assert.equal(manual.length, 5, 'five manual rows (效益 ×4, 满意度)');
    for (const [i, r] of manual.entries()) await patchRow(server, evalId, r.id, { actual: 90 + i * 2, note: `e2e：问卷与案件统计 ${i + 1}` });
    const timely = rows.find((r) => r.level2 === 'TIMELINESS');
    await patchRow(server, evalId, timely.id, { overrideScore: 4.5, overrideReason: 'e2e：疫情停工不计入工期' });

    const checks = await apiJson(server, `/api/v1/evaluations/${evalId}/checks`);
    assert.equal(checks.filter((c) => !c.passed && c.severity === 'ERROR').length, 0, 'no open error on the reference project');
    openWarnings = checks.filter((c) => !c.passed && c.severity === 'WARNING');
    assert.ok(openWarnings.length >= 1, 'without monitoring data the 质量 rows leave warnings open');
    // signing with a warning unexplained is refused with the warnings listed, and changes nothing
    const res = await api(server, `/api/v1/evaluations/${evalId}/sign`, json({ acknowledgements: [] }));
    assert.equal(res.status, 422, 'sign without acknowledgements');
    const problem = await res.json();
    assert.deepEqual(problem.errors.map((e) => `${e.field}/${e.rowId ?? ''}`).sort(),
      openWarnings.map((c) => `${c.code}/${c.rowId ?? ''}`).sort(), 'the 422 lists every unacknowledged warning');
    assert.equal((await apiJson(server, `/api/v1/evaluations/${evalId}`)).evaluation.status, 'DRAFT');
  });

  step('sign', '(b) the sign dialog asks a reason for every open warning and signs only once all are given', async () => {
    await login(page, server, `/evaluations/${evalId}`);
    await byTestId(page, 'evaluation-table').waitFor({ state: 'visible' });
    await byTestId(page, 'evaluation-sign').click();
    const dialog = byTestId(page, 'evaluation-sign-dialog');
    await dialog.waitFor({ state: 'visible' });
    const warnings = dialog.locator('[data-testid="sign-warnings"] .ack');
    await waitUntil(async () => (await warnings.count()) === openWarnings.length, { message: 'one entry per open warning' });
    assert.equal(await reasonFields(page).count(), openWarnings.length, 'one reason field per open warning');
    const text = await dialog.innerText();
    for (const c of openWarnings) assert.ok(text.includes(c.title), `the dialog names the warning '${c.title}'`);
    assert.deepEqual(offendingTokens(text), [], 'the dialog speaks words, not codes');
    await screenshot(page, 'exports-a-sign-dialog');

    // confirm with no reason: nothing is signed, every warning is marked as missing its reason
    const confirm = byTestId(page, 'evaluation-sign-confirm');
    await confirm.click();
    const missing = dialog.locator('[data-testid="sign-warnings"] .bad');
    await waitUntil(async () => (await missing.count()) === openWarnings.length, { message: 'every reason marked missing' });
    // all but the last: still refused, only the last one is marked
    for (let i = 0; i < openWarnings.length - 1; i++) await reasonFields(page).nth(i).fill(reasonOf(openWarnings[i]));
    await confirm.click();
    await waitUntil(async () => (await missing.count()) === 1, { message: 'only the last reason marked missing' });
    assert.equal((await apiJson(server, `/api/v1/evaluations/${evalId}`)).evaluation.status, 'DRAFT', 'not signed while a reason is missing');
    await reasonFields(page).nth(openWarnings.length - 1).fill(reasonOf(openWarnings.at(-1)));
    await waitUntil(async () => (await missing.count()) === 0, { message: 'the mark goes once the reason is typed' });
    assert.equal(await confirm.isEnabled(), true);
    await confirm.click();
    await waitUntil(async () => (await byTestId(page, 'evaluation-status').getAttribute('data-status')) === 'FINAL', { message: 'status FINAL' });

    summary = await apiJson(server, `/api/v1/evaluations/${evalId}`);
    assert.equal(summary.evaluation.status, 'FINAL');
    assert.deepEqual(summary.acknowledgements.map((a) => [a.code, a.rowId ?? null, a.reason, a.by]).sort(),
      openWarnings.map((c) => [c.code, c.rowId ?? null, reasonOf(c), ADMIN_USER]).sort(), 'the acknowledgements are frozen with the signer');
    const acks = byTestId(page, 'evaluation-acknowledgements');
    await acks.waitFor({ state: 'visible' });
    const shown = await acks.innerText();
    assert.match(shown, /签署说明/);
    for (const c of openWarnings) assert.ok(shown.includes(reasonOf(c)), `the page shows the reason '${reasonOf(c)}'`);
    await screenshot(page, 'exports-b-signed');
  });

  step('exports', '(c) XLSX, DOCX and PDF as the browser downloads them: every row, sums right, 签署说明, no codes', async () => {
    const names = rows.map((r) => squeeze(r.name));
    const totalWeight = Number(summary.totalWeight);
    const totalScore = Number(summary.totalScore);
    assert.equal(totalWeight, 100);
    const reasons = openWarnings.map(reasonOf);

    const files = {};
    for (const format of ['xlsx', 'docx', 'pdf']) {
      files[format] = path.join(RESULTS, `reference.${format}`);
      const href = await download(page, format, files[format]);
      assert.equal(href, `/api/v1/evaluations/${evalId}/export?format=${format}&lang=zh-CN`, `${format} link in the UI language`);
    }
    const xlsx = readFileSync(files.xlsx);
    const docx = readFileSync(files.docx);
    const pdfText = pdfPages(files.pdf).join('\n');
    const printed = {
      xlsx: { table: xlsxTable(xlsx), text: readXlsx(xlsx).text },
      docx: { table: docxTable(docx), text: docxText(docx) },
      pdf: { table: pdfTable(files.pdf), text: pdfText },
    };
    for (const [format, { table, text }] of Object.entries(printed)) {
      // the PDF's 三级指标 column, read top to bottom, is the names run together (a long name wraps in its cell)
      assert.equal(table.names.join(''), names.join(''), `${format}: every row, in order`);
      if (format !== 'pdf') assert.deepEqual(table.names, names, `${format}: one line per row`);
      assert.equal(table.weights.length, rows.length, `${format}: one 分值 per row`);
      assert.equal(sum2(table.weights), table.totalWeight, `${format}: the 分值 column sums to the printed 总分`);
      assert.equal(table.totalWeight, totalWeight, `${format}: printed 总分 = the API's totalWeight`);
      assert.equal(sum2(table.scores), table.totalScore, `${format}: the 得分 column sums to the printed 得分`);
      assert.equal(table.totalScore, totalScore, `${format}: printed 得分 = the API's totalScore`);
      assert.deepEqual(offendingTokens(text), [], `${format}: no internal code in the zh-CN export`);
      assert.ok(text.includes('签署说明'), `${format}: prints 签署说明`);
      for (const reason of reasons) assert.ok(squeeze(text).includes(squeeze(reason)), `${format}: prints the reason '${reason}'`);
      assert.ok(text.includes('已签署'), `${format}: the status in words`);
    }
    // Excel recomputes the totals: SUM formulas over the 分值 and 得分 columns
    assert.match(printed.xlsx.table.formulas[0] || '', /^SUM\(F\d+:F\d+\)$/, 'xlsx 总分 is a SUM formula');
    assert.match(printed.xlsx.table.formulas[1] || '', /^SUM\(G\d+:G\d+\)$/, 'xlsx 得分 is a SUM formula');
    assert.ok(squeeze(pdfText).includes(summary.evaluation.snapshotSha256), 'the PDF prints the snapshot hash');
  });

  step('render', '(d) the PDF page 1, the workbook and the DOCX as LibreOffice prints them, rendered to PNG', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdfPng = pdfPage1Png(path.join(RESULTS, 'reference.pdf'), path.join(RESULTS, 'reference-pdf-page1'));
    copyFileSync(pdfPng, path.join(SCREENSHOT_DIR, 'exports-c-pdf-page1.png'));
    // into a folder of its own: reference.pdf next to the workbook is the report
    const printedXlsx = officeToPdf(path.join(RESULTS, 'reference.xlsx'), path.join(RESULTS, 'xlsx-printed'));
    const pages = pdfPages(printedXlsx);
    // fit to width on A4 landscape: the whole table fits one page wide; its text is the workbook's
    assert.ok(pages.length >= 1 && pages.length <= 3, `the workbook prints on 1–3 pages, not ${pages.length}`);
    assert.ok(squeeze(pages.join('')).includes('预算执行率'), 'the printed workbook has the 预算执行率 row');
    // the cost ceiling as printed: its target reads ≤10.00%, its actual is the measured increase, without a ≤
    const cost = rows.find((r) => r.level2 === 'COST');
    const costLine = pages.join('\n').split('\n').find((l) => l.includes(squeeze(cost.name).slice(-8)));
    const actual = `${Number(cost.actual).toFixed(2)}%`;
    assert.ok(costLine && costLine.includes('≤10.00%') && costLine.includes(actual) && !costLine.includes(`≤${actual}`),
      `cost row printed as target ≤10.00%, actual ${actual}: '${costLine}'`);
    const xlsxPng = pdfPage1Png(printedXlsx, path.join(RESULTS, 'reference-xlsx-page1'));
    copyFileSync(xlsxPng, path.join(SCREENSHOT_DIR, 'exports-d-xlsx-page1.png'));

    // the DOCX as a word processor lays it out: its narrow 分值/得分/实际完成值 columns keep numbers whole
    const printedDocx = officeToPdf(path.join(RESULTS, 'reference.docx'), path.join(RESULTS, 'docx-printed'));
    const { words } = pdfWords(printedDocx);
    const broken = words.filter((w) => /^\d+\.$/.test(w.text) || w.text === '%').map((w) => w.text);
    assert.deepEqual(broken, [], 'no number broken over two lines in the printed DOCX ("87." over "4", "79.4" over "%")');
    const totalCell = words.find((w) => w.text === '总分' && w.x < 120);
    const totalRow = words.filter((w) => w.page === totalCell?.page && Math.abs(w.y - totalCell.y) < 3).map((w) => w.text);
    assert.ok(totalRow.includes(String(Number(summary.totalScore))), `the 总分 row prints ${Number(summary.totalScore)}: ${totalRow}`);
    const docxPng = pdfPage1Png(printedDocx, path.join(RESULTS, 'reference-docx-page1'));
    copyFileSync(docxPng, path.join(SCREENSHOT_DIR, 'exports-i-docx-page1.png'));
  }, 300_000);
});

// XL_DEMO=true: the server backfills a synthetic history (docs/DEMO.md); its simulators take free ports.
describe('demo mode: the banner and the synthetic-data notice', { skip: process.env.XL_E2E_BASE_URL ? 'needs a server of its own' : false }, () => {
  // the simulators take free loopback ports by default (docs/CONFIGURATION.md)
  const ctx = serverAndBrowser({ name: 'exports-demo', healthTimeoutMs: DEMO_FIRST_START_MS, env: { XL_DEMO: 'true' } },
    { prefix: 'exports-demo', timeout: 240_000 });
  const { step } = ctx;
  let server;
  let page;
  let evalId;
  let rows;

  before(() => {
    ({ server, page } = ctx);
    mkdirSync(RESULTS, { recursive: true });
  });

  step('banner', '(e) the banner 演示模式：数据为模拟生成 on the login page and on every page after', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await waitForText(byTestId(page, 'demo-banner'), new RegExp(BANNER), { message: 'banner on the login page' });
    await screenshot(page, 'exports-e-demo-login');
    await login(page, server, '/ledger');
    for (const target of ['/ledger', '/status', '/evaluations', '/admin/audit']) {
      await page.goto(server.baseUrl + target);
      const banner = byTestId(page, 'demo-banner');
      await banner.waitFor({ state: 'visible' });
      await waitForText(banner, new RegExp(BANNER), { message: `banner on ${target}` });
    }
  });

  step('notice', '(f) an evaluation over the demo period carries the notice on its page and its evidence', async () => {
    // the backfill runs once after seeding; the period is synthetic once its rollups are there
    await waitUntil(async () => {
      const audit = await apiJson(server, '/api/v1/audit?actor=system&size=200');
      return audit.items.some((e) => e.action === 'DEMO_BACKFILL');
    }, { timeout: 180_000, interval: 1000, message: 'DEMO_BACKFILL audit entry' });
    ({ id: evalId, rows } = await createReference(server));
    const summary = await apiJson(server, `/api/v1/evaluations/${evalId}`);
    assert.equal(summary.synthetic, true, 'the period touches synthetic rollups');

    await page.goto(`${server.baseUrl}/evaluations/${evalId}`);
    await byTestId(page, 'evaluation-table').waitFor({ state: 'visible' });
    await waitForText(byTestId(page, 'synthetic-notice'), new RegExp(NOTICE), { message: 'notice on the evaluation page' });
    await screenshot(page, 'exports-f-demo-evaluation');

    const quality = rows.find((r) => r.level2 === 'QUALITY');
    const evidence = await apiJson(server, `/api/v1/evaluations/${evalId}/rows/${quality.id}/evidence`);
    assert.equal(evidence.synthetic, true);
    assert.equal(evidence.syntheticNotice, NOTICE);
    await byTestId(page, `evidence-open-${quality.id}`).click();
    const drawer = byTestId(page, 'evidence-drawer');
    await waitUntil(async () => (await byTestId(page, 'evidence-body').getAttribute('data-kind')) === 'AVAILABILITY', { message: 'evidence loaded' });
    await waitForText(drawer.locator('[data-testid="synthetic-notice"]'), new RegExp(NOTICE), { message: 'notice in the evidence drawer' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  step('sign', '(g) signing needs the notice accepted; the PDF prints it on every page', async () => {
    const checks = await apiJson(server, `/api/v1/evaluations/${evalId}/checks`);
    const warnings = checks.filter((c) => !c.passed && c.severity === 'WARNING');
    const acknowledgements = warnings.map((c) => ({ code: c.code, rowId: c.rowId, reason: 'e2e：演示数据' }));
    // the API: reasons alone are not enough while the notice is not accepted
    const bare = await api(server, `/api/v1/evaluations/${evalId}/sign`, json({ acknowledgements }));
    assert.equal(bare.status, 422, 'synthetic data not accepted');

    await byTestId(page, 'evaluation-sign').click();
    const dialog = byTestId(page, 'evaluation-sign-dialog');
    await dialog.waitFor({ state: 'visible' });
    await waitForText(dialog.locator('[data-testid="synthetic-notice"]'), new RegExp(NOTICE), { message: 'notice in the sign dialog' });
    const reasons = reasonFields(page);
    await waitUntil(async () => (await reasons.count()) === warnings.length, { message: 'one reason per warning' });
    for (let i = 0; i < warnings.length; i++) await reasons.nth(i).fill('e2e：演示数据，仅供培训');
    await byTestId(page, 'evaluation-sign-confirm').click();
    await byTestId(page, 'sign-synthetic-required').waitFor({ state: 'visible' });
    assert.equal((await apiJson(server, `/api/v1/evaluations/${evalId}`)).evaluation.status, 'DRAFT', 'not signed without the acceptance');
    await byTestId(page, 'sign-synthetic-accept').click();
    await byTestId(page, 'sign-synthetic-required').waitFor({ state: 'hidden' });
    const accept = byTestId(page, 'sign-synthetic-accept');
    assert.equal(await accept.evaluate((el) => el.classList.contains('is-checked')), true, 'the acceptance is ticked');
    await screenshot(page, 'exports-g-demo-sign-dialog');
    await dialog.locator('.el-dialog__footer').screenshot({ path: path.join(SCREENSHOT_DIR, 'exports-h-demo-sign-accept.png') });
    await byTestId(page, 'evaluation-sign-confirm').click();
    await waitUntil(async () => (await byTestId(page, 'evaluation-status').getAttribute('data-status')) === 'FINAL', { message: 'status FINAL' });

    const pdf = path.join(RESULTS, 'demo.pdf');
    await download(page, 'pdf', pdf);
    const pages = pdfPages(pdf);
    assert.ok(pages.length > 1, `a report of several pages (${pages.length})`);
    pages.forEach((text, i) => assert.ok(squeeze(text).includes(NOTICE), `page ${i + 1} of ${pages.length} prints the notice`));
    assert.deepEqual(offendingTokens(pages.join('\n')), [], 'no internal code in the demo PDF');
  });
});
