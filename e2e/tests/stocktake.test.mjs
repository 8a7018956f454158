// Browser end-to-end test of the stocktake (issue 13 items 4 and 6, docs/STOCKTAKE.md): four devices stand at one
// site; their label sheet (A4 3 × 8) is downloaded as PDF, rendered with pdftoppm at 150 dpi and its QR codes decoded
// with ZXing (lib/qr.mjs). The admin opens a stocktake of that site on the 资产盘点 page (desktop), then on a 360 px
// phone (Chromium's mobile emulation) types three of the decoded codes into the scan field, watches the counts rise,
// and closes the session: the report lists the fourth device as missing, and 盘点率 is 75 %. Screenshots:
// stocktake-list.png (desktop), stocktake-session-desktop.png, stocktake-phone.png and stocktake-phone-closed.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe } from 'node:test';
import { chromium } from 'playwright-core';
import { api, apiJson, byTestId, chooseOption, CHROMIUM, fillByTestId, itemsOf, screenshot, serverAndBrowser, waitForText } from '../lib/helpers.mjs';
import { decodeQrCodes } from '../lib/qr.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, E2E_DIR } from '../lib/server.mjs';

const RESULTS = path.join(E2E_DIR, 'test-results', 'stocktake');

/** A phone: Chromium's mobile emulation at 360 × 740 CSS px, loopback only like every e2e browser. */
async function phone() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  });
  await context.route(/^(?!(?:https?|wss?):\/\/(?:127\.\d+\.\d+\.\d+|localhost)(?::\d+)?\/)(?:https?|wss?):/i, (r) => r.abort());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  return { browser, page, errors };
}

describe('盘点 of one site from a phone (zh-CN, admin)', () => {
  const ctx = serverAndBrowser({ name: 'stocktake', healthTimeoutMs: 420_000 }, { prefix: 'stocktake' });
  const state = {};
  let mobile = null;
  after(async () => {
    await mobile?.browser.close().catch(() => {});
  });

  ctx.step('site', 'four devices at one site (the others of that site moved elsewhere through the API)', async () => {
    const { server } = ctx;
    const devices = itemsOf(await apiJson(server, '/api/v1/devices?projectId=1&size=200'))
      .filter((d) => d.siteId != null && d.lifecycle !== 'RETIRED');
    const bySite = new Map();
    for (const d of devices) bySite.set(d.siteId, [...(bySite.get(d.siteId) || []), d]);
    const [siteId, atSite] = [...bySite.entries()].filter(([, list]) => list.length >= 4).sort((a, b) => a[1].length - b[1].length)[0];
    const elsewhere = [...bySite.keys()].find((id) => id !== siteId);
    const all = itemsOf(await apiJson(server, `/api/v1/devices?siteId=${siteId}&size=200`));
    for (const d of all.slice(4)) {
      const res = await api(server, `/api/v1/devices/${d.id}`, { method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' }, body: JSON.stringify({ siteId: elsewhere }) });
      assert.equal(res.status, 200, `moving ${d.assetTag} away: ${await res.text()}`);
    }
    const four = itemsOf(await apiJson(server, `/api/v1/devices?siteId=${siteId}&size=200`));
    assert.equal(four.length, 4, 'four devices at the site');
    assert.ok(atSite.length >= 4);
    Object.assign(state, { siteId, devices: four, siteName: four[0].siteName });
  });

  ctx.step('labels', 'the label PDF of the four, rendered at 150 dpi, yields four QR codes naming them', async () => {
    const { server } = ctx;
    const ids = state.devices.map((d) => d.id);
    const res = await api(server, `/api/v1/labels.pdf?deviceIds=${ids.join(',')}&layout=a4-3x8`);
    assert.equal(res.status, 200);
    mkdirSync(RESULTS, { recursive: true });
    const pdf = path.join(RESULTS, 'labels-a4-3x8.pdf');
    writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
    execFileSync('pdftoppm', ['-png', '-r', '150', pdf, path.join(RESULTS, 'sheet')]);
    const pages = readdirSync(RESULTS).filter((f) => /^sheet.*\.png$/.test(f)).map((f) => path.join(RESULTS, f));
    assert.equal(pages.length, 1, 'four labels fit one A4 sheet');
    const codes = decodeQrCodes(pages);
    assert.equal(codes.length, 4, `four QR codes decoded: ${codes.join(' | ')}`);
    const named = codes.map((c) => Number(/\/ledger\/(\d+)\?tag=/.exec(c)?.[1]));
    assert.deepEqual([...named].sort((a, b) => a - b), [...ids].sort((a, b) => a - b), 'each code names one of the four');
    for (const c of codes) {
      const d = state.devices.find((x) => c.includes(`/ledger/${x.id}?`));
      assert.ok(c.endsWith(`?tag=${encodeURIComponent(d.assetTag)}`), `${c} carries ${d.assetTag}`);
    }
    state.codes = codes;
  });

  ctx.step('open', '资产盘点 → 开始盘点 → the site: the session page opens with 4 expected', async () => {
    const { page, server } = ctx;
    await page.goto(`${server.baseUrl}/login?redirect=${encodeURIComponent('/stocktakes')}`);
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'stocktake-list').waitFor({ state: 'visible' });
    await byTestId(page, 'stocktake-due').waitFor({ state: 'visible' });
    await byTestId(page, 'stocktake-open').click();
    await byTestId(page, 'stocktake-open-dialog').waitFor({ state: 'visible' });
    await chooseOption(page, 'stocktake-site', state.siteName);
    await byTestId(page, 'stocktake-open-submit').click();
    await byTestId(page, 'stocktake-session').waitFor({ state: 'visible' });
    await waitForText(byTestId(page, 'count-expected'), '4');
    state.stocktakeId = Number(/\/stocktakes\/(\d+)/.exec(page.url())[1]);
    await screenshot(page, 'stocktake-session-desktop');
    await page.goto(`${server.baseUrl}/stocktakes`);
    await byTestId(page, `stocktake-view-${state.stocktakeId}`).waitFor({ state: 'visible' });
    await screenshot(page, 'stocktake-list');
  });

  ctx.step('scan', 'on a 360 px phone: three decoded codes typed in, counts rise, a repeat is not counted', async () => {
    const { server } = ctx;
    mobile = await phone();
    const { page } = mobile;
    await page.goto(`${server.baseUrl}/login?redirect=${encodeURIComponent(`/stocktakes/${state.stocktakeId}`)}`);
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'stocktake-session').waitFor({ state: 'visible' });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the session page fits the phone (scroll width ${width})`);
    const scanned = state.codes.slice(0, 3);
    for (const [n, code] of scanned.entries()) {
      await fillByTestId(page, 'stocktake-code', code);
      await byTestId(page, 'stocktake-submit').click();
      await waitForText(byTestId(page, 'count-found'), String(n + 1));
    }
    await fillByTestId(page, 'stocktake-code', scanned[0]);
    await byTestId(page, 'stocktake-submit').click();
    await waitForText(byTestId(page, 'stocktake-recent'), /不重复计数/);
    await waitForText(byTestId(page, 'count-found'), '3');
    await screenshot(page, 'stocktake-phone');
    state.missing = state.devices.find((d) => !scanned.some((c) => c.includes(`/ledger/${d.id}?`)));
  });

  ctx.step('close', 'closing on the phone: the report lists the one missing device, 盘点率 75 %', async () => {
    const { server } = ctx;
    const { page, errors } = mobile;
    await byTestId(page, 'stocktake-close').click();
    await page.locator('.el-message-box .el-button--primary').click();
    await waitForText(byTestId(page, 'stocktake-state'), '已结束');
    await waitForText(byTestId(page, 'report-missing'), new RegExp(state.missing.assetTag));
    await waitForText(byTestId(page, 'count-rate'), /75/);
    await screenshot(page, 'stocktake-phone-closed');
    const report = await apiJson(server, `/api/v1/stocktakes/${state.stocktakeId}/report`);
    assert.equal(report.state, 'CLOSED');
    assert.deepEqual(report.missing, [state.missing.id]);
    assert.equal(report.found.length, 3);
    assert.deepEqual(report.unexpected, []);
    assert.equal(Number(report.rate), 0.75);
    assert.deepEqual(errors, [], 'no script errors on the phone');
    assert.deepEqual(ctx.browser.consoleErrors, [], 'no script errors on the desktop');
  });
});
