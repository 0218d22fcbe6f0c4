/**
 * The Briefing pad's "Download .docx" in headless Chromium over the fake services: pin an answer,
 * download the Word file the server makes, read it back; and a failing server's error in the pad.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bookTitle } from '../../server/answer/attribute-answer.js';
import { createFakeServices, DOC_TITLE, RND_QUOTE } from '../server/fake-services.js';
import { startTestServer, type TestServer } from './serve.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const QUESTION = 'What is the R&D spending ratio?';
const TOKEN = 'pad-docx-token-123';

if (!HAS_CHROMIUM) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

/** Asks the R&D question, pins the answer and opens the pad; returns the pinned answer's bold figure. */
async function pinAnswer(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.locator('#question').fill(QUESTION);
  await page.locator('#question').press('Enter');
  const answer = page.locator('.msg-assistant .answer').last();
  await answer.locator('strong').first().waitFor();
  const figure = (await answer.locator('strong').first().textContent()) ?? '';
  await page.locator('.msg-assistant .pin-btn').click();
  await page.locator('#tab-pad').click();
  await page.locator('.pad-item').first().waitFor();
  return figure;
}

describe.skipIf(!HAS_CHROMIUM)('Briefing pad: Download .docx', () => {
  let browser: Browser;
  let context: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'] });
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US', acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('downloads the pinned answer as a Word file holding its figure, quote and report, with the saved token', async () => {
    const server: TestServer = await startTestServer(createFakeServices(), { apiToken: TOKEN });
    const page = await context.newPage();
    // As the token dialog saves it (web/lib/store.js): without it every /api call is refused.
    await page.addInitScript((token) => localStorage.setItem('policy-assistant.token', JSON.stringify(token)), TOKEN);
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      const figure = await pinAnswer(page, server.url);
      expect(figure).toMatch(/\d/);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.locator('#pad-docx').click()]);
      expect(download.suggestedFilename()).toMatch(/^briefing-\d{4}-\d{2}-\d{2}\.docx$/);
      const bytes = await readFile((await download.path()) as string);
      const zip = await JSZip.loadAsync(bytes);
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain(`>${figure}</w:t>`);
      expect(xml).toContain(RND_QUOTE);
      expect(xml).toContain(bookTitle(DOC_TITLE));
      expect(await page.locator('#pad-status').textContent()).toBe('Word file downloaded');
      expect(await page.locator('#pad-docx').isDisabled()).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('shows the server error in the pad when the file cannot be made', async () => {
    // The server logs the unexpected error to stderr; keep the test output clean.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const failing = await startTestServer(
      createFakeServices({
        section: () => {
          throw new Error('boom');
        },
      }),
    );
    const page = await context.newPage();
    try {
      await pinAnswer(page, failing.url);
      const status = page.locator('#pad-status');
      // Announcements are for screen readers only; an error shows on the page.
      expect(await status.evaluate((el) => el.classList.contains('visually-hidden'))).toBe(true);
      await page.locator('#pad-docx').click();
      await status.filter({ hasText: 'INTERNAL' }).waitFor();
      expect(await status.textContent()).toMatch(/^Could not make the Word file \(INTERNAL: internal error\)$/);
      expect(await status.evaluate((el) => el.classList.contains('visually-hidden'))).toBe(false);
      expect((await status.boundingBox())?.height ?? 0).toBeGreaterThan(10);
      expect(await page.locator('#pad-docx').isDisabled()).toBe(false);
    } finally {
      await page.close();
      await failing.close();
      stderr.mockRestore();
    }
  });
});
