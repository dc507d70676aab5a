// Opening a round as an officer would (issue 17): a commune office's admin
// opens the new-campaign form (its own unit and the national rubric
// already chosen), creates a round, finds it on the campaigns page, then
// adds a school entered after the round opened by picking it from the
// late-joiner list. At 1280 and 390 px; screenshots go to
// build/e2e-screenshots/campaign-new-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

const { demoFixture, signIn, shot, BIN, axeFindings } = await import('./lib.mjs');

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();
const day = (d) => new Date(Date.now() + d * 86400000).toISOString().slice(0, 10);

for (const [width, height] of [[1280, 900], [390, 844]]) {
	test(`a commune office opens a round and adds a late joiner at ${width} px`, async () => {
		const page = await signIn(browser, srv.base, 'qt.lc');
		await page.setViewportSize({ width, height });
		await page.goto(`${srv.base}/admin/campaigns/new`);
		assert.equal(await page.inputValue('#owner'), '31LC');
		assert.equal(await page.inputValue('#rubric'), 'qd4725-2022-pt');
		await shot(page, `campaign-new-form-${width}`);
		assert.deepEqual(await axeFindings(page), []);
		const title = `Đợt thử ${width}`;
		await page.fill('#title', title);
		await page.fill('#year', '2026-2027');
		await page.fill('#opens', day(0));
		await page.fill('#due', day(60));
		await page.click('form.card button[type=submit]');
		await page.waitForURL(/\/campaigns\/\d+$/);
		const id = page.url().match(/\/campaigns\/(\d+)$/)[1];
		await shot(page, `campaign-new-created-${width}`);
		// On the campaigns page.
		await page.goto(`${srv.base}/campaigns`);
		assert.ok((await page.content()).includes(title), 'listed on /campaigns');
		await shot(page, `campaign-new-list-${width}`);
		// A school entered after the round opened.
		sql(`UPDATE org_unit SET created_at = '2000-01-01T00:00:00Z';
			UPDATE campaign SET created_at = '2001-01-01T00:00:00Z' WHERE id = ${id}`);
		const code = `31LC9${width % 100}`;
		execFileSync(BIN, ['--db', srv.db, 'org', 'add', '--code', code, '--name',
			`Trường Tiểu học Mới Lập ${width}`, '--kind', 'truong', '--parent', '31LC',
			'--levels', 'TH']);
		await page.goto(`${srv.base}/admin/campaigns/${id}`);
		await page.locator('#join').scrollIntoViewIfNeeded();
		await shot(page, `campaign-new-join-${width}`);
		assert.deepEqual(await axeFindings(page), []);
		await page.check(`input[name=unit][value="${code}"]`);
		await page.click('#join button[type=submit]');
		await page.waitForURL(/ok=join/);
		assert.equal(sql(`SELECT count(*) FROM campaign_unit cu JOIN org_unit o ON
			o.id = cu.unit_id WHERE cu.campaign_id = ${id} AND o.code = '${code}'`), '1');
		await page.locator('#join').scrollIntoViewIfNeeded();
		await shot(page, `campaign-new-joined-${width}`);
		assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
		await page.context().close();
	});
}
