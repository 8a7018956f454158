// Starts the standalone probing agent (agents/target/xueliang-agent.jar) for e2e tests.
//
//   const agent = await startAgent({ serverUrl, token, spoolDir, metricsPort, name, ackLog });
//   (serverUrl may be a comma-separated list: the agent fails over between them; ackLog: --ack-log FILE)
//   await agent.metrics();                // the Prometheus text of --metrics, parsed: { 'xl_agent_spool_depth': 0, … }
//   await agent.kill('SIGKILL');          // a crash (no shutdown hook); 'SIGTERM' = graceful stop; waits for the exit
//
// The jar: XL_AGENT_JAR, default ../agents/target/xueliang-agent.jar relative to e2e/. The token goes in
// the environment (XL_AGENT_TOKEN), never on the command line. Every agent still running when the test
// process exits is killed.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { E2E_DIR, javaCommand, testJvmOptions } from './server.mjs';

const running = new Set();

export function agentJar() {
  return path.resolve(process.env.XL_AGENT_JAR || path.join(E2E_DIR, '..', 'agents', 'target', 'xueliang-agent.jar'));
}

export async function startAgent({ serverUrl, token, spoolDir, metricsPort, name = 'agent', ackLog }) {
  const jar = agentJar();
  if (!existsSync(jar)) {
    throw new Error(`agent jar not found: ${jar} (build it with 'mvn -B -DskipTests package' or set XL_AGENT_JAR)`);
  }
  const logDir = path.join(E2E_DIR, 'test-results');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  let tail = '';
  const keep = (chunk) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-20000);
  };
  const args = ['-Xmx256m', ...testJvmOptions(), '-jar', jar, '--server', serverUrl, '--spool', spoolDir];
  if (metricsPort) args.push('--metrics', `127.0.0.1:${metricsPort}`);
  if (ackLog) args.push('--ack-log', ackLog);
  const child = spawn(javaCommand(), args, {
    env: { ...process.env, XL_AGENT_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      running.delete(agent);
      log.end();
      resolve(exited);
    });
  });
  const agent = {
    pid: child.pid,
    logFile,
    get log() { return tail; },
    get exited() { return exited; },
    /** Sends the signal and waits for the exit (SIGKILL after 30 s if a SIGTERM did not end it). */
    async kill(signal = 'SIGKILL') {
      if (exited === null) {
        process.kill(child.pid, signal);
        const timer = setTimeout(() => { if (exited === null) child.kill('SIGKILL'); }, 30_000);
        await exitPromise;
        clearTimeout(timer);
      }
      return exited;
    },
    killNow() { if (exited === null) child.kill('SIGKILL'); },
    /** The metrics endpoint parsed into { 'name{labels}': number }, or null when it does not answer. */
    async metrics() {
      if (!metricsPort) throw new Error('agent started without metricsPort');
      try {
        const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) return null;
        return parsePrometheus(await res.text());
      } catch {
        return null;
      }
    },
  };
  running.add(agent);
  return agent;
}

export function parsePrometheus(text) {
  const out = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+?(?:\{[^}]*\})?)\s+(\S+)/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

process.on('exit', () => {
  for (const a of running) a.killNow();
});
