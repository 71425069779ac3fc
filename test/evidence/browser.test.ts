import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { writeEvidenceDirectory } from '../../lib/evidence/write';
import { ACCESS_REVIEW, GOLDEN_PATHS, packOf } from './evidence-fixture';
import { inkRatio } from './png';

/**
 * The evidence pack as a person sees it: Debian's `chromium` (installed by .ci/run), driven by
 * playwright-core. One browser for the whole file. Skipped, with a note, only where no Chromium
 * is installed.
 */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}

const executablePath = findChromium();
if (!executablePath) {
  console.warn('NOTE: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH): the evidence pack\'s browser tests are SKIPPED.');
}
const describeInBrowser = executablePath ? describe : describe.skip;

/** axe-core's serious and critical violations of the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  // A string: the test is compiled without the DOM library; the browser evaluates it.
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as axe.AxeResults;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describeInBrowser('the evidence pack in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-evidence-browser-')), 'pack');

  beforeAll(async () => {
    writeEvidenceDirectory(packOf(GOLDEN_PATHS, { accessReview: ACCESS_REVIEW }), dir);
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Nothing may be fetched: the pack opens offline.
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  test('the first screen is not blank and shows the verdict', async () => {
    const screenshot = await page.screenshot();
    expect(inkRatio(screenshot)).toBeGreaterThan(0.02);
    const verdict = page.locator('.verdict');
    await expect(verdict.isVisible()).resolves.toBe(true);
    expect(await verdict.innerText()).toMatch(/^Fails — \d+ unacknowledged errors/);
    const box = await verdict.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(900);
  });

  test('a failing resource\'s logical ID is visible, with its template and line', async () => {
    const row = page.locator('#clause-3\\.4 tbody tr', { hasText: 'DPP-3.4-RdsStorageEncrypted' }).first();
    await row.scrollIntoViewIfNeeded();
    await expect(row.locator('code', { hasText: /^Orders$/ }).isVisible()).resolves.toBe(true);
    expect(await row.innerText()).toContain('test/fixtures/templates/unencrypted-database.yaml');
  });

  test('keyboard: the first Tab reaches the skip link, which leads to the report', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to the report');
    expect(await page.locator('main#main').count()).toBe(1);
  });

  test('prints to PDF', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  test('axe-core: no serious or critical accessibility violation on the index and the coverage page', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    const coverage = await browser.newPage();
    try {
      await coverage.goto(pathToFileURL(path.join(dir, 'clause-coverage', 'coverage.html')).href);
      expect(await seriousViolations(coverage)).toEqual([]);
    } finally {
      await coverage.close();
    }
  });

  test('the accessibility check is not vacuous: it catches a low-contrast, unlabelled page', async () => {
    const bad = await browser.newPage();
    try {
      await bad.setContent('<!DOCTYPE html><html><head><title>bad</title></head><body><p style="color:#ddd;background:#fff">faint</p><input type="text"></body></html>');
      expect((await seriousViolations(bad)).join('\n')).toMatch(/color-contrast|label/);
    } finally {
      await bad.close();
    }
  });

  test('every link of the index leads to a file of the pack or an anchor on the page', async () => {
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) {
      if (href.startsWith('#')) expect(await page.locator(`[id="${href.slice(1)}"]`).count()).toBe(1);
      else expect(fs.existsSync(path.join(dir, href))).toBe(true);
    }
  });
});
