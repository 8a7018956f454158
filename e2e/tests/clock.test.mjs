// 时钟准确率 end to end (docs/CLOCK.md): clock offsets an agent reports in its probe facts become thinned samples,
// the device page's 时钟 tab shows the latest one against the threshold, and the status board lists the offender.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiJson, byTestId, fillByTestId, itemsOf, launchBrowser, screenshot, waitForText } from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, startServer } from '../lib/server.mjs';

describe('clock accuracy', () => {
  let server;
  let browser;
  let page;
  let token;
  let seq = 0;

  before(async () => {
    // No embedded agent: this test is the only source of probe results.
    server = await startServer({ name: 'clock', env: { XL_EMBEDDED_AGENT: 'false', XL_DEMO: 'false' }, healthTimeoutMs: 300_000 });
    const created = await apiJson(server, '/api/v1/agents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'e2e-clock', zone: 'local' }),
    });
    token = created.token;
    browser = await launchBrowser();
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function deviceId(assetTag) {
    const found = itemsOf(await apiJson(server, `/api/v1/devices?projectId=1&q=${assetTag}`)).find((d) => d.assetTag === assetTag);
    assert.ok(found, assetTag);
    return found.id;
  }

  async function send(results) {
    seq += 1;
    const res = await fetch(server.baseUrl + '/api/v1/agent/batches', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ seq, sentAt: new Date().toISOString(), results }),
    });
    assert.equal(res.status, 200, `batch ${seq} accepted`);
  }

  const onvif = (id, minutesAgo, offsetMs) => ({
    deviceId: id, method: 'ONVIF', startedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), latencyMs: 40,
    status: 'UP', reason: 'OK', detail: null, facts: { clockOffsetMs: String(offsetMs) },
  });

  test('reported offsets are thinned samples, shown on the device page and the status board', { timeout: 180_000 }, async () => {
    const drifting = await deviceId('JS-XL1-FC-001');
    const fine = await deviceId('JS-XL1-FC-002');
    await send([onvif(drifting, 40, 12_000), onvif(fine, 40, 500)]);
    await send([onvif(drifting, 20, 12_500), onvif(drifting, 19, 99), onvif(fine, 20, -400)]);

    const clock = await apiJson(server, `/api/v1/devices/${drifting}/clock`);
    assert.deepEqual(clock.samples.map((s) => s.offsetMs), [12_000, 12_500], 'one sample per 15 minutes');
    const offenders = await apiJson(server, '/api/v1/projects/1/clock-offenders');
    assert.deepEqual(offenders.items.map((i) => i.assetTag), ['JS-XL1-FC-001']);
    const accuracy = await apiJson(server, '/api/v1/projects/1/clock-accuracy');
    assert.equal(accuracy.groups[0].samples, 4);
    assert.equal(accuracy.groups[0].withinThreshold, 2);

    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-status').waitFor({ state: 'visible' });

    await page.goto(`${server.baseUrl}/ledger/${drifting}?tab=clock`);
    await waitForText(byTestId(page, 'clock-latest'), /\+12\.5 秒/);
    assert.match(await byTestId(page, 'clock-latest').innerText(), /超限/);
    await byTestId(page, 'clock-chart').waitFor({ state: 'visible' });
    await screenshot(page, 'clock-device-tab');

    await page.goto(`${server.baseUrl}/status`);
    await waitForText(byTestId(page, 'clock-offenders'), /JS-XL1-FC-001/);
    assert.match(await byTestId(page, 'clock-offenders-count').innerText(), /共 1 台超限/);
    await screenshot(page, 'clock-status-card');
  });
});
