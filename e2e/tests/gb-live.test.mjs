// GB/T 28181 live, in Chromium: the jar in demo mode (its GB/T 28181 server on a known loopback port, the demo's
// recorders and cameras registering from the in-process simulator) and, as a separate process, the project's
// simulator jar registering one device the ledger does not know. A Chinese user opens the demo CVR's 国标 tab
// (registration address, transport, last keepalive, its channels with their own statuses, one of them 视频丢失),
// then 设备发现 with the unknown device, and adopts it with one click: it is in the ledger and UP.
// Screenshots: screenshots/gb-live-*.png.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import {
  apiJson, byTestId, fillByTestId, itemsOf, screenshot, serverAndBrowser, waitUntil,
} from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, E2E_DIR, freePort, javaCommand, testJvmOptions } from '../lib/server.mjs';

const CVR_CODE = '14082400001180000048';            // JS-XL1-SV-003, 视频存储服务器（CVR）-1
const STRANGER = '14082400991320000901';            // an IPC no ledger device carries
const DEMO_GB_PASSWORD = 'Demo-Gb-Passw0rd';         // demo.DemoGbSettings.DEMO_PASSWORD
const SERVER_ID = '14082400002000000001';
const DOMAIN = '1408240000';

function simulatorJar() {
  return path.resolve(process.env.XL_SIMULATOR_JAR || path.join(E2E_DIR, '..', 'agents', 'target', 'xueliang-simulator.jar'));
}

/** java -jar xueliang-simulator.jar gb28181 … for one IPC; stop() sends SIGTERM (it unregisters) and waits. */
function startSimulator(sipPort) {
  const jar = simulatorJar();
  if (!existsSync(jar)) throw new Error(`simulator jar not found: ${jar} (mvn -B -DskipTests package, or XL_SIMULATOR_JAR)`);
  const child = spawn(javaCommand(), [
    '-Xmx128m', ...testJvmOptions(), '-jar', jar, 'gb28181', '--server', `127.0.0.1:${sipPort}`, '--server-id', SERVER_ID, '--domain', DOMAIN,
    '--ipcs', '1', '--base-code', STRANGER, '--password', DEMO_GB_PASSWORD, '--keepalive-seconds', '5', '--report-seconds', '60',
    '--zone', 'Asia/Shanghai',   // the server's XL_TIMEZONE: DeviceTime in the platform's wall clock, as after 校时
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => { out = (out + c).slice(-4000); });
  child.stderr.on('data', (c) => { out = (out + c).slice(-4000); });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    get output() { return out; },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

describe('GB/T 28181 live: the 国标 tab of a registered NVR and one-click adoption (zh-CN, admin, demo mode)', () => {
  let simulator;
  // demo mode (its GB/T 28181 server on a port chosen here, for the simulator) without the synthetic past: this file
  // reads only live registrations and statuses, and the backfill is most of a demo's first start (docs/DEMO.md)
  const serverOptions = { name: 'gb-live', env: { XL_DEMO: 'true', XL_DEMO_HISTORY: 'false' }, healthTimeoutMs: 300_000 };
  before(async () => { serverOptions.env.XL_GB_SIP_PORT = String(await freePort()); });
  after(async () => { await simulator?.stop(); }); // before the server stops: it unregisters
  const ctx = serverAndBrowser(serverOptions, { prefix: 'gb-live', timeout: 240_000 });
  const { step } = ctx;
  let server;
  let page;
  before(async () => {
    ({ server, page } = ctx);
    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'nav-ledger').waitFor({ state: 'visible' });
  });

  step('nvr', 'the demo CVR registered over UDP: address, transport, last keepalive and its channels with their statuses', async () => {
    const [cvr] = itemsOf(await apiJson(server, `/api/v1/devices?q=${CVR_CODE}`));
    assert.equal(cvr.assetTag, 'JS-XL1-SV-003');
    // registered, catalogued, and (60 s after the demo started) one channel lost its video
    let gb;
    await waitUntil(async () => {
      gb = await apiJson(server, `/api/v1/devices/${cvr.id}/gb`);
      return gb.registration && (gb.channels || []).some((c) => c.status === 'VLOST');
    }, { timeout: 180_000, interval: 2000, message: 'the CVR registered with a VLOST channel' });
    assert.ok(gb.channels.length >= 2, `channels: ${JSON.stringify(gb.channels)}`);
    assert.ok(gb.channels.every((c) => c.ledgerDeviceId), 'every channel is a ledger camera');

    await page.goto(`${server.baseUrl}/ledger/${cvr.id}?tab=gb`);
    await byTestId(page, 'gb-registration').waitFor({ state: 'visible' });
    assert.equal(await byTestId(page, 'gb-registration-state').getAttribute('data-state'), 'registered');
    assert.match(await byTestId(page, 'gb-address').innerText(), /^127\.\d+\.\d+\.\d+:\d+$/); // the demo fleet sends from 127.20.255.254
    assert.equal((await byTestId(page, 'gb-transport').innerText()).trim(), 'UDP');
    const keepalive = (await byTestId(page, 'gb-last-keepalive').innerText()).trim();
    assert.ok(keepalive && keepalive !== '—', `last keepalive: ${keepalive}`);
    const table = byTestId(page, 'gb-channels');
    await waitUntil(async () => (await table.locator('tbody tr').count()) === gb.channels.length,
      { message: 'one row per channel' });
    const statuses = await table.locator('[data-status]').evaluateAll((els) => els.map((e) => [e.dataset.status, e.textContent.trim()]));
    assert.ok(statuses.some(([s, text]) => s === 'ON' && text === '在线'), `statuses: ${statuses}`);
    assert.ok(statuses.some(([s, text]) => s === 'VLOST' && text === '视频丢失'), `statuses: ${statuses}`);
    assert.match(await byTestId(page, 'gb-channel-counts').innerText(), /视频丢失 1/);
    await screenshot(page, 'gb-live-cvr-tab');

    // the lost channel's camera is DEGRADED with its own reason while the CVR stays UP
    const lost = gb.channels.find((c) => c.status === 'VLOST');
    await waitUntil(async () => (await apiJson(server, `/api/v1/devices/${lost.ledgerDeviceId}/status`)).reason === 'VIDEO_LOST',
      { timeout: 30_000, message: 'the lost camera DEGRADED VIDEO_LOST' });
    const camera = await apiJson(server, `/api/v1/devices/${lost.ledgerDeviceId}/status`);
    assert.equal(camera.state, 'DEGRADED');
    assert.equal((await apiJson(server, `/api/v1/devices/${cvr.id}/status`)).state, 'UP');
  });

  step('adopt', 'an unknown device registering is listed under 设备发现 and adopted with one click: in the ledger, UP', async () => {
    simulator = startSimulator(Number(serverOptions.env.XL_GB_SIP_PORT));
    await waitUntil(async () => itemsOf(await apiJson(server, '/api/v1/gb28181/discovered')).some((r) => r.code === STRANGER),
      { timeout: 60_000, interval: 1000, message: `the simulator's device under discovery (${simulator.output})` });

    await page.goto(`${server.baseUrl}/status/discovery`);
    const row = page.locator('[data-testid="gb-discovery-table"] tbody tr').filter({ hasText: STRANGER });
    await row.waitFor({ state: 'visible' });
    await screenshot(page, 'gb-live-discovery');
    await row.locator('[data-testid="gb-discovery-adopt"]').click();
    await byTestId(page, 'gb-adopt-dialog').waitFor({ state: 'visible' });
    await fillByTestId(page, 'gb-adopt-name', '村口人脸抓拍（国标发现）');
    await screenshot(page, 'gb-live-adopt-dialog');
    await byTestId(page, 'gb-adopt-confirm').click();

    await page.waitForURL(/\/ledger\/\d+\?tab=status/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const device = await apiJson(server, `/api/v1/devices/${id}`);
    assert.equal(device.gbCode, STRANGER);
    assert.equal(device.name, '村口人脸抓拍（国标发现）');
    assert.equal(device.lifecycle, 'INSTALLED');
    await waitUntil(async () => (await apiJson(server, `/api/v1/devices/${id}/status`)).state === 'UP',
      { timeout: 30_000, message: 'the adopted device UP' });
    const status = await apiJson(server, `/api/v1/devices/${id}/status`);
    assert.ok(status.sources.some((s) => s.source === 'GB28181' && s.status === 'UP'), JSON.stringify(status.sources));
    // its DeviceStatus answer came (the first queries are paced): a clock offset of seconds, not hours
    await waitUntil(async () => (await apiJson(server, `/api/v1/devices/${id}/status`)).facts['gb.clockOffsetMs'] !== undefined,
      { timeout: 60_000, interval: 1000, message: 'the clock offset from DeviceStatus' });
    const offset = Number((await apiJson(server, `/api/v1/devices/${id}/status`)).facts['gb.clockOffsetMs']);
    assert.ok(Math.abs(offset) < 60_000, `clock offset ${offset} ms`);
    // the first observation comes with the REGISTER, before any keepalive: wait for one that carries it
    await waitUntil(async () => (await apiJson(server, `/api/v1/devices/${id}/status`)).facts['gb.lastKeepaliveAt'] !== undefined,
      { timeout: 120_000, interval: 1000, message: 'the last keepalive among the facts' });
    const discovered = await apiJson(server, '/api/v1/gb28181/discovered');
    assert.ok(!itemsOf(discovered).some((r) => r.code === STRANGER), 'no longer discovered');
    await page.reload();
    await page.getByText('正常', { exact: true }).first().waitFor({ state: 'visible' });
    await page.getByText('国标最近心跳', { exact: true }).waitFor({ state: 'visible' });
    assert.equal(await page.getByText('gb.statusAt', { exact: true }).count(), 0, 'no fact shown by its code');
    await screenshot(page, 'gb-live-adopted-status');
  });
});
