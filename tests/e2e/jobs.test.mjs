// Background export jobs (issue 17 item 3) in a browser: the Sở's report
// page offers "Tạo tệp" for its listing (the threshold lowered through
// TRUONGSO_JOB_THRESHOLD so the demo province is "large"), the job's page
// follows the progress with JavaScript and shows the file to download; a
// browser without JavaScript gets there by the page's own refresh. Every
// wait is bounded. Screenshots (1280 and 390 px) go to
// build/e2e-screenshots/jobs-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.TRUONGSO_JOB_THRESHOLD = '20';
const { demoFixture, signIn, shot } = await import('./lib.mjs');

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

async function shots(page, name) {
	await shot(page, `jobs-${name}`);
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `jobs-${name}-phone`);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('a large listing: Tạo tệp, progress, download', async () => {
	const page = await signIn(browser, srv.base, 'cv.so');
	await page.goto(`${srv.base}/campaigns/1/units/31/report`);
	const form = page.locator('form.job-start').first();
	await form.waitFor();
	assert.equal(await page.locator('a[href$="/report/danh-sach.xlsx"]').count(), 0);
	await form.scrollIntoViewIfNeeded();
	await shots(page, 'report');
	await form.locator('select[name=file]').selectOption('danh-sach.pdf');
	await form.getByRole('button', { name: 'Tạo tệp' }).click();
	await page.waitForURL(/\/jobs\/\d+$/);
	// app.js follows the job and reloads the page once it has ended.
	await page.locator('#job-file').waitFor({ timeout: 120000 });
	assert.equal(await page.locator('#job-state').textContent(), 'Đã xong');
	const bar = page.locator('#job-bar');
	assert.equal(await bar.getAttribute('value'), await bar.getAttribute('max'));
	await shots(page, 'done');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('#job-file').click(),
	]);
	assert.equal(download.suggestedFilename(), 'danh-sach.pdf');
	await page.context().close();
});

test('without JavaScript the page refreshes itself until the file is there', async () => {
	const ctx = await browser.newContext({ locale: 'vi-VN',
		javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
	ctx.setDefaultTimeout(120000);
	const page = await ctx.newPage();
	await page.goto(`${srv.base}/login`);
	await page.fill('#login', 'cv.so');
	await page.fill('#password', 'truongso-demo');
	await page.click('button[type=submit]');
	await page.waitForURL(/\/campaigns/);
	await page.goto(`${srv.base}/campaigns/1/units/31/report`);
	await page.locator('form.job-start').nth(1).getByRole('button', { name: 'Tạo tệp' }).click();
	await page.waitForURL(/\/jobs\/\d+$/);
	await page.locator('#job-file').waitFor({ timeout: 120000 });
	await page.goto(`${srv.base}/jobs`);
	await page.locator('table.jobs').waitFor();
	assert.equal(await page.locator('table.jobs tbody tr').count(), 2);
	await shots(page, 'list');
	await ctx.close();
});
