// Starts the backend jar for one test file and stops it afterwards.
//
//   const server = await startServer();   // java -jar $XL_JAR on a free loopback port, fresh data dir
//   server.baseUrl                        // http://127.0.0.1:<port>
//   await server.stop();                  // SIGTERM, then SIGKILL after 15 s; removes the data dir
//   await server.kill();                  // SIGKILL now (a crash); keeps the data dir
//
// A restart on the same database and port (resilience tests): startServer({ port, dataDir }) — a data
// dir passed in is the caller's and is never removed. args are extra arguments after the jar;
// healthTimeoutMs (default 120 s) how long to wait for /actuator/health UP.
//
// XL_E2E_BASE_URL=http://127.0.0.1:8080 makes startServer() reuse a running server instead
// (the server must have the reference dataset and admin password ADMIN_PASSWORD).
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = process.env.XL_E2E_ADMIN_PASSWORD || 'E2e-Chief-Passw0rd';
const HEALTH_TIMEOUT_MS = 120_000;
/**
 * healthTimeoutMs for a demo's first start with its synthetic past (migrations, seed, backfill): minutes on a busy 2-core
 * machine, about twice that when the other e2e lane starts a demo at the same time (scripts/test.sh runs two files at once).
 */
export const DEMO_FIRST_START_MS = 600_000;
const running = new Set();

function defaultJar() {
  return path.resolve(E2E_DIR, '..', 'backend', 'target', 'xueliang-tracker.jar');
}

const handedOut = new Set();

/** The lowest port the kernel hands out for outgoing connections and listen(0) (Linux; 32768 elsewhere). */
function ephemeralLow() {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

/** Whether a TCP listener and a UDP socket can bind the port on every address right now. */
async function bindable(port) {
  const tcp = await new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '0.0.0.0', () => srv.close(() => resolve(true)));
  });
  if (!tcp) return false;
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    sock.unref();
    sock.once('error', () => { sock.close(); resolve(false); });
    sock.bind(port, '0.0.0.0', () => sock.close(() => resolve(true)));
  });
}

/**
 * A port free right now for a server a test is about to start. Drawn at random below the kernel's ephemeral range:
 * a port from listen(0) lies inside it, where the very next outgoing connection of any process on the machine (a
 * JDBC pool filling up, a browser) may take it as its source port before the server binds it, and the other e2e lane
 * draws from the same pool. Never the same port twice in one test process.
 */
export async function freePort() {
  const low = 20000;
  const high = ephemeralLow() - 1;
  for (let attempt = 0; high - low >= 1000 && attempt < 100; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (!handedOut.has(port) && await bindable(port)) {
      handedOut.add(port);
      return port;
    }
  }
  return new Promise((resolve, reject) => {   // no room below the ephemeral range: the kernel's choice
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The java of JAVA_HOME, else the one on the PATH: what every JVM the suite starts runs on. */
export function javaCommand() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * JVM options of every server, agent and simulator the suite starts (XL_E2E_JAVA_OPTS; empty for the JVM's own
 * defaults). A test's JVM lives for a minute or two, mostly starting up, while the other lane starts its own: the
 * C2 compiler and G1's threads spent more CPU than the start itself (49 CPU-seconds to a healthy server on a 2-vCPU
 * machine against 18 with C1 only and the serial collector). Production runs with the defaults.
 */
export function testJvmOptions() {
  const opts = process.env.XL_E2E_JAVA_OPTS ?? '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
  return opts.split(/\s+/).filter(Boolean);
}

export async function startServer(options = {}) {
  if (process.env.XL_E2E_BASE_URL) {
    const baseUrl = process.env.XL_E2E_BASE_URL.replace(/\/+$/, '');
    await waitForHealth(baseUrl, null, () => '');
    return { baseUrl, port: Number(new URL(baseUrl).port), stop: async () => {} };
  }
  // A port drawn free can still be taken before the JVM binds it; the backend then stops at once naming the port
  // ("[xl] port N (…) is already in use"), and a port of our own choosing is simply drawn again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(options);
    } catch (err) {
      if (options.port || attempt >= 3 || !err.portInUse) throw err;
      console.log(`# ${options.name || 'server'}: ${err.portInUse}; starting again on another port`);
    }
  }
}

async function startOnce({ env = {}, name = 'server', port: fixedPort, dataDir: givenDataDir, args = [],
  healthTimeoutMs = HEALTH_TIMEOUT_MS }) {
  const jar = path.resolve(process.env.XL_JAR || defaultJar());
  if (!existsSync(jar)) {
    throw new Error(`backend jar not found: ${jar} (build it with 'mvn -B -DskipTests package' or set XL_JAR)`);
  }
  const port = fixedPort || await freePort();
  const ownDataDir = !givenDataDir;
  const dataDir = givenDataDir || await mkdtemp(path.join(os.tmpdir(), 'xl-e2e-data-'));
  const logDir = path.join(E2E_DIR, 'test-results');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}-${port}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });   // a restart on the same port appends
  let tail = '';
  const keepTail = (chunk) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-6000);
  };

  const child = spawn(javaCommand(), ['-Xmx768m', ...testJvmOptions(), '-jar', jar, ...args], {
    cwd: dataDir,
    env: {
      ...process.env,
      XL_PORT: String(port),
      XL_DATA_DIR: dataDir,
      XL_ADMIN_PASSWORD: ADMIN_PASSWORD,
      XL_DEMO: 'false',
      SERVER_ADDRESS: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      log.end();
      resolve(exited);
    });
  });

  const server = {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    logFile,
    pid: child.pid,
    get log() { return tail; },
    killNow() { if (exited === null) child.kill('SIGKILL'); },
    /** SIGKILL (a crash: no shutdown hook runs) and wait for the exit; the data dir stays. */
    async kill() {
      running.delete(server);
      if (exited === null) child.kill('SIGKILL');
      return exitPromise;
    },
    async stop() {
      running.delete(server);
      if (exited === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => { if (exited === null) child.kill('SIGKILL'); }, 15_000);
        await exitPromise;
        clearTimeout(timer);
      }
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  running.add(server);

  try {
    await waitForHealth(server.baseUrl, () => exited, () => tail, healthTimeoutMs);
  } catch (err) {
    await server.stop();
    const failure = new Error(`${err.message}\nserver log: ${logFile}\n--- last lines ---\n${tail.split('\n').slice(-40).join('\n')}`);
    failure.portInUse = tail.match(/^\[xl\] port \d+ .* is already in use/m)?.[0];
    throw failure;
  }
  return server;
}

async function waitForHealth(baseUrl, exitedFn, tailFn, timeoutMs = HEALTH_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const exited = exitedFn ? exitedFn() : null;
    if (exited) {
      throw new Error(`backend exited before it was healthy (code ${exited.code}, signal ${exited.signal})`);
    }
    try {
      const res = await fetch(`${baseUrl}/actuator/health`, { signal: AbortSignal.timeout(5000) });
      const text = await res.text();
      last = `HTTP ${res.status} ${text.slice(0, 200)}`;
      if (res.ok && JSON.parse(text).status === 'UP') return;
    } catch (err) {
      last = err.cause?.code || err.message;
    }
    await new Promise((r) => setTimeout(r, 500)); // poll interval, not a fixed wait for an outcome
  }
  throw new Error(`backend at ${baseUrl} not UP within ${timeoutMs / 1000} s (last: ${last})`);
}

// Never leave a JVM behind, even when the test process dies or is interrupted.
process.on('exit', () => {
  for (const s of running) s.killNow();
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    for (const s of running) s.killNow();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}
