// The landing page is a task list per role (issue 11 item 9): a school
// with a returned result sees it flagged first with its criteria, each
// linked to its place on the form; an office sees what waits for it, each
// count linked to the list of those units; the days left follow the clock,
// set by TRUONGSO_NOW, which only a test build reads (so this file runs
// the ASan build unless TRUONGSO_BIN names another test build).
// Screenshots of each role's landing page, desktop and 390 px phone, go to
// build/e2e-screenshots/landing-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
process.env.TRUONGSO_BIN ||= join(root, 'build/asan/truongso');
// 10:00 on 28/05/2026 in Vietnam: campaign 1 is due 31/05, campaign 2
// (mầm non) was due 15/05.
process.env.TRUONGSO_NOW = '2026-05-28T03:00:00Z';
const { demoFixture, signIn, shot, schoolIn } = await import('./lib.mjs');

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();
// Participants of campaign c under the unit `code` in `state`.
const count = (c, code, state) => Number(sql(`SELECT count(*) FROM
	campaign_unit cu LEFT JOIN submission s ON s.campaign_id =
	cu.campaign_id AND s.unit_id = cu.unit_id WHERE cu.campaign_id = ${c}
	AND cu.path LIKE (SELECT path FROM org_unit WHERE code = '${code}') ||
	'%' AND coalesce(s.state, 'none') = '${state}'`));

async function shots(page, name) {
	await shot(page, `landing-${name}`);
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `landing-${name}-phone`);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('a school with a returned result sees it first, with its criteria', async () => {
	const school = schoolIn(srv.db, '31DK', 'returned');
	const page = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	const flag = page.locator('section.returned');
	await flag.getByRole('heading', { name: 'Bản tự đánh giá bị trả lại, cần sửa và nộp lại' }).waitFor();
	// It is the first thing under the page title.
	assert.equal(await page.locator('main > section').first().getAttribute('class'), 'card returned');
	const reason = flag.locator('li', { hasText: 'Tiêu chí 1.3' });
	await reason.getByText('Chưa có đường link đến hệ thống LMS').waitFor();
	await flag.locator('li', { hasText: 'Tiêu chí 2.4' }).getByText('chưa khớp số liệu').waitFor();
	await flag.getByText('còn 3 ngày').waitFor();
	await shots(page, 'school-returned');
	await reason.getByRole('link', { name: 'Tiêu chí 1.3' }).click();
	await page.waitForURL(`${srv.base}/campaigns/1/units/${school}#c-1.3`);
	const heading = page.locator('[id="c-1.3"]');
	assert.match(await heading.textContent(), /^1\.3\./);
	assert.ok(await heading.isVisible());
	await page.context().close();
});

test('a school with a draft sees its state and the days left', async () => {
	const school = schoolIn(srv.db, '31DK', 'draft');
	const page = await signIn(browser, srv.base, `ht.${school.toLowerCase()}`);
	assert.equal(await page.locator('section.returned').count(), 0);
	const task = page.locator('li.task', { hasText: 'Đánh giá mức độ chuyển đổi số' });
	await task.getByText('Bản nháp', { exact: true }).waitFor();
	await task.getByText('Hạn nộp 31/05/2026').waitFor();
	await task.getByText('còn 3 ngày', { exact: true }).waitFor();
	await shots(page, 'school-draft');
	await task.getByRole('link', { name: 'Tiếp tục và nộp' }).click();
	await page.waitForURL(`${srv.base}/campaigns/1/units/${school}`);
	await page.context().close();
});

test('an office sees what waits for it, linked to those units', async () => {
	const page = await signIn(browser, srv.base, 'cv.dk');
	const waiting = count(1, '31DK', 'submitted');
	assert.ok(waiting > 0);
	const task = page.locator('li.task', { hasText: 'Đánh giá mức độ chuyển đổi số' });
	await task.getByText('còn 3 ngày', { exact: true }).waitFor();
	const link = task.getByRole('link', { name: `${waiting} bản tự đánh giá chờ xem xét` });
	await shots(page, 'office');
	await link.click();
	await page.waitForURL(`${srv.base}/campaigns/1?state=submitted`);
	const list = page.locator('#units');
	await list.getByRole('heading', { name: `Đơn vị ở trạng thái Đã nộp: ${waiting}` }).waitFor();
	assert.equal(await list.locator('tbody tr').count(), waiting);
	await page.context().close();
});

test('the Sở admin sees late campaigns, units not started and admin tasks', async () => {
	const page = await signIn(browser, srv.base, 'qt.so');
	const mn = page.locator('li.task', { hasText: 'mầm non' });
	await mn.getByText('quá hạn 13 ngày', { exact: true }).waitFor();
	const idle = count(1, '31', 'none');
	const main = page.locator('li.task', { hasText: 'Đánh giá mức độ chuyển đổi số' });
	await main.locator('li.near').getByRole('link', { name: `${idle} đơn vị chưa bắt đầu` }).waitFor();
	await page.getByRole('heading', { name: 'Việc quản trị' }).waitFor();
	await page.getByRole('link', { name: 'Tạo đợt đánh giá' }).first().waitFor();
	await shots(page, 'admin');
	await page.context().close();
});
