// 一机一档 in the UI, as a Chinese user meets it: the page under the ledger with 档案完整率 and 建档率, the rates per
// township, the cameras with their gaps, and a camera's archive tab where an invalid phone is refused beside the field
// and a valid one completes the archive, which its 修改记录 then shows; a camera probed over SNMP has the model its
// ENTITY-MIB reports listed as SNMP's word against the archive. Screenshots: screenshots/archive-*.png.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { apiJson, byTestId, fillByTestId, screenshot, serverAndBrowser, tableCells, waitForText } from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER } from '../lib/server.mjs';

describe('一机一档 (zh-CN, admin)', () => {
  const ctx = serverAndBrowser({ name: 'archive', healthTimeoutMs: 300_000 }, { prefix: 'archive', timeout: 360_000 });

  ctx.step('page', 'the 一机一档 page shows the rates and the cameras with gaps', async () => {
    const { page, server } = ctx;
    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-ledger').click();
    await byTestId(page, 'ledger-archives').click();
    const rates = await apiJson(server, '/api/v1/projects/1/archive-rates?groupBy=township');
    await waitForText(byTestId(page, 'archive-totals'), new RegExp(`档案完整 ${rates.total.completeCameras} / 45 台`));
    const groups = await tableCells(page, 'archive-rates');
    assert.deepEqual(groups.map((row) => row[0]).sort(), rates.groups.map((g) => g.label).sort());
    await byTestId(page, 'archive-incomplete').click();
    await waitForText(byTestId(page, 'archive-list'), /缺联系方式/);
    await screenshot(page, 'archive-page');
  });

  ctx.step('device', 'a camera\'s archive refuses an invalid phone beside the field and saves a valid one', async () => {
    const { page, server } = ctx;
    const list = await apiJson(server, '/api/v1/projects/1/archives?incomplete=true&size=100');
    const camera = list.items.find((c) => c.missing.length === 1 && c.missing[0] === 'contactPhone' && c.invalid.length === 0);
    assert.ok(camera, 'a camera lacking only its phone');
    await page.goto(`${server.baseUrl}/ledger/${camera.deviceId}?tab=archive`);
    await waitForText(byTestId(page, 'device-archive'), /档案不完整/);
    await fillByTestId(page, 'archive-contactPhone', '张警官');
    await byTestId(page, 'archive-save').click();
    await waitForText(byTestId(page, 'archive-form'), /应为手机号或固定电话/);
    await screenshot(page, 'archive-device-invalid');
    const unchanged = await apiJson(server, `/api/v1/devices/${camera.deviceId}/archive`);
    assert.equal(unchanged.archive.contactPhone, undefined);

    await fillByTestId(page, 'archive-contactPhone', '0359-5522110');
    await byTestId(page, 'archive-save').click();
    await waitForText(byTestId(page, 'device-archive'), /档案完整/);
    await waitForText(byTestId(page, 'archive-completeness'), /^100/);
    const saved = await apiJson(server, `/api/v1/devices/${camera.deviceId}/archive`);
    assert.equal(saved.archive.contactPhone, '0359-5522110');
    assert.equal(saved.complete, true);
    // the change is a new version: 修改记录 names who, from where, and the field old → new
    const versions = await apiJson(server, `/api/v1/devices/${camera.deviceId}/archive/versions`);
    assert.equal(versions[0].source, 'PUT');
    assert.deepEqual(versions[0].changes.map((c) => [c.field, c.before, c.after]), [['contactPhone', null, '0359-5522110']]);
    await waitForText(byTestId(page, 'archive-history'), /联系方式：未填写\s*→\s*0359-5522110/);
    await waitForText(byTestId(page, 'archive-history'), /页面修改/);
    await screenshot(page, 'archive-device');
  });

  ctx.step('mismatch', 'a camera probed over SNMP has its ENTITY-MIB model listed against the archive as SNMP\'s', async () => {
    const { page, server } = ctx;
    const camera = (await apiJson(server, '/api/v1/projects/1/archives?size=100')).items[0];
    await apiJson(server, `/api/v1/devices/${camera.deviceId}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ probeMethod: 'SNMP', probePort: 161, model: 'DS-2CD3T46WD-I3' }),
    });
    const agent = await apiJson(server, '/api/v1/agents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'e2e-archive', zone: 'local' }),
    });
    const res = await fetch(server.baseUrl + '/api/v1/agent/batches', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + agent.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ seq: 1, sentAt: new Date().toISOString(), results: [{
        deviceId: camera.deviceId, method: 'SNMP', startedAt: new Date(Date.now() - 5000).toISOString(), latencyMs: 3,
        status: 'UP', reason: 'OK', detail: null, facts: { model: 'DS-2CD3T47G2-L', serial: 'DS-TEST-0001' },
      }] }),
    });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).applied, 1, 'the SNMP result is applied');

    await page.goto(server.baseUrl + '/ledger/archives');
    const table = byTestId(page, 'archive-project-mismatches');
    await waitForText(table, /SNMP 资产信息（ENTITY-MIB）/);
    const row = (await tableCells(page, 'archive-project-mismatches')).find((cells) => cells.some((c) => c.includes('DS-2CD3T47G2-L')));
    assert.ok(row, 'the reported model is listed');
    assert.ok(row.some((c) => c.includes('DS-2CD3T46WD-I3')), 'beside the archive\'s model');
    assert.ok(!row.some((c) => c.includes('ONVIF')), 'not named ONVIF');
    await screenshot(page, 'archive-mismatch-snmp');

    await page.goto(`${server.baseUrl}/ledger/${camera.deviceId}?tab=archive`);
    await waitForText(byTestId(page, 'archive-mismatches'), /SNMP 资产信息（ENTITY-MIB）[\s\S]*DS-2CD3T47G2-L/);
    await byTestId(page, 'archive-mismatches').scrollIntoViewIfNeeded();
    await screenshot(page, 'archive-device-mismatch-snmp');
  });
});
