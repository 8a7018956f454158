// Status board end to end: probe results pushed through the agent protocol show up on the 技术员
// status board live (server-sent events), without reloading the page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  api, apiJson, byTestId, fillByTestId, launchBrowser, screenshot, waitUntil,
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
    const t0 = new Date(Date.now() - 10 * 60_000);
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
      await sendResults([result(1, 'DOWN', new Date(t0.getTime() + i * 60_000))]);
    }
    await waitUntil(async () => (await count('DOWN')) === 1 && (await count('UP')) === 4,
      { timeout: 30_000, message: 'the board shows device 1 DOWN' });
    assert.equal(await page.evaluate(() => window.__notReloaded), true, 'updated in place, not by a reload');
    await screenshot(page, 'status-board-live');

    const status = await apiJson(server, '/api/v1/devices/1/status');
    assert.equal(status.state, 'DOWN');
    assert.equal(Date.parse(status.since), t0.getTime() + 60_000, 'the outage starts at the first failed probe');
    const unauth = await api(server, '/api/v1/status/summary', { auth: false });
    assert.equal(unauth.status, 401);
  });
});
