import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandBus } from '@nestjs/cqrs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ImportBriefCommand } from '@briefwatch/brief';
import { startFeedServer, waitFor, type FeedServer } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';
import { postJson } from './api-requests.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const spri = readFileSync(path.resolve(here, '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt'));
const BRIEF = 'spri-ai-brief-2020-06';
const ARTIFACTS = path.resolve(here, '..', '..', '..', 'test-artifacts');
/** Debian's Chromium, which `npm test` installs when it is missing (see PLATFORM notes in the README). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOSTILE_TITLE = 'Amazon extends Rekognition ban for police <script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';

const items = [
  { guid: 'boston', day: 10, title: 'Portland votes to bar city agencies from facial recognition', description: 'Council members cited misidentifications and privacy before the unanimous vote.' },
  { guid: 'amazon', day: 11, title: HOSTILE_TITLE, description: 'Amazon said its one-year moratorium on police use of Rekognition facial recognition continues, citing racial bias concerns.' },
];
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const rss = () =>
  `<rss version="2.0"><channel><title>Facial recognition desk</title>${items
    // Titles arrive entity-encoded twice, as from feeds that escape HTML in titles: the text itself says <script>.
    .map((i) => `<item><title>${escapeXml(escapeXml(i.title))}</title><link>https://news.example.org/${i.guid}</link><guid>${i.guid}</guid><pubDate>${new Date(Date.UTC(2020, 5, i.day, 10)).toUTCString()}</pubDate><description>${escapeXml(i.description)}</description></item>`)
    .join('')}</channel></rss>`;

describe('the dashboard, in a real headless Chromium', () => {
  let server: FeedServer;
  let system: RunningSystem;
  let browser: Browser;
  let page: Page;
  let claimId: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium), as npm test does, or set CHROMIUM_PATH`);
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startFeedServer({ '/news.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss()) });
    system = await startSystem({ ingestor: true, linker: true, env: { FETCH_ALLOW: server.hostPort, INGEST_TICK_MS: '50', POLL_INTERVAL_INITIAL_S: '1', POLL_INTERVAL_FLOOR_S: '1', POLL_INTERVAL_CEILING_S: '1' } });
    await system.api.get(CommandBus).execute(new ImportBriefCommand({ briefId: BRIEF, fileName: null, bytes: spri, overrides: null }, 'e2e-dashboard'));
    await waitFor(() => system.db.prisma.brief.count(), (n) => n === 1, { description: 'the brief projected' });
    expect((await postJson(system, '/sources', { feedUrl: server.url('/news.xml') })).status).toBe(202);
    // The claim both stories were linked to: the one the test opens.
    const links = await waitFor(
      () => system.db.prisma.coverageLink.findMany({ where: { briefId: BRIEF, claimKey: { not: '' }, retractedAt: null } }),
      (rows) => {
        const byClaim = new Map<string, number>();
        for (const row of rows) byClaim.set(row.claimKey, (byClaim.get(row.claimKey) ?? 0) + 1);
        return [...byClaim.values()].some((n) => n === 2);
      },
      { description: 'both stories linked to one claim', timeoutMs: 45_000 },
    );
    const counts = new Map<string, number>();
    for (const link of links) counts.set(link.claimKey, (counts.get(link.claimKey) ?? 0) + 1);
    claimId = [...counts].find(([, n]) => n === 2)![0];
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  // A script error in the page fails the test that caused it.
  const pageErrors: string[] = [];
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await server?.stop();
  });

  it("opens a claim and shows its developments on the timeline, with the matched passages highlighted", async () => {
    await page.goto(`${system.baseUrl}/`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('#brief-title')).toContain('AI');
    const row = page.locator(`li[data-claim="${claimId}"]`);
    await row.locator('a').click();
    await page.waitForSelector('#developments article');
    expect(await page.locator('#developments article').count()).toBe(2);
    expect(await page.locator('svg.timeline circle').count()).toBe(2);
    expect(await page.locator('#developments mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-claim.png'), fullPage: true });
  });

  it('shows a feed title containing <script> as text, and runs nothing from it', async () => {
    const titles = await page.locator('#developments h3').allTextContents();
    expect(titles).toContain(HOSTILE_TITLE);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('#developments script, #developments img').count()).toBe(0);
    const policy = (await fetch(`${system.baseUrl}/`)).headers.get('content-security-policy');
    expect(policy).toMatch(/script-src 'self'/);
  });

  it('shows the coverage matrix and a source timeline', async () => {
    await page.click('nav a[data-view="matrix"]');
    const cells = page.locator(`tr[data-claim="${claimId}"] td.cell`);
    await cells.first().waitFor();
    expect((await cells.allTextContents()).filter(Boolean)).toEqual(['2']);
    // Shaded by how often the source followed up the claim.
    expect(await cells.filter({ hasText: '2' }).evaluate((cell) => (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(cell).backgroundColor)).toMatch(/^rgba?\(47, 91, 234/);
    expect(await page.locator('tr.quiet').count()).toBeGreaterThan(0);

    await page.click('nav a[data-view="sources"]');
    await page.locator('tr[data-source] a').first().click();
    await page.waitForSelector('svg.polls');
    expect(await page.locator('svg.polls rect.new').count()).toBeGreaterThan(0);
  });

  it('updates a claim live when new coverage is linked', async () => {
    await page.goto(`${system.baseUrl}/#/claim/${claimId}`);
    await page.waitForSelector('#live.on');
    items.push({ guid: 'microsoft', day: 12, title: 'Microsoft bars police from its facial recognition service', description: 'Microsoft will not sell facial recognition to police departments, citing racial bias and surveillance concerns, as Amazon extends its Rekognition moratorium.' });
    await page.waitForSelector('.toast', { timeout: 45_000 });
    expect(await page.locator('.toast').first().textContent()).toMatch(/^New coverage linked to t\d/);
    await page.locator('#developments article[data-article]').nth(2).waitFor({ timeout: 45_000 });
    expect(await page.locator('#developments h3').allTextContents()).toContain('Microsoft bars police from its facial recognition service');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${system.baseUrl}/#/claim/${claimId}`);
    await page.waitForSelector('#developments article');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-claim-phone.png') });
  });
});
