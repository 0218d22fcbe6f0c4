/**
 * The library through the page in headless Chromium, against the real services on a scratch
 * corpus: add a report with the file picker (progress, then "in the library"), ask it by name
 * and see which report answered, narrow the reports asked, remove it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadIngestConfig } from '../../ingest/config.js';
import { openKnowledgeBase } from '../../server/open-knowledge-base.js';
import { createServices, type LiveServices } from '../../server/services.js';
import { copyCorpus, ROOT, type ScratchCorpus } from '../fixtures/scratch-corpus.js';
import { startTestServer, type TestServer } from './serve.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
const HAISHU = path.join(ROOT, 'test/fixtures/reports/haishu-annual-review.txt');

if (!HAS_CHROMIUM) console.warn(`library browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

describe.skipIf(!HAS_CHROMIUM)('the library in Chromium', () => {
  let scratch: ScratchCorpus;
  let services: LiveServices;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    scratch = copyCorpus('library-page-');
    const config = loadIngestConfig({ CORPUS_DIR: scratch.corpusDir, DATA_DIR: scratch.dataDir, EMBEDDER: 'builtin' });
    services = createServices(await openKnowledgeBase(config), config, { log: () => {} });
    server = await startTestServer(services);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })).newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await services?.close();
    scratch?.remove();
  });

  it('adds a report from the file picker, answers from it by name, narrows the reports asked, and removes it', async () => {
    await page.goto(server.url);
    await page.locator('#tab-browse').click();
    await page.locator('#upload-input').setInputFiles({ name: 'haishu-review.txt', mimeType: 'text/plain', buffer: fs.readFileSync(HAISHU) });
    await page.locator('#upload-status', { hasText: 'is in the library' }).waitFor({ timeout: 60_000 });
    await page.locator('.doc-title', { hasText: '海曙' }).waitFor();
    expect(await page.locator('.doc-outline').count()).toBe(2);

    await page.locator('#tab-chat').click();
    expect(await page.locator('#scope-summary').textContent()).toContain('all 2 reports');
    await page.locator('#question').fill('海曙区全年地区生产总值是多少？');
    await page.locator('#question').press('Enter');
    const answer = page.locator('.msg-assistant').last();
    await answer.locator('.answer', { hasText: '1528.6' }).waitFor();
    expect(await answer.locator('.answer-scope').textContent()).toContain('海曙');

    // Only the Jiangbei review asked: the district's own figures, not Haishu's.
    await page.locator('#scope summary').click();
    await page.locator('#scope-picker input[data-doc="haishu-review"]').uncheck();
    expect(await page.locator('#scope-summary').textContent()).toContain('1 of 2');
    await page.locator('#question').fill('What is the R&D spending ratio?');
    await page.locator('#question').press('Enter');
    const scoped = page.locator('.msg-assistant').last();
    await scoped.locator('.answer', { hasText: '3.39%' }).waitFor();
    expect(await scoped.locator('.answer-scope').textContent()).toContain('江北区');

    await page.locator('#tab-browse').click();
    await page.locator('[data-remove="haishu-review"]').click();
    await page.locator('#upload-status', { hasText: 'has left the library' }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('.doc-outline').length === 1);
    expect(services.current().index.docs.map((d) => d.id)).toEqual(['jiangbei-14th-fyp-midterm-review']);
    expect(problems).toEqual([]);
  }, 120_000);

  it('says why a file cannot join the library', async () => {
    await page.locator('#tab-browse').click();
    await page.locator('#upload-input').setInputFiles({ name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog') });
    await page.locator('#upload-status[data-state="error"]', { hasText: 'broken.pdf was not added' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.doc-outline').count()).toBe(1);
  }, 120_000);
});
