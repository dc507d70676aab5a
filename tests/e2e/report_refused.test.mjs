// The report page of a ward with no school of its own in a round (issue
// 18): no button for a document its download would refuse, each such
// document greyed with the reason; every button and picture on the page
// answers 200; nothing overflows at 390 px; axe-core finds nothing.
// Screenshots (1280 and 390 px) go to build/e2e-screenshots/report-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoFixture, signIn, shotsWideNarrow, axeFindings } from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

// Every report link and picture of the page, fetched with its session.
async function everyLinkAnswers(page) {
	const urls = await page.evaluate(() => [...new Set([
		...[...document.querySelectorAll('a[href*="/report/"]')].map((a) => a.href),
		...[...document.querySelectorAll('img[src*="/report/"]')].map((i) => i.src),
	])]);
	for (const u of urls) {
		const r = await page.request.get(u);
		assert.equal(r.status(), 200, u);
	}
	return urls.length;
}

test('a ward with no school that year: refused documents greyed, no dead link', async () => {
	const page = await signIn(browser, srv.base, 'cv.so');
	const url = `${srv.base}/campaigns/4/units/31DK/report`;
	await page.goto(url);
	const card = page.locator('section.card', { hasText: 'Chưa lập được trong đợt này' });
	await card.waitFor();
	const items = card.locator('ul.refused li');
	assert.equal(await items.count(), 4);
	assert.match(await items.first().textContent(),
		/^Tổng hợp kết quả đánh giá theo cấp học \(Phụ lục 3\): đơn vị 31DK không có cơ sở giáo dục nào tham gia đợt này \(năm học 2022-2023\)/);
	// Greyed: the muted colour, not the text's.
	const [grey, text] = await items.first().evaluate((li) => [
		getComputedStyle(li).color, getComputedStyle(document.body).color]);
	assert.notEqual(grey, text);
	assert.equal(await page.locator('main a.button[href*="/report/"]').count(), 0);
	assert.deepEqual(await axeFindings(page), []);
	assert.equal(await shotsWideNarrow(page, 'report-refused'), false);

	// The same ward this round: its documents build, every link answers.
	const now = `${srv.base}/campaigns/1/units/31DK/report`;
	await page.goto(now);
	assert.equal(await page.getByText('Chưa lập được trong đợt này').count(), 0);
	assert.ok(await everyLinkAnswers(page) > 20);
	assert.equal(await shotsWideNarrow(page, 'report-ward'), false);
});
