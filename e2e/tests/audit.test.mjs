// The audit page (issue 9, docs/SECURITY.md "Audit log"): the backend signs checkpoints of the audit
// chain on its own (here every 2 s), the page's verify shows the chain intact with the last checkpoint
// and the key that signed it, and the downloaded checkpoint file checks out with nothing but the
// public key in it (node's Ed25519, as any outside verifier would). Screenshots in e2e/screenshots/.
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { apiJson, byTestId, fillByTestId, launchBrowser, screenshot, waitUntil } from '../lib/helpers.mjs';
import { ADMIN_PASSWORD, ADMIN_USER, startServer } from '../lib/server.mjs';

describe('audit page: verify with signed checkpoints', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startServer({
      name: 'audit',
      env: { XL_AUDIT_CHECKPOINT_INTERVAL: 'PT1S' },
      args: ['--xl.audit.checkpoint.check-ms=2000'],
    });
    browser = await launchBrowser();
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('verify shows the last checkpoint and its key; the downloaded file verifies with its public key', { timeout: 120_000 }, async () => {
    try {
      const listing = await waitUntil(async () => {
        const body = await apiJson(server, '/api/v1/audit/checkpoints');
        return body.checkpoints.length > 0 ? body : null;
      }, { timeout: 60_000, interval: 500, message: 'a first signed checkpoint' });
      assert.equal(listing.algorithm, 'Ed25519');

      await page.goto(server.baseUrl + '/');
      await fillByTestId(page, 'login-username', ADMIN_USER);
      await fillByTestId(page, 'login-password', ADMIN_PASSWORD);
      await byTestId(page, 'login-submit').click();
      await byTestId(page, 'nav-audit').click();
      await byTestId(page, 'audit-verify').click();
      const result = byTestId(page, 'audit-verify-result');
      await result.waitFor({ state: 'visible' });
      assert.equal(await result.getAttribute('data-valid'), 'true');
      const last = byTestId(page, 'audit-checkpoint-last');
      await last.waitFor({ state: 'visible' });
      const status = await byTestId(page, 'audit-checkpoints').textContent();
      assert.ok(status.includes(listing.keyFingerprint.slice(0, 16)), `the signing key is named: ${status}`);
      await screenshot(page, 'audit-verify-checkpoints');

      // The same in English (words from en.json).
      await page.evaluate(() => localStorage.setItem('xl.locale', 'en'));
      await page.reload();
      await byTestId(page, 'audit-verify').click();
      await byTestId(page, 'audit-checkpoint-last').waitFor({ state: 'visible' });
      assert.match(await byTestId(page, 'audit-checkpoints').textContent(), /Last checkpoint #\d+ signed .*Signed by key/);
      await screenshot(page, 'audit-verify-checkpoints-en');

      const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'audit-checkpoints-download').click()]);
      assert.equal(download.suggestedFilename(), 'audit-checkpoints.txt');
      const text = await readFile(await download.path(), 'utf8');
      const pem = text.split('\n').filter((l) => l.startsWith('# ')).map((l) => l.slice(2))
        .filter((l, i, all) => i >= all.indexOf('-----BEGIN PUBLIC KEY-----') && all.indexOf('-----BEGIN PUBLIC KEY-----') >= 0
          && i <= all.indexOf('-----END PUBLIC KEY-----')).join('\n');
      const key = createPublicKey(pem);
      const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
      assert.ok(lines.length >= 1, 'at least one signed line');
      for (const line of lines) {
        const fields = line.split(' ');
        const signed = listing.signedTextPrefix + fields.slice(0, 5).join(' ');
        assert.ok(verify(null, Buffer.from(signed), key, Buffer.from(fields[5], 'base64')), `line verifies: ${line}`);
      }
    } catch (err) {
      if (page) await screenshot(page, 'failed-audit').catch(() => {});
      throw err;
    }
  });
});
