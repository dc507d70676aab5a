// The officer's desk (issue 17 items 4 and 5) in a browser without
// JavaScript: from the queue to a school's page and on to the next school
// with the filters kept, then bulk approval of picked schools through the
// confirmation page, one of them changed meanwhile and so skipped.
// Screenshots (1280 and 390 px) go to build/e2e-screenshots/desk-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
process.env.TRUONGSO_BIN ||= join(root, 'build/asan/truongso');
const { demoFixture, shot } = await import('./lib.mjs');

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', ['-cmd', '.timeout 10000', srv.db, q])
	.toString().trim();
const ORDER = `FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id
	JOIN submission s ON s.campaign_id = 1 AND s.unit_id = cu.unit_id WHERE
	cu.campaign_id = 1 AND s.state = 'submitted' ORDER BY
	s.first_submitted_at DESC, o.code`;
const state = (code) => sql(`SELECT s.state FROM submission s JOIN org_unit o
	ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '${code}'`);

async function signInNoJs(login) {
	const ctx = await browser.newContext({ locale: 'vi-VN',
		javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
	ctx.setDefaultTimeout(120000);
	const page = await ctx.newPage();
	await page.goto(`${srv.base}/login`);
	await page.fill('#login', login);
	await page.fill('#password', 'truongso-demo');
	await page.click('button[type=submit]');
	await page.waitForURL(/\/campaigns/);
	return page;
}

async function shots(page, name) {
	await shot(page, `desk-${name}`);
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `desk-${name}-phone`);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('from the queue to a school, the next one, and back with the filters', async () => {
	const [first, second] = sql(`SELECT o.code ${ORDER} LIMIT 2`).split('\n');
	const secondName = sql(`SELECT name FROM org_unit WHERE code = '${second}'`);
	const page = await signInNoJs('cv.so');
	await page.goto(`${srv.base}/campaigns/1/queue`);
	await page.selectOption('#state', 'submitted');
	await page.selectOption('#sort', '-ngay-nop');
	await page.getByRole('button', { name: 'Lọc' }).click();
	await page.waitForURL(/state=submitted/);
	await page.locator(`tr[id="u-${first}"] a`).click();
	await page.locator('#queue-back').waitFor();
	await shots(page, 'school-nav');
	await page.getByRole('link', { name: `Trường tiếp theo: ${secondName} »` }).click();
	await page.waitForURL(new RegExp(`/units/${second}\\?queue=`));
	await page.locator('#queue-back').waitFor();
	await page.locator('#queue-back').click();
	await page.waitForURL(/\/queue\?state=submitted&sort=-ngay-nop#u-/);
	assert.equal(await page.locator('#state').inputValue(), 'submitted');
	assert.equal(await page.locator('#sort').inputValue(), '-ngay-nop');
	await page.context().close();
});

test('bulk approval: confirm, each one approved, a changed one skipped', async () => {
	const picked = sql(`SELECT o.code ${ORDER} LIMIT 3`).split('\n');
	const page = await signInNoJs('cv.so');
	await page.goto(`${srv.base}/campaigns/1/queue?state=submitted&sort=-ngay-nop`);
	await shots(page, 'queue');
	// "Select all on this page" works without JavaScript, and undoes.
	await page.getByRole('link', { name: 'Chọn tất cả trên trang này' }).click();
	await page.waitForURL(/all=1/);
	const boxes = page.locator('input[name=pick]');
	const n = await boxes.count();
	assert.ok(n >= 3);
	for (let i = 0; i < n; i++)
		assert.ok(await boxes.nth(i).isChecked());
	await page.getByRole('link', { name: 'Bỏ chọn tất cả' }).click();
	await page.waitForURL((u) => !u.href.includes('all=1'));
	for (const code of picked)
		await page.locator(`tr[id="u-${code}"] input[name=pick]`).check();
	await page.getByRole('button', { name: 'Phê duyệt các trường đã chọn…' }).click();
	await page.getByRole('heading', { name: 'Xác nhận phê duyệt nhiều trường' }).waitFor();
	await page.getByRole('button', { name: 'Xác nhận phê duyệt 3 trường' }).waitFor();
	await shots(page, 'bulk-confirm');
	assert.equal(state(picked[0]), 'submitted'); // nothing written yet
	// Someone changes the second school while the page is open.
	sql(`UPDATE submission SET revision = revision + 1 WHERE campaign_id = 1
		AND unit_id = (SELECT id FROM org_unit WHERE code = '${picked[1]}')`);
	await page.getByRole('button', { name: 'Xác nhận phê duyệt 3 trường' }).click();
	await page.getByText('Đã phê duyệt 2 trường, bỏ qua 1.').waitFor();
	await page.getByText(/đã thay đổi từ khi danh sách được hiển thị/).waitFor();
	await shots(page, 'bulk-result');
	assert.deepEqual(picked.map(state), ['approved', 'submitted', 'approved']);
	await page.getByRole('link', { name: 'Quay lại hàng đợi' }).click();
	await page.waitForURL(/\/queue\?state=submitted&sort=-ngay-nop$/);
	await page.context().close();
});
