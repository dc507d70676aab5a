// The officer's desk on a phone (390 px): the queue's and the unit
// search's tables scroll sideways in their box instead of squeezing each
// column to a word a line (at 2,000 schools the queue's rows were 211 px
// tall, "Trực thuộc" one word a line). Screenshots go to
// build/e2e-screenshots/desk-phone-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { demoFixture, signIn, shot } = await import('./lib.mjs');

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

// The widths of a table's box and of the table, and of the cells of its
// first row, in CSS pixels.
async function widths(page, table) {
	return page.locator(table).first().evaluate((t) => ({
		box: t.parentElement.clientWidth,
		table: t.scrollWidth,
		cells: [...t.tBodies[0].rows[0].cells].map((c) => c.getBoundingClientRect().width),
	}));
}

test('queue and search tables keep readable columns at 390 px', async () => {
	const page = await signIn(browser, srv.base, 'cv.so');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`${srv.base}/campaigns/1/queue?state=submitted`);
	const q = await widths(page, 'table.queue');
	await page.locator('table.queue tbody tr').first().scrollIntoViewIfNeeded();
	await shot(page, 'desk-phone-queue');
	assert.ok(q.table > q.box, `the queue scrolls sideways (${q.table} > ${q.box})`);
	// Chọn stays narrow; the school's name and "Trực thuộc" keep room.
	assert.ok(q.cells[0] < 80, `pick column ${q.cells[0]}`);
	assert.ok(q.cells[1] >= 180, `name column ${q.cells[1]}`);
	assert.ok(q.cells[2] >= 110, `"Trực thuộc" column ${q.cells[2]}`);
	// The page itself does not scroll sideways: only the table's box.
	assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
	await page.goto(`${srv.base}/search?q=nguyen+du&campaign=1`);
	const s = await widths(page, 'main table');
	await shot(page, 'desk-phone-search');
	for (const [i, w] of s.cells.entries())
		assert.ok(w >= 110, `search column ${i}: ${w}`);
	await page.context().close();
});
