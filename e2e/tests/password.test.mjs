// The 修改密码 dialog (docs/SECURITY.md "Login policy"). The server starts with an XL_ADMIN_PASSWORD that
// breaks the password policy (it contains "admin"), so the first login finds the password expired: the
// dialog is forced, the API refuses everything else, wrong and weak inputs show as field errors, and a
// good new password lets the user in. Then the user menu opens the same dialog, now closable.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { api, basicAuth, byTestId, fillByTestId, screenshot, serverAndBrowser, waitUntil } from '../lib/helpers.mjs';
import { ADMIN_USER } from '../lib/server.mjs';

const WEAK_ADMIN_PASSWORD = 'E2e-Admin-Passw0rd';
const NEW_PASSWORD = 'Fresh-Chief-Passw0rd-7';

describe('password change dialog (zh-CN, admin with a policy-breaking first password)', () => {
  const ctx = serverAndBrowser({ name: 'password', env: { XL_ADMIN_PASSWORD: WEAK_ADMIN_PASSWORD } }, { prefix: 'password' });

  const fieldError = (id) => ctx.page.locator(`.el-form-item:has([data-testid="${id}"]) .el-form-item__error`).first();

  ctx.step('forced', 'the first login opens the forced dialog and the API answers PASSWORD_EXPIRED', async () => {
    const { page, server } = ctx;
    const refused = await api(server, '/api/v1/devices?size=1', { auth: basicAuth(ADMIN_USER, WEAK_ADMIN_PASSWORD) });
    assert.equal(refused.status, 403);
    assert.equal((await refused.json()).code, 'PASSWORD_EXPIRED');

    await page.goto(server.baseUrl + '/');
    await fillByTestId(page, 'login-username', ADMIN_USER);
    await fillByTestId(page, 'login-password', WEAK_ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'password-expired').waitFor({ state: 'visible' });
    assert.equal(await page.locator('.el-dialog__headerbtn').count(), 0, 'the forced dialog has no close button');
    await page.keyboard.press('Escape');
    await byTestId(page, 'password-expired').waitFor({ state: 'visible' });
    await screenshot(page, 'password-forced');
  });

  ctx.step('refusals', 'a wrong current password and a weak new one show field errors', async () => {
    const { page } = ctx;
    await fillByTestId(page, 'password-current', 'Not-The-Current-1');
    await fillByTestId(page, 'password-new', NEW_PASSWORD);
    await fillByTestId(page, 'password-confirm', NEW_PASSWORD);
    await byTestId(page, 'password-submit').click();
    await waitUntil(async () => ((await fieldError('password-current').textContent().catch(() => '')) || '').length > 0,
      { message: 'field error on the current password' });

    await fillByTestId(page, 'password-current', WEAK_ADMIN_PASSWORD);
    await fillByTestId(page, 'password-new', 'alllowercase');
    await fillByTestId(page, 'password-confirm', 'alllowercase');
    await byTestId(page, 'password-submit').click();
    await waitUntil(async () => ((await fieldError('password-new').textContent().catch(() => '')) || '').length > 0,
      { message: 'field error on the new password' });
    await screenshot(page, 'password-weak');
  });

  ctx.step('changed', 'a good new password closes the dialog and the ledger loads', async () => {
    const { page, server } = ctx;
    await fillByTestId(page, 'password-current', WEAK_ADMIN_PASSWORD);
    await fillByTestId(page, 'password-new', NEW_PASSWORD);
    await fillByTestId(page, 'password-confirm', NEW_PASSWORD);
    await byTestId(page, 'password-submit').click();
    await byTestId(page, 'password-expired').waitFor({ state: 'hidden' });
    await byTestId(page, 'project-select').waitFor({ state: 'visible' });
    const ok = await api(server, '/api/v1/devices?size=1', { auth: basicAuth(ADMIN_USER, NEW_PASSWORD) });
    assert.equal(ok.status, 200);
  });

  ctx.step('menu', 'the user menu opens the dialog, which can be cancelled', async () => {
    const { page } = ctx;
    await byTestId(page, 'user-menu-trigger').click();
    await byTestId(page, 'menu-change-password').click();
    await byTestId(page, 'password-cancel').waitFor({ state: 'visible' });
    assert.equal(await byTestId(page, 'password-expired').count(), 0, 'not the forced variant');
    await screenshot(page, 'password-dialog');
    await byTestId(page, 'password-cancel').click();
    await byTestId(page, 'password-cancel').waitFor({ state: 'hidden' });

    // The same dialog in English, with the policy's field error in the caller's language.
    await byTestId(page, 'lang-switch').click();
    await byTestId(page, 'user-menu-trigger').click();
    await byTestId(page, 'menu-change-password').click();
    await fillByTestId(page, 'password-current', NEW_PASSWORD);
    await fillByTestId(page, 'password-new', 'Admin-Passw0rd-2');
    await fillByTestId(page, 'password-confirm', 'Admin-Passw0rd-2');
    await byTestId(page, 'password-submit').click();
    await waitUntil(async () => /user name/.test((await fieldError('password-new').textContent().catch(() => '')) || ''),
      { message: 'English field error on the new password' });
    await screenshot(page, 'password-dialog-en');
  });
});
