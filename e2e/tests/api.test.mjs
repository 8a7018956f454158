// API smoke test: the REST contract of docs/API.md over HTTP with Basic auth, against a freshly
// started jar with the reference dataset (稷山县雪亮工程一期, 94 devices).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, apiJson, buildGoodAndBadImport, itemsOf, parseCsv, toCsv } from '../lib/helpers.mjs';
import { startServer } from '../lib/server.mjs';

// The reference project 稷山县雪亮工程一期 (its full name is longer; match on county and programme).
const isJishan = (p) => /稷山/.test(`${p.county ?? ''}${p.name ?? ''}`) && /雪亮工程/.test(p.name ?? '');

describe('REST API smoke', { timeout: 300_000 }, () => {
  let server;
  before(async () => { server = await startServer({ name: 'api' }); });
  after(async () => { await server?.stop(); });

  test('GET /api/v1/projects lists the Jishan reference project', async () => {
    const projects = itemsOf(await apiJson(server, '/api/v1/projects'));
    assert.ok(Array.isArray(projects), 'projects is a list');
    const jishan = projects.find(isJishan);
    assert.ok(jishan, `the Jishan Xueliang project in ${JSON.stringify(projects.map((p) => p.name))}`);
    assert.equal(typeof jishan.id, 'number');
  });

  test('unauthenticated GET /api/v1/devices is 401 as a problem detail', async () => {
    const res = await api(server, '/api/v1/devices', { auth: false });
    assert.equal(res.status, 401);
    assert.match(res.headers.get('content-type') || '', /application\/problem\+json/);
  });

  test('wrong Basic password is 401', async () => {
    const res = await api(server, '/api/v1/devices', { auth: 'Basic ' + Buffer.from('nobody:wrong-password').toString('base64') });
    assert.equal(res.status, 401);
  });

  test('GET /v3/api-docs serves the OpenAPI document', async () => {
    const res = await api(server, '/v3/api-docs', { auth: false });
    assert.equal(res.status, 200);
    const doc = await res.json();
    assert.ok(doc.openapi, 'has an openapi version');
    assert.ok(Object.keys(doc.paths || {}).some((p) => p.startsWith('/api/v1/devices')), 'documents /api/v1/devices');
  });

  test('the ledger holds 94 devices, 40 of them face cameras', async () => {
    const all = await apiJson(server, '/api/v1/devices?size=1');
    assert.equal(all.total, 94);
    const face = await apiJson(server, '/api/v1/devices?category=FACE_CAMERA&size=500');
    assert.equal(face.total, 40);
    assert.ok(face.items.every((d) => d.category === 'FACE_CAMERA'));
    const one = face.items[0];
    const byTag = await apiJson(server, `/api/v1/devices?q=${encodeURIComponent(one.assetTag)}`);
    assert.equal(byTag.total, 1, `q=${one.assetTag} finds exactly one device`);
  });

  test('an import with one bad row is rejected whole (422, row and column named)', async () => {
    const exportRes = await api(server, '/api/v1/devices/export?format=csv');
    assert.equal(exportRes.status, 200);
    const exported = parseCsv(await exportRes.text());
    assert.equal(exported.rows.length, 94, 'export has one row per device');
    const imp = buildGoodAndBadImport(exported, `API${Date.now()}`);

    const form = new FormData();
    form.append('file', new Blob([toCsv(exported.header, imp.rows, exported.bom)], { type: 'text/csv' }), 'bad.csv');
    const res = await api(server, '/api/v1/devices/import', { method: 'POST', body: form });
    assert.equal(res.status, 422);
    const problem = await res.json();
    assert.ok(Array.isArray(problem.errors) && problem.errors.length >= 1, 'lists errors');
    const err = problem.errors.find((e) => e.column === imp.badColumn);
    assert.ok(err, `an error for column ${imp.badColumn}: ${JSON.stringify(problem.errors)}`);
    // The bad row is the 2nd data row: line 3 of the file counting the header, or data row 2.
    assert.ok([2, 3].includes(err.row), `row number of the bad row: ${err.row}`);
    assert.ok(!problem.errors.some((e) => e.row === err.row - 1), 'the good row has no error');

    assert.equal((await apiJson(server, '/api/v1/devices?size=1')).total, 94, 'nothing was imported');
    assert.equal((await apiJson(server, `/api/v1/devices?q=${imp.goodTag}`)).total, 0, 'good row not created');
  });
});
