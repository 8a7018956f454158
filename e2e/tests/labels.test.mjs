// Browser end-to-end test of the QR labels (issue 13 item 3, docs/LABELS.md): in the ledger, three devices are ticked
// and 打印标签 opens the label PDF (layout 50×30: one label a page) in a new tab. The response is checked (200, a PDF
// for exactly the three ticked devices) and the PDF read back: three pages of 50 × 30 mm carrying the three asset
// tags and national codes; page 1 is rendered to e2e/screenshots/labels-50x30.png. With the ticks cleared, the
// dialog offers the whole current filter instead. (The QR codes themselves are decoded by the backend's
// LabelsOnMariaDbTest with ZXing.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import { apiJson, byTestId, fillByTestId, itemsOf, SCREENSHOT_DIR, serverAndBrowser, waitForText, waitUntil } from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, E2E_DIR } from '../lib/server.mjs';

const RESULTS = path.join(E2E_DIR, 'test-results', 'labels');
const TICKED = ['JS-XL1-FC-001', 'JS-XL1-FC-002', 'JS-XL1-FC-003'];

describe('打印标签 in the ledger (zh-CN, admin)', () => {
  const ctx = serverAndBrowser({ name: 'labels' }, { prefix: 'labels' });

  ctx.step('print', 'three ticked devices → 打印标签 → a PDF of their three labels opens', async () => {
    const { page, server } = ctx;
    await page.goto(`${server.baseUrl}/login?redirect=${encodeURIComponent('/ledger')}`);
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'ledger-table').waitFor({ state: 'visible' });

    await fillByTestId(page, 'ledger-search', 'JS-XL1-FC-00');
    await byTestId(page, 'ledger-search').press('Enter');
    const expected = itemsOf(await apiJson(server, '/api/v1/devices?q=JS-XL1-FC-00&size=100'));
    await waitForText(byTestId(page, 'ledger-total'), String(expected.length));
    for (const tag of TICKED) {
      const row = page.locator('[data-testid="ledger-table"] tr.el-table__row', { hasText: tag }).first();
      await row.locator('.el-checkbox').first().click();
    }
    await waitForText(byTestId(page, 'ledger-print-labels'), /已选 3 台/);

    await byTestId(page, 'ledger-print-labels').click();
    const dialog = byTestId(page, 'labels-dialog');
    await dialog.waitFor({ state: 'visible' });
    await waitForText(byTestId(page, 'labels-scope'), /已选的 3 台/);
    await byTestId(page, 'labels-layout-50x30').click();

    const context = page.context();
    const [response] = await Promise.all([
      context.waitForEvent('response', { predicate: (r) => r.url().includes('/api/v1/labels.pdf'), timeout: 60_000 }),
      byTestId(page, 'labels-open').click(),
    ]);
    assert.equal(response.status(), 200, `labels.pdf answered ${response.status()}`);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.match(response.headers()['content-disposition'], /^inline; filename="labels-50x30\.pdf"/);
    const url = new URL(response.url());
    assert.equal(url.searchParams.get('layout'), '50x30');
    const ids = {};
    for (const d of expected) ids[d.assetTag] = d;
    assert.deepEqual(url.searchParams.get('deviceIds').split(',').map(Number).sort((a, b) => a - b),
      TICKED.map((tag) => ids[tag].id).sort((a, b) => a - b), 'the PDF is for exactly the ticked devices');

    // The same URL with the browser's session, read back (a tab showing a PDF does not hand its bytes to the test).
    const again = await context.request.get(response.url());
    assert.equal(again.status(), 200);
    const pdf = await again.body();
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, 'labels-50x30.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /^Pages:\s+3$/m);
    assert.match(info, /^Page size:\s+141\.7\d* x 85\.0\d* pts/m, '50 × 30 mm pages');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const tag of TICKED) {
      assert.ok(text.includes(tag), `${tag} printed`);
      assert.ok(text.includes(ids[tag].gbCode), `${tag}'s national code ${ids[tag].gbCode} printed`);
    }
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', file, path.join(SCREENSHOT_DIR, 'labels-50x30')]);
    await waitUntil(async () => !(await dialog.isVisible()), { message: 'the dialog to close' });
  });

  ctx.step('filter', 'with the ticks cleared, 打印标签 offers every device of the current filter', async () => {
    const { page } = ctx;
    for (const p of page.context().pages()) if (p !== page) await p.close();
    await byTestId(page, 'ledger-clear-selection').click();
    await waitUntil(async () => (await byTestId(page, 'ledger-print-labels').innerText()).trim() === '打印标签',
      { message: 'the button to print the filter' });
    await byTestId(page, 'ledger-print-labels').click();
    const total = (await byTestId(page, 'ledger-total').innerText()).trim();
    await waitForText(byTestId(page, 'labels-scope'), new RegExp(`当前筛选条件下的 ${total} 台`));
  });
});
