// Resilience end to end (SPEC §8, issue #3 point 9): "an agent killed with SIGKILL and a backend restarted
// during ingest lose no result and apply none twice", with real processes:
//
//   backend jar (H2 file database in a temp data dir, embedded agent off)  ←  standalone agent jar (disk spool)
//                                                                              ↓ TCP probes
//                                                           listening sockets of this test (UP) + a closed port (DOWN)
//
// The agent is SIGKILLed while it sends (twice, once while it replays a backlog) and restarted on the same
// spool. The backend is SIGKILLed twice and restarted on the same data dir and port while the agent keeps
// probing and spooling: first the instant a direct protocol client (agent row e2e-direct) has a batch
// acknowledged — every acknowledged seq must survive the crash — then while the agent replays its backlog.
// At the end the devices are parked (moved out of the agent's zone), the agent is stopped gracefully,
// restarted once more to send what it sealed on the way out, and the figures are checked by sequence
// accounting:
//   (a) the agent's spool is empty: xl_agent_spool_depth 0 and "0 batches left in the spool" on SIGTERM;
//   (b) the backend applied batches 1..lastSeq, each exactly once, no gap (GET /api/v1/agents/{id}/batches);
//   (c) probe results stored (GET /api/v1/devices/{id}/probes: newest first, time in "at") = Σ (resultCount −
//       refusedCount) of the applied batches (results of devices parked while spooled are refused), no (device, probe time) pair stored twice, results probed while the backend was
//       down arrived, and no device's probe series has a hole except across an agent kill;
//   (d) issue 12: the agent's --ack-log (what it was told is stored) lists exactly the applied batches (epoch, seq), with
//       their result counts, and every result of a batch without refusals is stored. The agent is given a dead
//       server URL first (--server DEAD,BACKEND): it fails over to the backend and sticks to it.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startAgent } from '../lib/agent.mjs';
import { api, apiJson, parseCsv, toCsv, waitUntil } from '../lib/helpers.mjs';
import { freePort, startServer } from '../lib/server.mjs';

const UP_DEVICES = 190;
const DOWN_DEVICES = 10;
const LISTENERS = 10;
const INTERVAL_S = 10;             // the smallest probe interval the API accepts
const ZONE = 'e2e-resilience';
const PARKED_ZONE = 'e2e-parked';
const DIRECT_ZONE = 'e2e-direct';
const AGENT_NAME = 'e2e-agent';
// The embedded agent off: XL_EMBEDDED_AGENT (application.yml); XL_AGENT_EMBEDDED_ENABLED is the same
// property by relaxed binding, for jars built before that variable existed.
const BACKEND_ENV = { XL_EMBEDDED_AGENT: 'false', XL_AGENT_EMBEDDED_ENABLED: 'false' };
const WAIT = { interval: 100 };

describe('resilience: SIGKILLed agent and backend, exactly-once by sequence accounting', {
  timeout: 1_200_000,   // ~3 min on an idle 2-core machine; generous for a loaded one
  skip: process.env.XL_E2E_BASE_URL ? 'needs to start and kill its own backend (XL_E2E_BASE_URL is set)' : false,
}, () => {
  let server;                      // the current backend process
  let agent;                       // the current agent process
  let dataDir;
  let spoolDir;
  let ackDir;
  let deadUrl;                     // a server URL nobody answers, listed first: the agent fails over from it
  let metricsPort;
  let agentId;
  let token;
  let agentRuns = 0;
  let directDeviceId;              // the direct protocol client: its own agent row and device
  let directToken;
  let directAgentId;
  let directAcked = [];
  const listeners = [];
  const deviceIds = [];
  const events = [];               // [{what, at}] for the gap check and the printout
  const figures = { agentSigkills: 0, agentSigterms: 0, agentStarts: 0, backendSigkills: 0, backendStarts: 0 };
  const started = Date.now();
  const log = (msg) => console.log(`# [resilience +${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);

  const backend = () => server;
  const launchBackend = async (port) => {
    server = await startServer({ name: 'resilience-backend', env: BACKEND_ENV, dataDir, port, healthTimeoutMs: 300_000 });
    figures.backendStarts++;
    return server;
  };
  const launchAgent = async () => {
    agent = await startAgent({ serverUrl: `${deadUrl},${server.baseUrl}`, token, spoolDir, metricsPort,
      name: `resilience-agent-${++agentRuns}`, ackLog: path.join(ackDir, 'acks.log') });
    figures.agentStarts++;
    events.push({ what: 'agent-start', at: Date.now() });
    await waitUntil(async () => (await agent.metrics()) !== null || agent.exited,
      { timeout: 120_000, ...WAIT, message: 'agent metrics endpoint' });
    if (agent.exited) throw new Error(`agent exited at start: ${JSON.stringify(agent.exited)}\n${agent.log}`);
    return agent;
  };
  const agentRow = async () => apiJson(backend(), `/api/v1/agents/${agentId}`);
  const lastSeq = async () => (await agentRow()).lastSeq;
  const metric = async (name) => (await agent.metrics())?.[name];

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'xl-e2e-res-data-'));
    spoolDir = await mkdtemp(path.join(os.tmpdir(), 'xl-e2e-res-spool-'));
    ackDir = await mkdtemp(path.join(os.tmpdir(), 'xl-e2e-res-acks-'));
    deadUrl = `http://127.0.0.1:${await freePort()}`;
    metricsPort = await freePort();
    for (let i = 0; i < LISTENERS; i++) {
      const srv = net.createServer((socket) => socket.destroy());
      await new Promise((resolve, reject) => { srv.once('error', reject); srv.listen(0, '127.0.0.1', resolve); });
      listeners.push(srv);
    }
    await launchBackend();
  });

  after(async () => {
    await agent?.kill('SIGKILL').catch(() => {});
    await server?.stop().catch(() => {});
    for (const srv of listeners) srv.close();
    await rm(spoolDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    await rm(ackDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  });

  test('the embedded agent is off, so only the test agent probes', async () => {
    const agents = (await apiJson(server, '/api/v1/agents')).items;
    assert.deepEqual(agents.filter((a) => a.embedded).map((a) => a.name), [], 'no embedded agent row');
  });

  test('setup: 200 TCP devices in their own zone (import), an agent and its token', async () => {
    const exported = parseCsv(await (await api(server, '/api/v1/devices/export?format=csv')).text());
    const col = (name) => {
      const i = exported.header.findIndex((h) => h.trim() === name);
      assert.ok(i >= 0, `export column ${name} in ${exported.header.join(',')}`);
      return i;
    };
    const template = exported.rows.find((r) => r[col('lifecycle')] === 'IN_SERVICE');
    assert.ok(template, 'an IN_SERVICE device to copy');
    const closedPort = await freePort();   // nothing listens there: REFUSED → DOWN
    const rows = [];
    for (let i = 0; i < UP_DEVICES + DOWN_DEVICES; i++) {
      const row = [...template];
      for (const name of ['id', 'serialNumber', 'macAddress', 'ipAddress']) {
        const j = exported.header.findIndex((h) => h.trim() === name);
        if (j >= 0) row[j] = '';
      }
      const up = i < UP_DEVICES;
      row[col('assetTag')] = `E2E-RES-${String(i + 1).padStart(3, '0')}`;
      row[col('name')] = `resilience ${up ? 'up' : 'down'} ${i + 1}`;
      row[col('probeMethod')] = 'TCP';
      row[col('probeHost')] = '127.0.0.1';
      row[col('probePort')] = String(up ? listeners[i % LISTENERS].address().port : closedPort);
      row[col('probeIntervalSeconds')] = String(INTERVAL_S);
      row[col('probeTimeoutMs')] = '3000';
      row[col('probeZone')] = ZONE;
      rows.push(row);
    }
    const direct = [...rows[0]];   // one device for the direct protocol client, in a zone no agent process serves
    direct[col('assetTag')] = 'E2E-DIRECT-001';
    direct[col('name')] = 'resilience direct';
    direct[col('probeZone')] = DIRECT_ZONE;
    rows.push(direct);
    const form = new FormData();
    form.append('file', new Blob([toCsv(exported.header, rows, exported.bom)], { type: 'text/csv' }), 'resilience.csv');
    const res = await api(server, '/api/v1/devices/import', { method: 'POST', body: form });
    const body = await res.text();
    assert.equal(res.status, 200, `import: ${body.slice(0, 1000)}`);
    assert.equal(JSON.parse(body).created, rows.length);
    const found = await apiJson(server, '/api/v1/devices?q=E2E-RES-&size=500');
    assert.equal(found.total, UP_DEVICES + DOWN_DEVICES);
    directDeviceId = (await apiJson(server, '/api/v1/devices?q=E2E-DIRECT-001')).items[0].id;
    deviceIds.push(...found.items.map((d) => d.id));

    const created = await apiJson(server, '/api/v1/agents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: AGENT_NAME, zone: ZONE }),
    });
    token = created.token;
    agentId = created.agent.id;
    assert.match(token, /^xla_/);
    const createdDirect = await apiJson(server, '/api/v1/agents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'e2e-direct', zone: DIRECT_ZONE }),
    });
    directToken = createdDirect.token;
    directAgentId = createdDirect.agent.id;
  });

  test('batches flow, the agent is SIGKILLed while sending and restarted on the same spool', { timeout: 300_000 }, async () => {
    await launchAgent();
    await waitUntil(async () => (await metric('xl_agent_targets')) === UP_DEVICES + DOWN_DEVICES,
      { timeout: 120_000, ...WAIT, message: 'the agent holds the assignment' });
    await waitUntil(async () => (await lastSeq()) >= 3, { timeout: 120_000, ...WAIT, message: 'batches arrive (lastSeq ≥ 3)' });
    // Right after lastSeq moves the next batch is being sealed or sent: kill then.
    const seen = await lastSeq();
    await waitUntil(async () => (await lastSeq()) > seen, { timeout: 60_000, interval: 20, message: 'lastSeq advances' });
    await agent.kill('SIGKILL');
    figures.agentSigkills++;
    events.push({ what: 'agent-kill', at: Date.now() });
    log(`agent SIGKILLed #1 at lastSeq ${await lastSeq()}`);

    await launchAgent();
    const before = await lastSeq();
    await waitUntil(async () => (await lastSeq()) > before, { timeout: 120_000, ...WAIT, message: 'the restarted agent sends' });
  });

  test('the backend is SIGKILLed during ingest (twice) and restarted on the same database and port', { timeout: 900_000 }, async () => {
    const port = server.port;
    const killBackend = async (why) => {
      const at = Date.now();
      await server.kill();   // (already killed by postBatchesThenKill the first time: this only waits)
      figures.backendSigkills++;
      events.push({ what: 'backend-kill', at });
      log(`backend SIGKILLed #${figures.backendSigkills} ${why}`);
      return at;
    };
    const restartBackend = async (killedAt) => {
      // The agent notices and spools: its depth grows while the backend is away.
      await waitUntil(async () => (await metric('xl_agent_spool_depth')) >= 3,
        { timeout: 120_000, ...WAIT, message: 'the agent spools while the backend is down' });
      await launchBackend(port);
      const upAt = Date.now();
      events.push({ what: 'backend-up', at: upAt });
      figures.backendOutagesS = [...(figures.backendOutagesS || []), Math.round((upAt - killedAt) / 1000)];
      log(`backend restarted after ${Math.round((upAt - killedAt) / 1000)} s; agent spool depth ${await metric('xl_agent_spool_depth')}`);
    };
    /** Waits until the agent replays its backlog (lastSeq moves) and answers its spool depth. */
    const whileDraining = async () => {
      const from = await lastSeq();
      await waitUntil(async () => (await lastSeq()) > from, { timeout: 180_000, interval: 10, message: 'the agent resends its backlog' });
      return metric('xl_agent_spool_depth');   // ≥ 1 while it still replays (logged, not asserted: timing)
    };

    // 1. While the agent's batches arrive, a direct protocol client (second agent row) posts one-result
    //    batches back to back; the backend is SIGKILLed the moment its 20th batch is acknowledged. An
    //    acknowledged batch must survive the crash (the agent deletes it from its spool on that answer).
    directAcked = await postBatchesThenKill(server, directToken, directDeviceId, 20);
    await restartBackend(await killBackend(`the instant direct batch ${directAcked.at(-1)} was acknowledged`));
    const directApplied = (await apiJson(server, `/api/v1/agents/${directAgentId}/batches?limit=5000`)).map((b) => b.seq);
    figures.directBatchesAcknowledged = directAcked.length;
    figures.directBatchesSurvivingCrash = directApplied.length;
    assert.deepEqual(directApplied, directAcked, 'every batch acknowledged before the crash is still applied after it');

    // 2. While the agent replays its backlog back to back (many commits per second): kill again.
    const depth = await whileDraining();
    await restartBackend(await killBackend(`while the agent replays its backlog (spool depth ${depth})`));

    // 3. While it replays again: SIGKILL the agent mid-send and restart it on the same spool.
    const agentDepth = await whileDraining();
    await agent.kill('SIGKILL');
    figures.agentSigkills++;
    events.push({ what: 'agent-kill', at: Date.now() });
    log(`agent SIGKILLed #2 while replaying (spool depth ${agentDepth}, lastSeq ${await lastSeq()})`);
    await launchAgent();
    await waitUntil(async () => (await metric('xl_agent_spool_depth')) <= 2,
      { timeout: 180_000, ...WAIT, message: 'the restarted agent drains its spool' });
  });

  test('graceful stop: devices parked, spool drained to 0, SIGTERM leaves nothing behind', { timeout: 300_000 }, async () => {
    // Park the devices (same import, probeZone changed) so the agent stops probing and the figures settle.
    const exported = parseCsv(await (await api(server, '/api/v1/devices/export?format=csv')).text());
    const iTag = exported.header.findIndex((h) => h.trim() === 'assetTag');
    const iZone = exported.header.findIndex((h) => h.trim() === 'probeZone');
    const rows = exported.rows.filter((r) => r[iTag].startsWith('E2E-RES-')).map((r) => {
      const row = [...r];
      row[iZone] = PARKED_ZONE;
      return row;
    });
    assert.equal(rows.length, UP_DEVICES + DOWN_DEVICES);
    const form = new FormData();
    form.append('file', new Blob([toCsv(exported.header, rows, exported.bom)], { type: 'text/csv' }), 'park.csv');
    const res = await api(server, '/api/v1/devices/import', { method: 'POST', body: form });
    assert.equal(res.status, 200, await res.text());

    // SIGTERM: stop probing, seal what is buffered into the spool, exit.
    const term = await agent.kill('SIGTERM');
    figures.agentSigterms++;
    events.push({ what: 'agent-stop', at: Date.now() });
    const left = /Agent runtime stopped; (\d+) batches left in the spool/.exec(agent.log);
    assert.ok(left, `the agent logs its shutdown (exit ${JSON.stringify(term)})\n${agent.log.slice(-3000)}`);
    log(`agent stopped with SIGTERM, ${left[1]} batches left in its spool`);

    // Start it once more on the same spool: its assignment is empty now, it only sends what was left.
    await launchAgent();
    // xl_agent_targets is 0 from the start too: wait for the runtime to have fetched its (empty) assignment, else
    // the SIGTERM below lands in the warm-up, before anything was sent.
    await waitUntil(async () => {
      if (!/Assignment \S+: agent \d+ zone .*, 0 devices/.test(agent.log)) return false;
      const m = await agent.metrics();
      return m && m.xl_agent_targets === 0 && m.xl_agent_spool_depth === 0 && m.xl_agent_probes_in_flight === 0;
    }, { timeout: 180_000, ...WAIT, message: 'an empty assignment and an empty spool' });
    const m = await agent.metrics();
    assert.equal(m.xl_agent_spool_depth, 0, 'xl_agent_spool_depth 0');
    assert.equal(m.xl_agent_spool_full, 0, 'the spool never summarised');
    await agent.kill('SIGTERM');
    figures.agentSigterms++;
    const final = /Agent runtime stopped; (\d+) batches left in the spool/.exec(agent.log);
    assert.ok(final, `the last agent run logs its shutdown\n${agent.log.slice(-3000)}`);
    assert.equal(final[1], '0', 'no batch left in the spool at the end');
  });

  test('exactly once: batches 1..lastSeq applied once, results = Σ (resultCount − refusedCount), no (device, probedAt) twice', { timeout: 300_000 }, async () => {
    const row = await agentRow();
    const batches = [];
    for (let from = 1; ;) {
      const page = await apiJson(server, `/api/v1/agents/${agentId}/batches?fromSeq=${from}&limit=5000`);
      batches.push(...page);
      if (page.length < 5000) break;
      from = page[page.length - 1].seq + 1;
    }
    const applied = new Set(batches.map((b) => b.seq));
    const missing = [];
    for (let seq = 1; seq <= row.lastSeq; seq++) if (!applied.has(seq)) missing.push(seq);
    const outOfRange = batches.filter((b) => b.seq < 1 || b.seq > row.lastSeq).map((b) => b.seq);
    // Results refused one by one (issue 9: devices parked out of the agent's zone while their results were spooled)
    // are counted per batch; the others are stored.
    const refused = batches.reduce((n, b) => n + (b.refusedCount ?? 0), 0);
    const declared = batches.reduce((n, b) => n + b.resultCount, 0) - refused;
    const from = new Date(started - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    let stored = 0;
    let down = 0;
    const duplicates = [];
    const storedKeys = new Set();   // `${deviceId} ${probedAt ms}` of every stored probe
    const gapProblems = [];
    const downs = events.filter((e) => e.what === 'backend-kill').map((e) => e.at);
    const ups = events.filter((e) => e.what === 'backend-up').map((e) => e.at);
    const outages = downs.map((at, i) => ({ from: at, to: ups[i] ?? Infinity }));
    let duringOutage = 0;
    const kills = events.filter((e) => e.what === 'agent-kill' || e.what === 'agent-stop').map((e) => e.at);
    for (const id of deviceIds) {
      const probes = await apiJson(server, `/api/v1/devices/${id}/probes?from=${from}&to=${to}&limit=5000`);
      stored += probes.length;
      down += probes.filter((p) => p.status === 'DOWN').length;
      const times = probes.map((p) => Date.parse(p.at)).sort((a, b) => a - b);
      times.forEach((t) => storedKeys.add(`${id} ${t}`));
      assert.ok(times.every(Number.isFinite), `every probe has its time in 'at': ${JSON.stringify(probes[0])}`);
      times.forEach((t, i) => {
        if (i > 0 && t === times[i - 1]) duplicates.push({ device: id, probedAt: new Date(t).toISOString() });
        if (outages.some((o) => t >= o.from && t <= o.to)) duringOutage++;
        // Between two stored probes of a device there is at most one interval (plus slack for a loaded
        // machine), unless an agent process died in between: what it had not sealed is lost by design.
        if (i > 0 && t - times[i - 1] > (INTERVAL_S + 20) * 1000
            && !kills.some((k) => k >= times[i - 1] - 2000 && k <= t)) {
          gapProblems.push({ device: id, from: new Date(times[i - 1]).toISOString(), to: new Date(t).toISOString() });
        }
      });
    }
    figures.lastSeq = row.lastSeq;
    figures.batchesApplied = batches.length;
    figures.missingSeqs = missing;
    figures.resultsDeclared = declared;
    figures.resultsRefused = refused;
    figures.resultsStored = stored;
    figures.downResults = down;
    figures.resultsProbedWhileBackendDown = duringOutage;
    const acks = ackLog(await readFile(path.join(ackDir, 'acks.log'), 'utf8'));
    const appliedByKey = new Map(batches.map((b) => [`${b.epoch} ${b.seq}`, b]));
    const notApplied = [...acks.batches.keys()].filter((k) => !appliedByKey.has(k));
    const notAcked = [...appliedByKey.keys()].filter((k) => !acks.batches.has(k));
    const countMismatch = [...acks.batches].filter(([k, a]) => appliedByKey.get(k) && appliedByKey.get(k).resultCount !== a.results.length)
      .map(([k]) => k);
    const ackedNotStored = [];
    for (const a of acks.batches.values()) {
      if (a.rejected > 0) continue;    // the log cannot tell which results were refused
      // The agent's clock has microseconds, the database keeps milliseconds (H2 rounds): stored at t or t + 1 ms.
      for (const r of a.results) {
        if (!storedKeys.has(`${r.device} ${r.at}`) && !storedKeys.has(`${r.device} ${r.at + 1}`)) ackedNotStored.push(r);
      }
    }
    const failovers = (await readFile(agent.logFile, 'utf8')).split('switched to').length - 1;
    figures.ackedBatches = acks.batches.size;
    figures.ackedResults = [...acks.batches.values()].reduce((n, a) => n + a.results.length, 0);
    figures.ackLogRepeats = acks.repeats;
    figures.failoversInLastAgentLog = failovers;
    figures.ackedResultsNotStored = ackedNotStored.length;
    figures.testSeconds = Math.round((Date.now() - started) / 1000);
    log(`figures ${JSON.stringify(figures)}`);

    assert.deepEqual(missing, [], `every seq 1..${row.lastSeq} applied (a missing one was acknowledged to the agent and lost)`);
    assert.deepEqual(outOfRange, [], 'no applied seq beyond lastSeq');
    assert.equal(batches.length, row.lastSeq, `one applied batch per seq 1..${row.lastSeq}`);
    assert.equal(row.summarisedResults ?? 0, 0, 'no result was folded by a full spool');
    assert.deepEqual(duplicates.slice(0, 10), [], 'no (device, probedAt) stored twice');
    assert.equal(stored, declared, 'probe results stored = Σ (resultCount − refusedCount) of the applied batches');
    assert.ok(down > 0, 'the closed-port devices reported DOWN results');
    assert.ok(duringOutage >= UP_DEVICES, `results probed while the backend was down arrived (${duringOutage})`);
    assert.deepEqual(gapProblems.slice(0, 10), [], 'no unexplained hole in any device\'s probe series');
    assert.ok(figures.agentSigkills >= 2 && figures.backendSigkills >= 2);
    assert.equal(new Set(batches.map((b) => b.epoch)).size, 1, 'one spool, one epoch');
    assert.deepEqual(notApplied.slice(0, 10), [], 'every batch in the ack log was applied');
    assert.deepEqual(notAcked.slice(0, 10), [], 'every applied batch was acknowledged to the agent (its spool drained)');
    assert.deepEqual(countMismatch.slice(0, 10), [], 'the ack log lists each batch\'s results as applied');
    assert.deepEqual(ackedNotStored.slice(0, 10), [], 'every acknowledged result (of batches without refusals) is stored');
    assert.ok(failovers >= 1, 'the agent failed over from the dead first --server URL');
  });
});

/**
 * Parses the agent's --ack-log (docs/AGENT-PROTOCOL.md "Ack log"): per (epoch, seq) its results and refusals, each
 * batch once (a batch logged again — acknowledged as a duplicate after a kill — counts in repeats).
 */
function ackLog(text) {
  const batches = new Map();
  let repeats = 0;
  let current = null;
  for (const line of text.split('\n')) {
    const f = line.split(' ');
    if (f[0] === 'batch' && f.length === 7) {
      const key = `${f[1] === '-' ? 'legacy' : f[1]} ${f[2]}`;
      if (batches.has(key)) {
        repeats++;
        current = null;   // its results are listed already
      } else {
        current = { results: [], rejected: Number(f[5]) };
        batches.set(key, current);
      }
    } else if (f[0] === 'result' && f.length === 6 && current) {
      current.results.push({ device: Number(f[3]), method: f[4], at: Date.parse(f[5]) });
    }
  }
  return { batches, repeats };
}

/**
 * Posts one-result batches seq 1, 2, … for the agent of token (as the agent protocol does) and SIGKILLs the
 * backend synchronously the moment batch n is acknowledged, so the last acknowledged commit is at most a few
 * milliseconds old when the process dies. Answers the acknowledged seqs.
 */
async function postBatchesThenKill(server, token, deviceId, n) {
  const t0 = Date.now() - 3_600_000;
  const acked = [];
  for (let seq = 1; seq <= n; seq++) {
    const startedAt = new Date(t0 + seq * 1000).toISOString();
    const res = await fetch(`${server.baseUrl}/api/v1/agent/batches`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ seq, sentAt: startedAt, summarised: 0, results: [
        { deviceId, method: 'TCP', startedAt, latencyMs: 1, status: 'UP', reason: 'OK', detail: null, facts: {} }] }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await res.json();
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.duplicate, false);
    acked.push(seq);
    if (seq === n) server.killNow();   // synchronously, before anything else runs
  }
  return acked;
}
