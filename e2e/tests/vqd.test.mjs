// 图像完好率 end to end (docs/VQD.md): picture checks an agent reports in its probe facts become the device's VQD
// history, its status is DEGRADED VQD_FAULT, the device page's 画质诊断 tab shows the verdicts beside the picture the
// agent uploaded for that check, an uploaded
// picture is checked on the spot and approved as the camera's reference picture.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { apiJson, byTestId, fillByTestId, itemsOf, launchBrowser, screenshot, waitForText } from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, startServer } from '../lib/server.mjs';

const PICTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'img', 'status.png');

describe('picture quality (VQD)', () => {
  let server;
  let browser;
  let page;
  let token;
  let seq = 0;

  before(async () => {
    // No embedded agent: this test is the only source of probe results.
    server = await startServer({ name: 'vqd', env: { XL_EMBEDDED_AGENT: 'false', XL_DEMO: 'false' }, healthTimeoutMs: 300_000 });
    const created = await apiJson(server, '/api/v1/agents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'e2e-vqd', zone: 'local' }),
    });
    token = created.token;
    browser = await launchBrowser();
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function send(results) {
    seq += 1;
    const res = await fetch(server.baseUrl + '/api/v1/agent/batches', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ seq, sentAt: new Date().toISOString(), results }),
    });
    assert.equal(res.status, 200, `batch ${seq} accepted`);
  }

  const checked = (id, minutesAgo, faults, blur, cast) => {
    const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    return {
      deviceId: id, method: 'ONVIF', startedAt: at, latencyMs: 40,
      status: faults ? 'DEGRADED' : 'UP', reason: faults ? 'VQD_FAULT' : 'OK', detail: faults ? `picture faults: ${faults}` : null,
      facts: { 'vqd.checkedAt': at, 'vqd.BLUR': String(blur), 'vqd.COLOR_CAST': String(cast), 'vqd.faults': faults },
    };
  };

  test('reported checks are the device history, its status and the 画质诊断 tab; an upload is checked', { timeout: 180_000 }, async () => {
    const camera = itemsOf(await apiJson(server, '/api/v1/devices?projectId=1&q=JS-XL1-FC-003')).find((d) => d.assetTag === 'JS-XL1-FC-003');
    assert.ok(camera);
    await send([checked(camera.id, 30, '', 0.1, 0.2)]);
    // a minute old: the silence sweeper turns a device UNKNOWN (reason cleared) 3 minutes after its last result
    const faulty = checked(camera.id, 1, 'COLOR_CAST', 0.15, 0.82);
    await send([faulty]);

    const vqd = await apiJson(server, `/api/v1/devices/${camera.id}/vqd`);
    assert.equal(vqd.checks, 2);
    assert.equal(vqd.cleanChecks, 1);
    assert.deepEqual(vqd.recent.map((c) => c.faults), [['COLOR_CAST'], []]);
    const status = await apiJson(server, `/api/v1/devices/${camera.id}/status`);
    assert.equal(status.reason, 'VQD_FAULT');
    const intactness = await apiJson(server, '/api/v1/projects/1/image-intactness');
    assert.equal(intactness.groups[0].checks, 2);
    assert.equal(intactness.groups[0].intactness, 0.5);

    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-status').waitFor({ state: 'visible' });

    // the agent uploads the picture the faulty check judged (a 480×270 JPEG, as the agent's reduction is)
    const jpeg = Buffer.from(await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 480;
      c.height = 270;
      const g = c.getContext('2d');
      g.fillStyle = '#a0783c';
      g.fillRect(0, 0, 480, 270);
      g.fillStyle = '#fff';
      g.font = '20px sans-serif';
      g.fillText('2026-12-06 20:00:00 FC-003', 12, 30);
      return c.toDataURL('image/jpeg', 0.9).split(',')[1];
    }), 'base64');
    const upload = await fetch(`${server.baseUrl}/api/v1/agent/devices/${camera.id}/vqd-snapshot?checkedAt=${faulty.facts['vqd.checkedAt']}`, {
      method: 'PUT', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'image/jpeg' }, body: jpeg,
    });
    assert.equal(upload.status, 204, 'snapshot accepted');
    const taken = (await apiJson(server, `/api/v1/devices/${camera.id}/vqd`)).snapshot;
    assert.equal(Date.parse(taken.checkedAt), Date.parse(faulty.facts['vqd.checkedAt']));

    await page.goto(`${server.baseUrl}/ledger/${camera.id}?tab=vqd`);
    await waitForText(byTestId(page, 'vqd-latest'), /偏色/);
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid=vqd-snapshot-img] img');
      return img && img.complete && img.naturalWidth === 480;
    });
    await waitForText(byTestId(page, 'vqd-snapshot-at'), /检测的画面/);
    await screenshot(page, 'vqd-snapshot');
    assert.match(await byTestId(page, 'vqd-latest').innerText(), /0\.82[\s\S]*故障/);
    assert.match(await byTestId(page, 'vqd-intactness').innerText(), /50\.0%/);
    assert.match(await byTestId(page, 'vqd-recent').innerText(), /偏色[\s\S]*无故障/);

    await page.locator('[data-testid=vqd-file]').setInputFiles(PICTURE);
    await byTestId(page, 'vqd-analyze').click();
    await waitForText(byTestId(page, 'vqd-result'), /信号丢失/);
    assert.match(await byTestId(page, 'vqd-result').innerText(), /模糊/);
    await screenshot(page, 'vqd-device-tab');

    // the technician approves the picture just checked as the camera's reference (场景变更 is judged against it)
    await waitForText(byTestId(page, 'vqd-reference-none'), /尚未批准基准图/);
    await byTestId(page, 'vqd-approve').click();
    await waitForText(byTestId(page, 'vqd-reference-by'), /admin[\s\S]*批准/);
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid=vqd-reference-img]');
      return img && img.complete && img.naturalWidth > 0;
    });
    const approved = await apiJson(server, `/api/v1/devices/${camera.id}/vqd`);
    assert.equal(approved.reference.approvedBy, ADMIN_USER);
    assert.ok(approved.reference.width <= 480, 'kept at analysis size');
    await screenshot(page, 'vqd-reference');
  });
});
