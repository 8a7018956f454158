// The national code (国标编码, GB/T 28181) in the ledger UI, as a Chinese user meets it: the list column and
// filter, search by code, the device form's code and write-only password with the server's refusal beside the
// field, and the device page. Screenshots: screenshots/gb-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  apiJson, byTestId, chooseOption, fillByTestId, launchBrowser, screenshot, tableCells, waitForText, waitUntil,
} from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, startServer } from '../lib/server.mjs';

const GB_CODE = /^14082400\d{12}$/;

describe('national code in the ledger UI (zh-CN, admin)', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startServer({ name: 'ledger-gb' });
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-ledger').waitFor({ state: 'visible' });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = (name, title, fn) => test(title, { timeout: 120_000 }, async () => {
    try {
      await fn();
    } catch (err) {
      if (page) await screenshot(page, `failed-gb-${name}`).catch(() => {});
      throw err;
    }
  });

  step('list', 'the ledger lists the codes, filters by having one and finds a device by its code', async () => {
    await byTestId(page, 'nav-ledger').click();
    await byTestId(page, 'ledger-table').waitFor({ state: 'visible' });
    await chooseOption(page, 'ledger-filter-gbCode', '已填写国标编码');
    await waitForText(byTestId(page, 'ledger-total'), '50');
    const rows = await tableCells(page, 'ledger-table');
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(row.some((cell) => GB_CODE.test(cell)), `a code in ${row}`);
    await screenshot(page, 'gb-ledger-with-codes');

    await chooseOption(page, 'ledger-filter-gbCode', '未填写国标编码');
    await waitForText(byTestId(page, 'ledger-total'), '44');
    await fillByTestId(page, 'ledger-search', '14082400001180000048');
    await byTestId(page, 'ledger-search').press('Enter');
    await waitForText(byTestId(page, 'ledger-total'), '0');
    await page.getByRole('button', { name: '重置' }).click();
    await fillByTestId(page, 'ledger-search', '14082400001180000048');
    await byTestId(page, 'ledger-search').press('Enter');
    await waitForText(byTestId(page, 'ledger-total'), '1');
    const [cvr] = await tableCells(page, 'ledger-table');
    assert.ok(cvr.includes('JS-XL1-SV-003'), `the CVR (NVR 118): ${cvr}`);
    await screenshot(page, 'gb-ledger-search-by-code');
  });

  step('form', 'the form refuses a code of another county beside the field, then saves code and password', async () => {
    await byTestId(page, 'ledger-asset-tag').click();
    await byTestId(page, 'device-edit').click();
    await fillByTestId(page, 'device-field-gbCode', '14082500001180000048');
    await fillByTestId(page, 'device-field-gbPassword', 'Gb-Reg1ster-Pw');
    await byTestId(page, 'device-save').click();
    const error = page.locator('.el-form-item__error').filter({ hasText: '行政区划代码 140824' });
    await error.waitFor({ state: 'visible' });
    await screenshot(page, 'gb-form-region-refused');

    await fillByTestId(page, 'device-field-gbCode', '14082400001180000048');
    await byTestId(page, 'device-save').click();
    await byTestId(page, 'device-edit').waitFor({ state: 'visible' });
    const fields = byTestId(page, 'device-fields');
    await waitUntil(async () => {
      const text = (await fields.textContent()) || '';
      return text.includes('国标编码14082400001180000048') && text.includes('国标注册密码已单独设置');
    }, { message: 'the device page shows the code and that a password is set' });
    assert.ok(!((await page.content()).includes('Gb-Reg1ster-Pw')), 'the password is never shown');
    await screenshot(page, 'gb-device-detail');

    const devices = await apiJson(server, '/api/v1/devices?q=14082400001180000048');
    assert.equal(devices.items.length, 1);
    assert.equal(devices.items[0].gbPasswordSet, true);
    assert.equal('gbPassword' in devices.items[0], false);

    await byTestId(page, 'device-edit').click();
    await byTestId(page, 'device-field-gbPasswordRemove').waitFor({ state: 'visible' });
    await screenshot(page, 'gb-form-password-set');
  });

  step('english', 'the same refusal in English after switching the language', async () => {
    await byTestId(page, 'lang-switch').click();
    await page.getByText('National code (GB/T 28181)').first().waitFor({ state: 'visible' });
    await fillByTestId(page, 'device-field-gbCode', '1408240000');
    await byTestId(page, 'device-save').click();
    await page.locator('.el-form-item__error').filter({ hasText: '20 digits' }).waitFor({ state: 'visible' });
    await screenshot(page, 'gb-form-en');
  });
});
