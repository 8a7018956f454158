// Status board end to end: probe results pushed through the agent protocol show up on the 技术员
// status board live (server-sent events), without reloading the page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  api, apiJson, byTestId, fillByTestId, itemsOf, launchBrowser, screenshot, tableRowCount, waitUntil,
} from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, startServer } from '../lib/server.mjs';

describe('status board (live)', () => {
  let server;
  let browser;
  let page;
  let token;
  let seq = 0;

  before(async () => {
    // No embedded agent: this test is the only source of probe results.
    server = await startServer({ name: 'status', env: { XL_EMBEDDED_AGENT: 'false', XL_DEMO: 'false' } });
    const created = await apiJson(server, '/api/v1/agents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'e2e-status', zone: 'local' }),
    });
    token = created.token;
    browser = await launchBrowser();
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function sendResults(results) {
    seq += 1;
    const res = await fetch(server.baseUrl + '/api/v1/agent/batches', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ seq, sentAt: new Date().toISOString(), results }),
    });
    assert.equal(res.status, 200, `batch ${seq} accepted`);
  }

  const result = (deviceId, status, at) => ({
    deviceId, method: 'TCP', startedAt: at.toISOString(), latencyMs: 4, status,
    reason: status === 'UP' ? 'OK' : 'TIMEOUT', detail: null, facts: {},
  });

  async function count(state) {
    return Number(((await byTestId(page, `status-count-${state}`).textContent()) || '').trim());
  }

  test('a device that fails three probes turns DOWN on the open board without a reload', { timeout: 180_000 }, async () => {
    // Recent results: the silence sweeper (every 15 s) turns a device UNKNOWN three probe intervals (3 min) after its
    // last result, and a board checked between sweeps of results ten minutes old raced it (CI saw all five go
    // UNKNOWN between the UP count and the DOWN count).
    const t0 = new Date(Date.now() - 30_000);
    await sendResults([1, 2, 3, 4, 5].map((id) => result(id, 'UP', t0)));

    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-status').waitFor({ state: 'visible' });
    await byTestId(page, 'nav-status').click();
    await byTestId(page, 'status-table').waitFor({ state: 'visible' });
    await waitUntil(async () => (await byTestId(page, 'status-live').getAttribute('data-state')) === 'connected',
      { timeout: 30_000, message: 'the live stream connects' });
    await waitUntil(async () => (await count('UP')) === 5, { message: 'five devices UP' });
    assert.equal(await count('DOWN'), 0);
    const unknownBefore = await count('UNKNOWN');
    assert.equal(unknownBefore, 89, 'the other 89 seeded devices are not measured yet');
    await page.evaluate(() => { window.__notReloaded = true; });

    for (let i = 1; i <= 3; i += 1) {
      await sendResults([result(1, 'DOWN', new Date(t0.getTime() + i * 5_000))]);
    }
    await waitUntil(async () => (await count('DOWN')) === 1 && (await count('UP')) === 4,
      { timeout: 30_000, message: 'the board shows device 1 DOWN' });
    assert.equal(await page.evaluate(() => window.__notReloaded), true, 'updated in place, not by a reload');
    await screenshot(page, 'status-board-live');

    const status = await apiJson(server, '/api/v1/devices/1/status');
    assert.equal(status.state, 'DOWN');
    assert.equal(Date.parse(status.since), t0.getTime() + 5_000, 'the outage starts at the first failed probe');
    const unauth = await api(server, '/api/v1/status/summary', { auth: false });
    assert.equal(unauth.status, 401);
  });

  // The rest of the 技术员 workspace, in the same browser session (after the board test logged in).
  test('the device page shows the DOWN state, its outage, timeline and latency', { timeout: 120_000 }, async () => {
    // On a slow machine the first test's results may be minutes old by now, so the silence sweeper (every 15 s) may
    // already have turned the device UNKNOWN (no news is not bad news); fresh failures keep it DOWN either way.
    const now = Date.now();
    for (let i = 3; i >= 1; i -= 1) await sendResults([result(1, 'DOWN', new Date(now - i * 1000))]);
    await page.goto(server.baseUrl + '/ledger/1?tab=status'); // the 状态 tab of the device page
    const state = byTestId(page, 'device-status-state');
    await state.waitFor({ state: 'visible' });
    await waitUntil(async () => (await state.getAttribute('data-state')) === 'DOWN', { message: 'device 1 DOWN on its page' });
    await waitUntil(async () => (await tableRowCount(page, 'device-outages')) >= 1, { message: 'the open outage is listed' });
    await waitUntil(async () => Number(await byTestId(page, 'device-timeline').getAttribute('data-intervals')) >= 2,
      { message: 'UP then DOWN on the timeline' });
    await waitUntil(async () => Number(await byTestId(page, 'device-latency').getAttribute('data-probes')) >= 4,
      { message: 'the probes behind the latency chart' });
    await screenshot(page, 'status-device-page');
  });

  test('the site map draws every site with coordinates, coloured by state', { timeout: 120_000 }, async () => {
    await byTestId(page, 'nav-map').click();
    const map = byTestId(page, 'site-map');
    await map.waitFor({ state: 'visible' });
    const sites = itemsOf(await apiJson(server, '/api/v1/sites')).filter((x) => x.latitude !== null && x.longitude !== null);
    await waitUntil(async () => Number(await map.getAttribute('data-sites')) === sites.length,
      { message: `${sites.length} sites on the map` });
    await waitUntil(() => map.evaluate((el) => {
      const canvas = el.querySelector('canvas');
      if (!canvas || !canvas.width) return false;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4 * 16) if (data[i] > 0) painted++;
      return painted > 50;
    }), { message: 'the map is painted' });
    await screenshot(page, 'status-site-map');
  });

  test('an agent created on the agents page shows its token once, and never again', { timeout: 120_000 }, async () => {
    await byTestId(page, 'nav-agents').click();
    await byTestId(page, 'agents-table').waitFor({ state: 'visible' });
    await byTestId(page, 'agents-new').click();
    await fillByTestId(page, 'agent-name', 'e2e-zone-b');
    await fillByTestId(page, 'agent-zone', 'zone-b');
    await byTestId(page, 'agent-save').click();
    const tokenBox = byTestId(page, 'agent-token');
    await tokenBox.waitFor({ state: 'visible' });
    const shown = ((await tokenBox.textContent()) || '').trim();
    assert.match(shown, /^xla_[A-Za-z0-9_-]{20,}$/, 'a bearer token is shown');
    await screenshot(page, 'status-agent-token');
    // the token works for the agent protocol
    const pulled = await fetch(server.baseUrl + '/api/v1/agent/assignment', { headers: { Authorization: 'Bearer ' + shown } });
    assert.equal(pulled.status, 200);
    assert.equal((await pulled.json()).zone, 'zone-b');
    await byTestId(page, 'agent-token-close').click();
    await byTestId(page, 'agent-token-dialog').waitFor({ state: 'hidden' });
    await waitUntil(async () => (await byTestId(page, 'agents-table').textContent()).includes('e2e-zone-b'), { message: 'listed' });
    assert.ok(!(await page.content()).includes(shown), 'the token is gone from the page');
    const listed = await api(server, '/api/v1/agents');
    assert.ok(!(await listed.text()).includes(shown), 'and the API never answers it');
    // moved to another zone from the page: the same token now pulls that zone
    const agent = itemsOf(await apiJson(server, '/api/v1/agents')).find((a) => a.name === 'e2e-zone-b');
    await byTestId(page, `agent-edit-${agent.id}`).click();
    await fillByTestId(page, 'agent-zone', 'zone-c');
    await byTestId(page, 'agent-save').click();
    await waitUntil(async () => (await apiJson(server, `/api/v1/agents/${agent.id}`)).zone === 'zone-c', { message: 'zone changed' });
    const again = await fetch(server.baseUrl + '/api/v1/agent/assignment', { headers: { Authorization: 'Bearer ' + shown } });
    assert.equal((await again.json()).zone, 'zone-c');
  });

  test('a maintenance window is listed on the maintenance page and deleted from it', { timeout: 120_000 }, async () => {
    const created = await apiJson(server, '/api/v1/maintenance-windows', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scopeType: 'DEVICE', scopeRef: '2', startsAt: new Date(Date.now() - 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 3600_000).toISOString(), reason: 'e2e 固件升级' }),
    });
    await byTestId(page, 'nav-maintenance').click();
    const table = byTestId(page, 'maintenance-table');
    await table.waitFor({ state: 'visible' });
    await waitUntil(async () => (await table.textContent()).includes('e2e 固件升级'), { message: 'the window is listed' });
    await screenshot(page, 'status-maintenance');
    await byTestId(page, `maintenance-delete-${created.id}`).click();
    await page.locator('.maintenance-delete-confirm').click();
    await waitUntil(async () => !(await table.textContent()).includes('e2e 固件升级'), { message: 'the window is gone' });
    assert.equal((await api(server, `/api/v1/maintenance-windows/${created.id}`)).status, 404);
  });
});
