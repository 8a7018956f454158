// Work orders end to end (issue 13 items 1, 2 and 6): in demo mode a simulated fault — the splice screen whose
// simulator closed its listener (docs/DEMO.md §2, DOWN REFUSED) — becomes an AUTO order on its own (grace 1 min,
// sweep 15 s). A technician on a 360×740 phone (Chromium mobile emulation, touch, geolocation granted) takes it,
// arrives with their position, and resolves it with a cause and a camera photo; the manager closes it on the desktop
// and reads 维护及时性 in the figures. One demo server for the whole file; screenshots of every work-order page,
// desktop and phone, go to e2e/screenshots/wo-*.png.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe } from 'node:test';
import { chromium } from 'playwright-core';
import {
  CHROMIUM, UI_TIMEOUT_MS, apiJson, byTestId, fillByTestId, screenshot, serverAndBrowser, waitForText, waitUntil,
} from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER } from '../lib/server.mjs';

const FAULTY_TAG = 'JS-XL1-SP-015'; // demo fault: listener closed → DOWN REFUSED, never back
const TECH = { username: 'wo-tech', displayName: '王技术员', password: 'Field-Tech-Passw0rd' };
const PHONE = { width: 360, height: 740 };
const SITE_POSITION = { latitude: 31.2304, longitude: 121.4737 };

/** A phone: its own browser context with mobile emulation, touch, and the geolocation permission granted. */
async function launchPhone(baseUrl) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xl-e2e-phone-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    viewport: PHONE,
    screen: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: SITE_POSITION,
    permissions: ['geolocation'],
  });
  await context.grantPermissions(['geolocation'], { origin: baseUrl });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  await context.route(/^(?!(?:https?|wss?):\/\/(?:127\.\d+\.\d+\.\d+|localhost)(?::\d+)?\/)(?:https?|wss?):/i, (route) => route.abort());
  const page = context.pages()[0] || (await context.newPage());
  return {
    page,
    async close() {
      await context.close().catch(() => {});
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Fails when the page scrolls sideways at its current width (the 360 px layout must not): the document, and the
 * app's own scrolling body under the demo banner. */
async function assertNoHorizontalScroll(page, where) {
  const wide = await page.evaluate(() => [document.documentElement, document.querySelector('.app-body')]
    .filter(Boolean)
    .filter((el) => el.scrollWidth > el.clientWidth)
    .map((el) => `${el.className || el.tagName}: ${el.scrollWidth} px in ${el.clientWidth} px`));
  assert.deepEqual(wide, [], `${where}: scrolls sideways`);
}

/** Every visible button and link of the card is at least 40 px tall (a thumb's tap target). */
async function assertTapTargets(card, where) {
  const small = await card.evaluate((el) => [...el.querySelectorAll('button, a, label.el-button')]
    .filter((b) => b.offsetParent !== null)
    .map((b) => ({ text: b.innerText.trim(), h: b.getBoundingClientRect().height }))
    .filter((b) => b.h < 40));
  assert.deepEqual(small, [], `${where}: tap targets under 40 px`);
}

/** A small real JPEG, drawn by the browser (the server checks the bytes, not the name). */
async function jpegFrom(page) {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 48;
    const g = c.getContext('2d');
    g.fillStyle = '#2a6';
    g.fillRect(0, 0, 64, 48);
    g.fillStyle = '#fff';
    g.fillRect(8, 8, 20, 20);
    return c.toDataURL('image/jpeg', 0.8);
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** The visible move form's submit (each card has its own dialog; only the open one is visible). */
const submitMove = (page) => page.locator('[data-testid="wo-move-submit"]:visible').click();

describe('work orders: a demo fault to a closed order, with the technician on a phone', () => {
  // no synthetic past (docs/DEMO.md): orders come from live faults only, and the figures count this server's orders
  const ctx = serverAndBrowser({ name: 'workorders', env: { XL_DEMO: 'true', XL_DEMO_HISTORY: 'false' }, healthTimeoutMs: 900_000 },
    { prefix: 'wo', timeout: 240_000 });
  const state = { device: null, order: null, phone: null };
  const admin = (urlPath, init) => apiJson(ctx.server, urlPath, init);
  const order = () => admin(`/api/v1/work-orders/${state.order.id}`);
  after(async () => state.phone?.close());

  ctx.step('auto-open', '(a) the simulated fault opens an AUTO work order within the demo grace', async () => {
    const devices = await admin(`/api/v1/devices?q=${FAULTY_TAG}&size=5`);
    state.device = devices.items.find((d) => d.assetTag === FAULTY_TAG);
    assert.ok(state.device, `demo device ${FAULTY_TAG} exists`);
    // DOWN after 3 failed probes (30 s apart), then the 1 min grace and at most one 15 s sweep
    state.order = await waitUntil(async () => {
      const page = await admin(`/api/v1/work-orders?deviceId=${state.device.id}`);
      return page.items.find((o) => o.state === 'OPEN');
    }, { timeout: 300_000, interval: 2000, message: `an open work order for ${FAULTY_TAG}` });
    assert.ok(['AUTO', 'CLUSTER'].includes(state.order.origin), `opened by the sweep, was ${state.order.origin}`);
    assert.equal(state.order.openedBy, 'system');
    assert.match(state.order.reason, /^DOWN:/);
    assert.ok(Date.parse(state.order.repairBy) > Date.parse(state.order.openedAt), 'a repair deadline from the SLA defaults');
  }, 360_000);

  ctx.step('manager-pages', '(b) the manager sees it in 工单 and on the device page (desktop screenshots)', async () => {
    const { page } = ctx;
    await page.goto(ctx.server.baseUrl + '/login');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-work-orders').click();
    await byTestId(page, 'wo-table').waitFor({ state: 'visible' });
    await page.locator(`[data-testid="wo-link"]:text-is("#${state.order.id}")`).waitFor({ state: 'visible' });
    await screenshot(page, 'wo-desktop-list');

    await byTestId(page, 'wo-new').click();
    await byTestId(page, 'wo-open-dialog').waitFor({ state: 'visible' });
    await screenshot(page, 'wo-desktop-open-dialog');
    await page.keyboard.press('Escape');

    await page.goto(`${ctx.server.baseUrl}/work-orders/${state.order.id}`);
    await waitForText(byTestId(page, 'wo-state'), '待接单', { message: 'detail state' });
    await byTestId(page, 'wo-move-ACCEPTED').waitFor({ state: 'visible' });
    await waitForText(byTestId(page, 'wo-deadline'), /响应剩余/, { message: 'respond deadline running' });
    await screenshot(page, 'wo-desktop-detail-open');

    await page.goto(`${ctx.server.baseUrl}/ledger/${state.device.id}?tab=workorders`);
    await waitForText(byTestId(page, 'device-wo-current'), `#${state.order.id}`, { message: 'the device page links its open order' });
    await screenshot(page, 'wo-desktop-device-tab');

    await page.goto(`${ctx.server.baseUrl}/work-orders/sla-rules`);
    await byTestId(page, 'sla-add').click();
    await byTestId(page, 'sla-table').locator('tr.el-table__row').first().waitFor({ state: 'visible' });
    await screenshot(page, 'wo-desktop-sla-rules');
  });

  ctx.step('technician', '(c) a technician account working orders of every project', async () => {
    const created = await admin('/api/v1/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...TECH, role: 'TECHNICIAN', enabled: true, allProjects: true, projectIds: [] }),
    });
    assert.equal(created.role, 'TECHNICIAN');
  });

  ctx.step('phone-accept', '(d) on a 360 px phone the technician lands on 我的工单 and accepts the order', async () => {
    state.phone = await launchPhone(ctx.server.baseUrl);
    const { page } = state.phone;
    await page.goto(ctx.server.baseUrl + '/login');
    await assertNoHorizontalScroll(page, 'login at 360 px');
    await fillByTestId(page, 'login-username', TECH.username);
    await fillByTestId(page, 'login-password', TECH.password);
    await byTestId(page, 'login-submit').tap();
    await page.waitForURL(/\/my\/work-orders$/);
    const card = byTestId(page, `wo-card-${state.order.id}`);
    await card.waitFor({ state: 'visible' });
    assert.equal(await byTestId(page, 'my-pool').locator(`[data-testid="wo-card-${state.order.id}"]`).count(), 1, 'the unassigned order is offered to take');
    await assertNoHorizontalScroll(page, '我的工单');
    await assertTapTargets(card, 'the order card');

    await card.locator(`[data-testid="wo-quick-${state.device.id}"]`).tap();
    await card.locator('[data-testid="wo-quick-view"] .state-tag').first().waitFor({ state: 'visible' });
    await waitForText(card.locator('[data-testid="wo-quick-view"] [data-state]').first(), /离线|故障|DOWN/, { message: 'quick-view shows the device down' });
    await screenshot(page, 'wo-phone-my-orders');

    await card.locator('[data-testid="wo-move-ACCEPTED"]').tap();
    await submitMove(page);
    await waitUntil(async () => (await order()).state === 'ACCEPTED', { message: 'order ACCEPTED' });
    assert.equal((await order()).assignee, TECH.username);
    await byTestId(page, 'my-mine').locator(`[data-testid="wo-card-${state.order.id}"][data-state="ACCEPTED"]`).waitFor({ state: 'visible' });
  });

  ctx.step('phone-arrive', '(e) 到场 sends the phone\'s position', async () => {
    const { page } = state.phone;
    const card = byTestId(page, `wo-card-${state.order.id}`);
    await card.locator('[data-testid="wo-move-ON_SITE"]').tap();
    await waitForText(page.locator('[data-testid="wo-location"]:visible'), /31\.2304/, { message: 'the position is read' });
    await assertNoHorizontalScroll(page, 'the arrive form');
    await screenshot(page, 'wo-phone-arrive');
    await submitMove(page);
    await waitUntil(async () => (await order()).state === 'ON_SITE', { message: 'order ON_SITE' });
    const onSite = await order();
    assert.equal(Number(onSite.onSiteLat), SITE_POSITION.latitude);
    assert.equal(Number(onSite.onSiteLon), SITE_POSITION.longitude);
  });

  ctx.step('phone-resolve', '(f) resolving takes a cause, the action, parts and a camera photo', async () => {
    const { page } = state.phone;
    const card = byTestId(page, `wo-card-${state.order.id}`);
    await page.locator(`[data-testid="wo-card-${state.order.id}"][data-state="ON_SITE"]`).waitFor({ state: 'visible' });
    await card.locator('[data-testid="wo-move-RESOLVED"]').tap();
    const dialog = page.locator('[data-testid="wo-move-dialog"]:visible');
    await dialog.locator('[data-testid="wo-cause-POWER"]').tap();
    // Element Plus puts the test id on the native textarea/input itself
    await dialog.locator('textarea[data-testid="wo-action"]').fill('更换 12V 电源适配器，设备恢复供电');
    await dialog.locator('input[data-testid="wo-parts"]').fill('12V 电源适配器 ×1');
    const photo = dialog.locator('[data-testid="wo-photo"]');
    assert.equal(await photo.getAttribute('capture'), 'environment', 'the input opens the rear camera');
    await photo.setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: await jpegFrom(page) });
    await waitForText(dialog.locator('[data-testid="wo-photo-label"]'), /scene\.jpg/, { message: 'photo chosen' });
    await assertNoHorizontalScroll(page, 'the resolve form');
    await screenshot(page, 'wo-phone-resolve');
    await submitMove(page);
    await waitUntil(async () => {
      const o = await order();
      return o.state === 'RESOLVED' && o.photos.length === 1;
    }, { message: 'order RESOLVED with its photo' });
    const resolved = await order();
    assert.equal(resolved.cause, 'POWER');
    assert.equal(resolved.partsReplaced, '12V 电源适配器 ×1');
    assert.equal(resolved.photos[0].mediaType, 'image/jpeg');
    await byTestId(page, 'my-done').locator(`[data-testid="wo-card-${state.order.id}"] [data-testid="wo-photo-thumb"]`).waitFor({ state: 'visible' });
    await screenshot(page, 'wo-phone-resolved');
    await state.phone.close();
    state.phone = null;
  });

  ctx.step('manager-close', '(g) the manager closes it and reads 维护及时性 in the figures', async () => {
    const { page } = ctx;
    await page.goto(`${ctx.server.baseUrl}/work-orders/${state.order.id}`);
    await waitForText(byTestId(page, 'wo-state'), '已修复', { message: 'detail shows RESOLVED' });
    await byTestId(page, 'wo-photo-thumb').waitFor({ state: 'visible' });
    await byTestId(page, 'wo-move-CLOSED').click();
    await submitMove(page);
    await waitForText(byTestId(page, 'wo-state'), '已关闭', { message: 'detail shows CLOSED' });
    assert.equal((await order()).closedBy, ADMIN_USER);
    await waitForText(byTestId(page, 'wo-history'), /已修复 → 已关闭/, { message: 'history has the close' });
    await screenshot(page, 'wo-desktop-detail-closed');

    await page.goto(`${ctx.server.baseUrl}/work-orders/figures`);
    await byTestId(page, 'wo-figures-table').waitFor({ state: 'visible' });
    // the closed order was repaired well within its 24 h: every decided order of this fresh server is in time
    await waitForText(byTestId(page, 'wo-figures-timeliness').locator('.el-statistic__content'), '100.0%', { message: '维护及时性' });
    const rows = await byTestId(page, 'wo-figures-table').locator('tr.el-table__row').allInnerTexts();
    const tech = (r) => r.includes(TECH.username) || r.includes(TECH.displayName);
    assert.ok(rows.some((r) => tech(r) && r.includes('100.0%')), `a row for ${TECH.username} at 100%: ${rows.join(' | ')}`);
    await screenshot(page, 'wo-desktop-figures');
  });
});
