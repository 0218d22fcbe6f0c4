/**
 * Drives the chat page in headless Chromium against the real app and the real services over the
 * bundled report (the error and token cases use fakes):
 * ask, stream, open the cited section, pin, export the briefing, save a screenshot.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createFakeServices } from '../server/fake-services.js';
import { startTestServer, type TestServer } from './serve.js';
import { createServices } from '../../server/services.js';
import { openTestKnowledgeBase } from '../answer/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SECTION_PATH = '一、《纲要》目标指标完成情况 › （一）总体目标要求落实情况';
const SCREENSHOT = 'test-output/chat.png';

if (!HAS_CHROMIUM) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

describe.skipIf(!HAS_CHROMIUM)('chat page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const { kb, config } = await openTestKnowledgeBase();
    server = await startTestServer(createServices(kb, config, { log: () => {} }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
    page = await context.newPage();
    // CSP violations and script errors show up here; the page must have none.
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('streams an answer, opens its source, pins it and exports the briefing', async () => {
    await page.goto(server.url);
    await page.locator('.suggestion').first().waitFor();

    await page.locator('#question').fill('What is the R&D spending ratio?');
    await page.locator('#question').press('Enter');

    const answer = page.locator('.msg-assistant .answer').last();
    await answer.filter({ hasText: '3.39%' }).waitFor();
    const chip = answer.locator('.cite-chip').first();
    await chip.waitFor();
    await page.locator('.msg-assistant .pin-btn').waitFor();
    expect(await answer.locator('strong').first().textContent()).toContain('3.39%');
    // The supporting quote is a quote, its source line beneath it, not "> " text.
    expect(await answer.locator('blockquote p').first().textContent()).toContain('3.39%');
    expect(await answer.locator('blockquote .quote-source').first().textContent()).toContain('（一）总体目标要求落实情况');
    expect(await answer.textContent()).not.toContain('> ');

    await chip.click();
    const mark = page.locator('#source-panel mark');
    await mark.waitFor();
    expect(await mark.textContent()).toContain('3.39%');
    expect(await page.locator('#source-panel .panel-crumbs').textContent()).toContain('（一）总体目标要求落实情况');
    const markBox = await mark.boundingBox();
    const panelBox = await page.locator('#panel-body').boundingBox();
    expect(markBox && panelBox && markBox.y >= panelBox.y && markBox.y + markBox.height <= panelBox.y + panelBox.height).toBe(true);

    await page.locator('.msg-assistant .pin-btn').click();
    expect(await page.locator('#pad-badge').textContent()).toBe('1');

    await mkdir('test-output', { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    await page.locator('#tab-pad').click();
    await page.locator('.pad-item').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#pad-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = await readFile((await download.path()) as string, 'utf8');
    expect(markdown).toContain('3.39%');
    expect(markdown).toContain(SECTION_PATH);
    expect(markdown).toContain('研究与试验发展经费支出占地区生产总值比重调整至 3.39%');

    expect(problems).toEqual([]);
  });

  it('keeps the conversation and the pad across a reload, and New chat clears only the conversation', async () => {
    await page.reload();
    await page.locator('.msg-assistant .answer').filter({ hasText: '3.39%' }).waitFor();
    expect(await page.locator('#pad-badge').textContent()).toBe('1');
    await page.locator('#new-chat').click();
    await page.locator('.suggestion').first().waitFor();
    expect(await page.locator('.msg-assistant').count()).toBe(0);
    expect(await page.locator('#pad-badge').textContent()).toBe('1');
  });

  it('shows an abstention with the closest passages', async () => {
    await page.locator('#question').fill('江北区人均公园绿地面积是多少？');
    await page.locator('#question').press('Enter');
    await page.locator('.msg-assistant .abstain').waitFor();
    await page.locator('.msg-assistant .passage-list li').first().waitFor();
  });

  it('browses the outline and filters figures as you type', async () => {
    await page.locator('#tab-browse').click();
    await page.locator('.outline-link').first().waitFor();
    await page.locator('#figure-filter').fill('亿元');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('#figure-rows tr')];
      return rows.length > 0 && rows.every((r) => r.textContent?.includes('亿元'));
    });
    await page.locator('#figure-rows .link').first().click();
    await page.locator('#source-panel mark').waitFor();
    await page.screenshot({ path: 'test-output/browse.png' });
  });

  it('shows the server error in plain words', async () => {
    // The server logs the unexpected error to stderr; keep the test output clean.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const failing = await startTestServer(
      createFakeServices({
        ask: async () => {
          throw new Error('boom');
        },
      }),
    );
    try {
      const errorPage = await page.context().newPage();
      await errorPage.goto(failing.url);
      await errorPage.locator('#question').fill('What is the R&D spending ratio?');
      await errorPage.locator('#question').press('Enter');
      const alert = errorPage.locator('.msg-error');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('INTERNAL');
      await errorPage.close();
    } finally {
      await failing.close();
      stderr.mockRestore();
    }
  });

  it('marks an LLM-worded answer "numbers checked", and only that one', async () => {
    const base = createFakeServices();
    const worded = await startTestServer(
      createFakeServices({
        askStream: async function* (request) {
          for await (const event of base.askStream(request)) {
            yield event.type === 'done' ? { type: 'done', answer: { ...event.answer, generation: 'llm', removed: 1 } } : event;
          }
        },
      }),
    );
    const wordedPage = await page.context().newPage();
    try {
      await wordedPage.goto(worded.url);
      await wordedPage.locator('#question').fill('What is the R&D spending ratio?');
      await wordedPage.locator('#question').press('Enter');
      const mark = wordedPage.locator('.msg-assistant .numbers-checked');
      await mark.waitFor();
      expect(await mark.getAttribute('title')).toMatch(/checked.*1 sentence/);
    } finally {
      await wordedPage.close();
      await worded.close();
    }
    // The extractive answers of the main page carry no such mark.
    expect(await page.locator('.msg-assistant .numbers-checked').count()).toBe(0);
  });

  it('asks for the access token when the server needs one, then answers', async () => {
    const secured = await startTestServer(createFakeServices(), { apiToken: 'browser-token-123' });
    const securedPage = await page.context().newPage();
    try {
      await securedPage.goto(secured.url);
      await securedPage.locator('#token-dialog').waitFor({ state: 'visible' });
      await securedPage.locator('#token-input').fill('browser-token-123');
      await securedPage.locator('#token-dialog button[value="save"]').click();
      await securedPage.locator('.outline-link').first().waitFor({ state: 'attached' });
      await securedPage.locator('#question').fill('What is the R&D spending ratio?');
      await securedPage.locator('#question').press('Enter');
      await securedPage.locator('.msg-assistant .answer').filter({ hasText: '3.39%' }).waitFor();
    } finally {
      await securedPage.close();
      await secured.close();
    }
  });

  it('switches the interface language', async () => {
    await page.locator('#lang-toggle').click();
    expect(await page.locator('#tab-chat').textContent()).toBe('问答');
    await page.locator('#lang-toggle').click();
    expect(await page.locator('#tab-chat').textContent()).toBe('Chat');
    expect(problems).toEqual([]);
  });
});
