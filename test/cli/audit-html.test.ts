// The HTML audit report in a real browser: charts drawn, table sortable by clicking, no errors,
// no network. Needs Debian's chromium; on CI its absence is a failure, locally a skip.
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, INVALID_MANIFEST, organisation, type Organisation } from '../audit/organisation.ts';
import { runAudit } from './run-audit.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

let org: Organisation;
let browser: Browser | undefined;

beforeAll(async () => {
  org = organisation();
  org.repo('payments', example('bank-hybrid'));
  org.repo('support', example('violations/waivers'));
  org.repo('leaky', example('violations/data'));
  org.repo('clinic', example('hospital-on-prem'));
  org.repo('docs', example('startup-cloud-api'));
  org.repo('broken', INVALID_MANIFEST);
  org.repo('bare');
  if (available) browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60000);
afterAll(async () => {
  await browser?.close();
  org.cleanup();
});

describe.skipIf(!available && !process.env.CI)('the html audit report in a browser', () => {
  it('renders its charts and table, sorts on a click, and logs no errors', async () => {
    if (!browser) throw new Error(`chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
    const r = runAudit(['.', '--now', '2026-11-27', '--expect-manifest', '--format', 'html=report.html'], org.dir);
    expect(r.code).toBe(1);

    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(join(org.dir, 'report.html')).href;
    await page.goto(url);

    for (const chart of ['chart-rules', 'chart-strategies', 'chart-statuses']) {
      const bars = page.locator(`#${chart} svg rect.bar`);
      expect(await bars.count(), chart).toBeGreaterThan(0);
      const box = await bars.first().boundingBox();
      expect(box && box.width > 0 && box.height > 0, `${chart} draws visible bars`).toBe(true);
    }
    const statuses = await page.locator('#chart-statuses rect.bar').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-label')));
    expect(statuses).toEqual(['pass', 'fail', 'invalid', 'missing']);

    const column = (index: number) => page.locator('#repositories tbody tr').evaluateAll((rows, i) => rows.map((row) => row.children[i]!.textContent), index);
    expect(await column(0)).toEqual(['bare', 'broken', 'clinic', 'docs', 'leaky', 'payments', 'support']);

    const errorsHeader = page.locator('#repositories thead th', { hasText: 'Errors' });
    await errorsHeader.locator('button').click();
    const ascending = (await column(4)).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await errorsHeader.getAttribute('aria-sort')).toBe('ascending');
    await errorsHeader.locator('button').click();
    const descending = (await column(4)).map(Number);
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(descending[0]).toBeGreaterThan(0);
    await page.locator('#repositories thead th', { hasText: 'Repository' }).locator('button').click();
    expect(await column(0)).toEqual(['bare', 'broken', 'clinic', 'docs', 'leaky', 'payments', 'support']);

    const shots = mkdtempSync(join(tmpdir(), 'rw-audit-shot-'));
    const shot = join(shots, 'audit-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(1000);

    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  }, 60000);
});
