// The demo in both administrative shapes and the read-only observer
// (issue 16): the Sở's observer xem.so opens a commune office's
// dashboard, a submitted school and the office's reports, and finds no
// way to change anything; a past year's round (2024-2025) lists its
// schools under the Phòng of that time. Screenshots, desktop and 390 px
// phone: build/e2e-screenshots/shape-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoFixture, signIn, shot, schoolIn } from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

async function shots(page, name) {
	await shot(page, `shape-${name}`);
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `shape-${name}-phone`);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('the observer sees a submitted school and cannot act on it', async () => {
	const school = schoolIn(srv.db, '31DK', 'submitted');
	const page = await signIn(browser, srv.base, 'xem.so');
	// An office-level account: the unit search is in its menu.
	await page.getByRole('link', { name: 'Tìm đơn vị' }).waitFor();
	await page.goto(`${srv.base}/campaigns/1?unit=31DK`);
	await page.getByText('UBND phường Dương Kinh').first().waitFor();
	await page.goto(`${srv.base}/campaigns/1/units/${school}`);
	await page.getByText('Đã nộp').first().waitFor();
	await shots(page, 'observer-school');
	// No decision, no save: every form of the page is the sign-out one.
	for (const name of ['Phê duyệt', 'Trả lại', 'Lưu bản nháp', 'Tiếp tục']) {
		assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0,
			`no "${name}" button for the observer`);
	}
	assert.equal(await page.locator('input[name="decision"]').count(), 0);
	// Posting a decision anyway is refused by the policy.
	const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
	const res = await page.request.post(`${srv.base}/campaigns/1/units/${school}/approve`,
		{ form: { _csrf: csrf, confirm: '1' } });
	assert.equal(res.status(), 403);
	assert.match(await res.text(), /tài khoản theo dõi chỉ được xem/);
	await page.context().close();
});

test('the observer reads an office\'s reports and edits none', async () => {
	const page = await signIn(browser, srv.base, 'xem.so');
	await page.goto(`${srv.base}/campaigns/1/units/31DK/report`);
	await page.getByRole('link', { name: /phu-luc-3|PDF/ }).first().waitFor();
	assert.equal(await page.getByRole('button', { name: /Lưu/ }).count(), 0,
		'no save button on the report page');
	await shots(page, 'observer-reports');
	await page.context().close();
});

test('a past year lists its schools under the Phòng of that time', async () => {
	const page = await signIn(browser, srv.base, 'xem.so');
	await page.goto(`${srv.base}/campaigns/6`);
	await page.getByText('Phòng Giáo dục và Đào tạo quận Dương Kinh').first().waitFor();
	assert.equal(await page.getByText('UBND phường Dương Kinh').count(), 0,
		'the commune office did not exist in 2024-2025');
	await shots(page, 'past-year');
	await page.context().close();
});
