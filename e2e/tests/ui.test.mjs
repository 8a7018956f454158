// Browser end-to-end test: one user session through login, ledger, import, progress, language
// and logout, in Debian's Chromium driven by playwright-core. The steps run in order and share
// the page. Screenshots go to e2e/screenshots/ (also one named failed-<step>.png on failure).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  api, apiJson, buildGoodAndBadImport, byTestId, chooseOption, fillByTestId, inputByTestId, itemsOf,
  launchBrowser, parseCsv, screenshot, tableCells, tableRowCount, toCsv, waitForText, waitUntil,
} from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, startServer } from '../lib/server.mjs';

const CJK = /[\u4e00-\u9fff]/;

describe('UI end to end (zh-CN, admin)', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startServer({ name: 'ui' });
    browser = await launchBrowser();
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A step: on failure saves screenshots/failed-<name>.png before rethrowing. */
  const step = (name, title, fn) => test(title, { timeout: 120_000 }, async () => {
    try {
      await fn();
    } catch (err) {
      if (page) await screenshot(page, `failed-${name}`).catch(() => {});
      throw err;
    }
  });

  step('login', '(a) a wrong password shows login-error, then admin logs in', async () => {
    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', 'not-the-password-1');
    await byTestId(page, 'login-submit').click();
    const error = byTestId(page, 'login-error');
    await error.waitFor({ state: 'visible' });
    assert.notEqual(((await error.textContent()) || '').trim(), '', 'login-error has a message');
    await screenshot(page, 'a-login-error');

    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-ledger').waitFor({ state: 'visible' });
    await byTestId(page, 'login-username').waitFor({ state: 'detached' });
    for (const id of ['nav-progress', 'nav-users', 'nav-audit', 'lang-switch', 'logout', 'project-select']) {
      await byTestId(page, id).waitFor({ state: 'attached' });
    }
    // The browser's cookies, sent outside the page (the app may wrap window.fetch).
    const me = await page.context().request.get(server.baseUrl + '/api/v1/auth/me');
    assert.equal(me.status(), 200, 'the browser session is authenticated');
  });

  step('ledger', '(b) the ledger shows 94 devices, 40 face cameras, 1 by asset tag', async () => {
    await byTestId(page, 'nav-ledger').click();
    await byTestId(page, 'ledger-table').waitFor({ state: 'visible' });
    await waitForText(byTestId(page, 'ledger-total'), '94', { message: 'ledger-total' });
    assert.ok(await tableRowCount(page, 'ledger-table') > 0, 'ledger-table shows rows');

    const categories = await apiJson(server, '/api/v1/categories');
    const face = categories.find((c) => c.code === 'FACE_CAMERA');
    assert.ok(face, 'category FACE_CAMERA exists');
    assert.match(face.nameZh, /^人脸/);
    await chooseOption(page, 'ledger-filter-category', face.nameZh);
    await waitForText(byTestId(page, 'ledger-total'), '40', { message: 'ledger-total after category filter' });
    await screenshot(page, 'b-ledger-face-cameras');

    const faceDevices = await apiJson(server, '/api/v1/devices?category=FACE_CAMERA&size=5&sort=assetTag,asc');
    const target = faceDevices.items[faceDevices.items.length - 1];
    const search = await fillByTestId(page, 'ledger-search', target.assetTag);
    await search.press('Enter');
    await waitForText(byTestId(page, 'ledger-total'), '1', { message: `ledger-total for q=${target.assetTag}` });
    await waitUntil(async () => (await byTestId(page, 'ledger-table').textContent()).includes(target.assetTag),
      { message: `ledger-table to show ${target.assetTag}` });
    assert.equal(await tableRowCount(page, 'ledger-table'), 1, 'one table row');
    await screenshot(page, 'b-ledger-search');

    // Back to the category filter alone for the import step.
    await search.fill('');
    await search.press('Enter');
    await waitForText(byTestId(page, 'ledger-total'), '40', { message: 'ledger-total after clearing the search' });
  });

  step('import', '(c) an import with a bad row lists it and changes nothing', async () => {
    const totalBefore = (await byTestId(page, 'ledger-total').textContent()).trim();
    const exportRes = await api(server, '/api/v1/devices/export?format=csv');
    assert.equal(exportRes.status, 200, 'CSV export with Basic auth');
    const exported = parseCsv(await exportRes.text());
    const imp = buildGoodAndBadImport(exported, `UI${Date.now()}`, 'FACE_CAMERA');
    const csv = toCsv(exported.header, imp.rows, exported.bom);

    // What the server says about this file (a dry run changes nothing): the row number to expect.
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'e2e-import.csv');
    form.append('dryRun', 'true');
    const dry = await api(server, '/api/v1/devices/import?dryRun=true', { method: 'POST', body: form });
    assert.equal(dry.status, 422, 'dry run of the file is rejected');
    const badError = (await dry.json()).errors.find((e) => e.column === imp.badColumn);
    assert.ok(badError, `the API names column ${imp.badColumn}`);

    await byTestId(page, 'ledger-import').click();
    const fileInput = await inputByTestId(page, 'import-file', 'input[type="file"]');
    await fileInput.setInputFiles({ name: 'e2e-import.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

    const isImportPost = (r) => r.url().includes('/api/v1/devices/import') && r.request().method() === 'POST';
    const dryRunButton = byTestId(page, 'import-dryrun');
    await dryRunButton.waitFor({ state: 'visible' });
    const [dryResponse] = await Promise.all([page.waitForResponse(isImportPost), dryRunButton.click()]);
    assert.equal(dryResponse.status(), 422, 'the UI dry run is rejected');

    const errors = byTestId(page, 'import-errors');
    await errors.waitFor({ state: 'visible' });
    const rowsText = await waitUntil(async () => {
      const rows = await tableCells(page, 'import-errors');
      return rows.length ? rows : null;
    }, { message: 'rows in import-errors' });
    const shown = rowsText.find((cells) => cells.includes(String(badError.row)) && cells.some((c) => c.includes(imp.badColumn)));
    assert.ok(shown, `import-errors shows row ${badError.row} and column ${imp.badColumn}: ${JSON.stringify(rowsText)}`);
    assert.ok(shown.some((c) => c.length > 0 && c !== String(badError.row) && c !== imp.badColumn), 'and a reason');
    await screenshot(page, 'c-import-errors');

    const submit = byTestId(page, 'import-submit');
    if (await submit.isVisible() && await submit.isEnabled()) {
      const [submitResponse] = await Promise.all([page.waitForResponse(isImportPost), submit.click()]);
      assert.equal(submitResponse.status(), 422, 'the real import is rejected as a whole');
      await errors.waitFor({ state: 'visible' });
    }

    await page.keyboard.press('Escape');
    await byTestId(page, 'import-file').waitFor({ state: 'hidden' });
    await waitForText(byTestId(page, 'ledger-total'), totalBefore, { message: 'ledger-total after the failed import' });
    assert.equal((await apiJson(server, '/api/v1/devices?size=1')).total, 94, 'still 94 devices');
    assert.equal((await apiJson(server, `/api/v1/devices?q=${imp.goodTag}`)).total, 0, 'the good row was not imported');
  });

  step('progress', '(d) progress shows the 5 quantity indicators and the curve', async () => {
    await byTestId(page, 'nav-progress').click();
    const targets = byTestId(page, 'progress-targets');
    await targets.waitFor({ state: 'visible' });
    await waitUntil(async () => (await tableRowCount(page, 'progress-targets')) === 5,
      { message: 'progress-targets to have 5 rows' });
    const targetCells = await tableCells(page, 'progress-targets');
    assert.ok(targetCells.some((row) => row.some((c) => /(^|\D)45(\D|$)/.test(c))),
      `a cell of progress-targets shows 45: ${JSON.stringify(targetCells)}`);

    const projects = itemsOf(await apiJson(server, '/api/v1/projects'));
    const items = await apiJson(server, `/api/v1/projects/${projects[0].id}/construction-items`);
    await waitUntil(async () => (await tableRowCount(page, 'progress-items')) === items.length,
      { message: `progress-items to have ${items.length} rows` });
    await byTestId(page, 'progress-cost').waitFor({ state: 'visible' });
    await byTestId(page, 'progress-timeline').waitFor({ state: 'attached' });

    const curve = byTestId(page, 'progress-curve');
    await curve.waitFor({ state: 'visible' });
    const drawn = await waitUntil(() => curve.evaluate((el) => {
      const canvas = el.tagName === 'CANVAS' ? el : el.querySelector('canvas');
      if (canvas) {
        if (!canvas.width || !canvas.height) return false;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4 * 16) if (data[i] > 0) painted++;
        return painted > 50 ? `canvas ${canvas.width}x${canvas.height}, ${painted} painted samples` : false;
      }
      const svg = el.querySelector('svg');
      return svg && svg.querySelectorAll('path').length > 2 ? 'svg' : false;
    }), { message: 'progress-curve to be drawn' });
    assert.ok(drawn);
    await screenshot(page, 'd-progress');
  });

  step('language', '(e) switching the language to English shows English menu labels', async () => {
    const navProgress = byTestId(page, 'nav-progress');
    assert.match((await navProgress.textContent()) || '', CJK, 'menu starts in Chinese');
    await byTestId(page, 'lang-switch').click();
    const english = page.locator('.el-select-dropdown__item:visible, .el-dropdown-menu__item:visible, [role="option"]:visible, [role="menuitem"]:visible, [role="menuitemradio"]:visible')
      .filter({ hasText: /^\s*(English|EN)\s*$/ }).first();
    await waitUntil(async () => {
      const label = ((await navProgress.textContent()) || '').trim();
      if (/[A-Za-z]{3}/.test(label) && !CJK.test(label)) return true;
      if (await english.isVisible()) await english.click();
      return false;
    }, { message: 'an English menu label on nav-progress' });
    const ledgerLabel = ((await byTestId(page, 'nav-ledger').textContent()) || '').trim();
    assert.ok(/[A-Za-z]{3}/.test(ledgerLabel) && !CJK.test(ledgerLabel), `nav-ledger in English: '${ledgerLabel}'`);
    await screenshot(page, 'e-english');
  });

  step('logout', '(f) logging out returns to the login page and ends the session', async () => {
    await byTestId(page, 'logout').click();
    const confirm = page.locator('.el-message-box__btns .el-button--primary:visible');
    await waitUntil(async () => {
      if (await byTestId(page, 'login-username').isVisible()) return true;
      if (await confirm.isVisible()) await confirm.click();
      return false;
    }, { message: 'the login form after logout' });
    const me = await page.context().request.get(server.baseUrl + '/api/v1/auth/me');
    assert.equal(me.status(), 401, 'the session has ended');
    await screenshot(page, 'f-logged-out');
  });
});
