// 一机一档 in the UI, as a Chinese user meets it: the page under the ledger with 档案完整率 and 建档率, the rates per
// township, the cameras with their gaps, and a camera's archive tab where an invalid phone is refused beside the field
// and a valid one completes the archive, which its 修改记录 then shows. Screenshots: screenshots/archive-*.png.
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
});
