// A new user's first run (issue 8): demo mode starts and stays healthy while the usual ports are
// taken by other programs, a rerun on the same data dir works, SIGTERM stops it within 5 s, and a
// configured port that is busy stops the start at once with one line naming the port and its setting.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { api, apiJson, waitUntil } from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, E2E_DIR, freePort, javaCommand, startServer } from '../lib/server.mjs';

// The ports demo mode used to take whatever XL_PORT said (ONVIF 18080, SNMP 16161) and the default XL_PORT.
const USUAL_PORTS = [18080, 16161, 8080];
const SHUTDOWN_BOUND_MS = 5_000;
const STILL_UP_AFTER_MS = 40_000;
// A first start migrates, seeds and backfills years of synthetic history: slow on a busy machine.
const START_TIMEOUT_MS = 300_000;

/** Listens on host:port over TCP; resolves the server, or null when the port is taken already. */
function holdTcp(port, host) {
  return new Promise((resolve) => {
    const srv = net.createServer((c) => c.destroy());
    srv.once('error', () => resolve(null));
    srv.listen({ port, host, exclusive: true }, () => resolve(srv));
  });
}

/** Binds host:port over UDP (SNMP); resolves the socket, or null when the port is taken already. */
function holdUdp(port, host) {
  return new Promise((resolve) => {
    const sock = dgram.createSocket({ type: 'udp4' });
    sock.once('error', () => { sock.close(); resolve(null); });
    sock.bind({ port, address: host, exclusive: true }, () => resolve(sock));
  });
}

/**
 * Takes each port on 0.0.0.0 (which blocks every address) over TCP and UDP, else on 127.0.0.1. A port
 * the machine already has taken by someone else is just as taken for the app: it is reported, not held.
 */
async function holdUsualPorts(diagnostic) {
  const held = [];
  for (const port of USUAL_PORTS) {
    for (const [proto, hold] of [['tcp', holdTcp], ['udp', holdUdp]]) {
      let h = await hold(port, '0.0.0.0');
      let where = '0.0.0.0';
      if (!h) {
        h = await hold(port, '127.0.0.1');
        where = '127.0.0.1';
      }
      if (h) held.push(h);
      diagnostic(h ? `holding ${proto} ${port} on ${where}` : `${proto} ${port} is taken by another program already (not held by the test, still busy for the app)`);
    }
  }
  return held;
}

function releaseAll(held) {
  for (const h of held) h.close();
}

async function summary(server) {
  return apiJson(server, '/api/v1/status/summary');
}

/** Waits until the embedded agent has measured the simulated fleet: most of the 94 devices UP. */
async function waitForLiveDemo(server) {
  return waitUntil(async () => {
    const s = await summary(server);
    return s.total.UP >= 80 ? s : false;
  }, { timeout: 240_000, interval: 2_000, message: 'at least 80 devices UP on the status summary' });
}

/** Runs the jar and waits for it to exit; returns exit code, output and how long it took. */
function runToExit(env, timeoutMs) {
  const jar = path.resolve(process.env.XL_JAR || path.resolve(E2E_DIR, '..', 'backend', 'target', 'xueliang-tracker.jar'));
  assert.ok(existsSync(jar), `backend jar not found: ${jar}`);
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    // The JVM's own defaults, not the suite's testJvmOptions(): this is a user's `java -jar`.
    const child = spawn(javaCommand(), ['-jar', jar], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { out += c; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`still running after ${timeoutMs} ms:\n${out.slice(-3000)}`)); }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, ms: Date.now() - t0 });
    });
  });
}

describe('first run', { skip: process.env.XL_E2E_BASE_URL ? 'starts servers of its own' : false }, () => {
  let held = [];
  let dataDir;

  before(async (t) => {
    held = await holdUsualPorts((m) => t.diagnostic?.(m) ?? console.log(m));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'xl-e2e-firstrun-'));
  });
  after(async () => {
    releaseAll(held);
    if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  test('demo mode comes up healthy with 18080, 16161 and 8080 taken, stays up, and stops within 5 s', { timeout: 720_000 }, async (t) => {
    const server = await startServer({ name: 'firstrun', dataDir, env: { XL_DEMO: 'true' }, healthTimeoutMs: START_TIMEOUT_MS });
    const healthyAt = Date.now();
    try {
      await waitForLiveDemo(server);
      // the scripted faults (frozen picture, clock drift, firmware) show after a camera's deeper checks, which may
      // come a cycle or two after the fleet is first seen UP
      await waitUntil(async () => (await summary(server)).total.DEGRADED >= 1,
        { timeout: 240_000, interval: 2_000, message: 'the scripted DEGRADED cameras are measured too' });

      // the failure seen in issue 8 came about 30 s after the UI answered: still up well after that
      await new Promise((r) => setTimeout(r, Math.max(0, STILL_UP_AFTER_MS - (Date.now() - healthyAt))));
      const health = await (await api(server, '/actuator/health', { auth: false })).json();
      assert.equal(health.status, 'UP');
      assert.ok((await summary(server)).total.UP >= 80, 'still probing the simulators');
      assert.doesNotMatch(server.log, /APPLICATION FAILED|Exception in thread/);

      // an open status stream (the board in a browser) must not hold the shutdown
      const stream = await api(server, '/api/v1/status/stream', { headers: { Accept: 'text/event-stream' } });
      assert.equal(stream.status, 200);
      const t0 = Date.now();
      await server.stop();
      const ms = Date.now() - t0;
      t.diagnostic(`SIGTERM to exit: ${ms} ms`);
      assert.ok(ms <= SHUTDOWN_BOUND_MS, `SIGTERM stopped the app in ${ms} ms (bound ${SHUTDOWN_BOUND_MS} ms)`);
      await stream.body?.cancel().catch(() => {});
    } finally {
      await server.stop();
    }
  });

  test('a rerun on the same data dir, with the same ports still taken, works too', { timeout: 720_000 }, async () => {
    const server = await startServer({ name: 'firstrun-rerun', dataDir, env: { XL_DEMO: 'true' }, healthTimeoutMs: START_TIMEOUT_MS });
    try {
      await waitForLiveDemo(server);
      const health = await (await api(server, '/actuator/health', { auth: false })).json();
      assert.equal(health.status, 'UP');
    } finally {
      await server.stop();
    }
  });

  test('./scripts/run.sh without XL_PORT takes the next free port when 8080 is taken, and says so', { timeout: 600_000 }, async (t) => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'xl-e2e-runsh-'));
    const env = { ...process.env, XL_DATA_DIR: scratch, XL_DEMO: 'false', XL_ADMIN_PASSWORD: ADMIN_PASSWORD };
    delete env.XL_PORT;
    if (!env.XL_JAR) env.XL_JAR = path.resolve(E2E_DIR, '..', 'backend', 'target', 'xueliang-tracker.jar');
    // detached: run.sh execs java, and the whole group is stopped at the end
    const child = spawn(path.resolve(E2E_DIR, '..', 'scripts', 'run.sh'), [], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { out += c; });
    try {
      const url = await waitUntil(() => /Xueliang Tracker: (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out), { timeout: 30_000, message: `run.sh prints its URL:\n${out}` });
      const port = Number(url[2]);
      t.diagnostic(`run.sh chose ${port}`);
      assert.notEqual(port, 8080, '8080 is held by the test');
      assert.match(out, new RegExp(`Port 8080 is in use; using ${port}`));
      const health = await waitUntil(async () => {
        const res = await fetch(`${url[1]}actuator/health`).catch(() => null);
        return res?.ok ? res.json() : false;
      }, { timeout: START_TIMEOUT_MS, interval: 1_000, message: `health UP on ${url[1]}:\n${out.slice(-2000)}` });
      assert.equal(health.status, 'UP');
    } finally {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      await rm(scratch, { recursive: true, force: true, maxRetries: 3 });
    }
  });

  /** Holds a free port on 0.0.0.0 and runs the jar to its exit with env(port) and a scratch data dir. */
  async function runWithBusyPort(env) {
    const port = await freePort();
    const blocker = await holdTcp(port, '0.0.0.0');
    assert.ok(blocker, `holding ${port}`);
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'xl-e2e-busyport-'));
    try {
      const run = await runToExit({ XL_PORT: String(await freePort()), XL_DATA_DIR: scratch, ...env(port) }, 30_000);
      assert.notEqual(run.code, 0, `exit code ${run.code}`);
      assert.doesNotMatch(run.out, /^\s+at /m, 'no stack trace');
      assert.doesNotMatch(run.out, /Tomcat started|Started XueliangTrackerApplication/, 'nothing was served');
      return { port, ...run };
    } finally {
      blocker.close();
      await rm(scratch, { recursive: true, force: true });
    }
  }

  test('a busy XL_PORT stops the start at once with one line naming the port and XL_PORT', { timeout: 60_000 }, async () => {
    const run = await runWithBusyPort((port) => ({ XL_PORT: String(port), XL_DEMO: 'false' }));
    const lines = run.out.split('\n').filter((l) => l.includes(`port ${run.port}`));
    assert.equal(lines.length, 1, `one line names port ${run.port}:\n${run.out}`);
    assert.match(lines[0], new RegExp(`^\\[xl\\] port ${run.port} \\(XL_PORT / server\\.port\\) on 0\\.0\\.0\\.0 is already in use: .*XL_PORT`));
    // before the configuration is read there is only the JVM's and Spring's own start (seconds; more on a busy machine)
    assert.ok(run.ms < 20_000, `stopped at once (${run.ms} ms)`);
  });

  test('a busy configured demo port (XL_DEMO_ONVIF_PORT) stops the start the same way', { timeout: 60_000 }, async () => {
    const run = await runWithBusyPort((port) => ({ XL_DEMO: 'true', XL_DEMO_ONVIF_PORT: String(port) }));
    assert.match(run.out, new RegExp(`^\\[xl\\] port ${run.port} \\(XL_DEMO_ONVIF_PORT / xl\\.demo\\.onvif-port\\) on 0\\.0\\.0\\.0 is already in use`, 'm'));
  });
});
