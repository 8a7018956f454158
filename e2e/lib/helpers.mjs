// Shared helpers for the e2e tests: REST calls with Basic auth, polling waits, the browser,
// data-testid lookups that tolerate Element Plus wrappers, screenshots and a small CSV codec.
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ADMIN_PASSWORD, ADMIN_USER, E2E_DIR, startServer } from './server.mjs';

export const SCREENSHOT_DIR = path.join(E2E_DIR, 'screenshots');
export const CHROMIUM = process.env.XL_CHROMIUM || '/usr/bin/chromium';
export const UI_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------- REST
export function basicAuth(user = ADMIN_USER, password = ADMIN_PASSWORD) {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

/** fetch against the server; auth defaults to admin Basic auth, auth:false sends none. */
export async function api(server, urlPath, { auth = true, headers = {}, ...init } = {}) {
  const h = { Accept: 'application/json, application/problem+json, */*', ...headers };
  if (auth) h.Authorization = typeof auth === 'string' ? auth : basicAuth();
  return fetch(server.baseUrl + urlPath, { ...init, headers: h, signal: AbortSignal.timeout(30_000) });
}

export async function apiJson(server, urlPath, init) {
  const res = await api(server, urlPath, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method || 'GET'} ${urlPath} → HTTP ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** Items of a list answer, whether it is a page {items,total} or a bare array. */
export function itemsOf(body) {
  return Array.isArray(body) ? body : body.items;
}

// ---------------------------------------------------------------- waiting
/**
 * Polls fn until it returns a truthy value (returned) or the timeout passes (throws with the
 * last value or error). Awaitility-style: no fixed sleeps, only a short poll interval.
 */
export async function waitUntil(fn, { timeout = UI_TIMEOUT_MS, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${detail})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until the locator's trimmed text satisfies pred (a string = exact match, or a RegExp). */
export async function waitForText(locator, expected, { timeout = UI_TIMEOUT_MS, message } = {}) {
  const ok = (t) => (expected instanceof RegExp ? expected.test(t) : t === expected);
  let text = '';
  try {
    await waitUntil(async () => {
      text = ((await locator.first().textContent({ timeout: 1000 })) || '').trim();
      return ok(text);
    }, { timeout });
  } catch {
    throw new Error(`${message || 'text'}: expected ${expected} but was '${text}' after ${timeout} ms`);
  }
  return text;
}

// ---------------------------------------------------------------- browser
export async function launchBrowser() {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'xl-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  // Block anything that is not loopback: tests only talk to 127.0.0.0/8.
  await context.route(/^(?!(?:https?|wss?):\/\/(?:127\.\d+\.\d+\.\d+|localhost)(?::\d+)?\/)(?:https?|wss?):/i,
    (route) => route.abort());
  const page = context.pages()[0] || (await context.newPage());
  const consoleErrors = [];
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  return {
    context,
    page,
    consoleErrors,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The element with data-testid=id (first match). */
export function byTestId(page, id) {
  return page.locator(`[data-testid="${id}"]`).first();
}

/** The native input behind a data-testid: the element itself, or the first input/textarea in it. */
export async function inputByTestId(page, id, type = 'input, textarea') {
  const el = byTestId(page, id);
  await el.waitFor({ state: 'attached' });
  const tag = await el.evaluate((n) => n.tagName);
  return ['INPUT', 'TEXTAREA'].includes(tag) ? el : el.locator(type).first();
}

export async function fillByTestId(page, id, value) {
  const input = await inputByTestId(page, id);
  await input.fill(value);
  return input;
}

/**
 * Opens an Element Plus select (or dropdown) by data-testid and picks the visible option whose
 * text contains optionText.
 */
export async function chooseOption(page, id, optionText) {
  await byTestId(page, id).click();
  const option = page
    .locator('.el-select-dropdown__item:visible, .el-dropdown-menu__item:visible, [role="option"]:visible, [role="menuitem"]:visible')
    .filter({ hasText: optionText })
    .first();
  await option.waitFor({ state: 'visible' });
  await option.click();
}

/** Number of body rows of the table (Element Plus ElTable or a plain <table>) at/inside data-testid. */
export async function tableRowCount(page, id) {
  return byTestId(page, id).evaluate((el) => {
    const elRows = el.querySelectorAll('tr.el-table__row');
    return elRows.length || el.querySelectorAll('tbody tr').length;
  });
}

/** Cell texts per body row of the table at/inside data-testid: [[cell, ...], ...]. */
export async function tableCells(page, id) {
  return byTestId(page, id).evaluate((el) => {
    let rows = [...el.querySelectorAll('tr.el-table__row')];
    if (!rows.length) rows = [...el.querySelectorAll('tbody tr')];
    return rows.map((tr) => [...tr.querySelectorAll('td, th')].map((td) => td.innerText.trim()));
  });
}

// ---------------------------------------------------------------- CSV (RFC 4180)
export function parseCsv(text) {
  const bom = text.startsWith('\uFEFF');
  if (bom) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return { bom, header: rows[0] || [], rows: rows.slice(1).filter((r) => r.some((f) => f !== '')) };
}

export function toCsv(header, rows, bom = false) {
  const esc = (v) => (/[",\r\n]/.test(v ?? '') ? `"${String(v).replace(/"/g, '""')}"` : String(v ?? ''));
  return (bom ? '\uFEFF' : '') + [header, ...rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

/**
 * From an export (header + rows) builds a two-row import: a good new device (copy of the first row
 * with a new asset tag and no serial/MAC/IP) and a bad one (unknown category) as the second data row.
 * category picks the row to copy (the first row of that category), default the first row.
 */
export function buildGoodAndBadImport(exported, suffix, category) {
  const { header, rows } = exported;
  const col = (name) => {
    const i = header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Error(`export header has no '${name}' column: ${header.join(',')}`);
    return i;
  };
  if (!rows.length) throw new Error('export has no rows');
  const iTag = col('assetTag');
  const iCat = col('category');
  const blank = ['serialNumber', 'macAddress', 'ipAddress', 'id']
    .map((n) => header.findIndex((h) => h.trim().toLowerCase() === n.toLowerCase()))
    .filter((i) => i >= 0);
  const template = (category && rows.find((r) => r[iCat] === category)) || rows[0];
  const good = [...template];
  const bad = [...template];
  const goodTag = `E2E-GOOD-${suffix}`;
  const badTag = `E2E-BAD-${suffix}`;
  good[iTag] = goodTag;
  bad[iTag] = badTag;
  bad[iCat] = 'NOT_A_CATEGORY';
  for (const i of blank) { good[i] = ''; bad[i] = ''; }
  return { rows: [good, bad], goodTag, badTag, badColumn: header[iCat].trim() };
}

// ---------------------------------------------------------------- a describe block's server and browser
/**
 * For a describe block: a server of its own (startServer(serverOptions)) and a browser, started in before()
 * and stopped in after(). ctx.step(name, title, fn, timeout) is a test that saves a screenshot
 * failed-<prefix>-<name>.png when it fails. ctx.server / ctx.page are set once before() ran.
 */
export function serverAndBrowser(serverOptions, { prefix, timeout = 180_000 } = {}) {
  const ctx = { server: null, browser: null, page: null };
  before(async () => {
    ctx.server = await startServer(serverOptions);
    ctx.browser = await launchBrowser();
    ctx.page = ctx.browser.page;
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  ctx.step = (name, title, fn, stepTimeout = timeout) => test(title, { timeout: stepTimeout }, async () => {
    try {
      await fn();
    } catch (err) {
      if (ctx.page) await screenshot(ctx.page, `failed-${prefix}-${name}`).catch(() => {});
      throw err;
    }
  });
  return ctx;
}
