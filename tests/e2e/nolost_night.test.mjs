// Deadline night, the whole story (the brief's "nothing lost"): at 23:00 a
// tired teacher types into the school form, her session expires while she
// types, and she presses "Lưu bản nháp"; meanwhile the head saved the same
// form, the same item. What she typed stays on her screen, the clash is
// said at the field with the head's value and note, and nothing of his is
// overwritten unseen.
// Screenshots (1280 and 390 px) go to build/e2e-screenshots/night-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { demoFixture, signIn, signInAgain, schoolIn, shotsWideNarrow as both,
	storedAnswer } from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();
const stored = (code, id, what) => storedAnswer(srv.db, code, id, what);

test('session expired while typing at 23:00, a colleague saved meanwhile', async () => {
	const school = schoolIn(srv.db, '31HB', 'draft');
	const login = `cntt.${school.toLowerCase()}`;
	const url = `${srv.base}/campaigns/1/units/${school}`;
	const typed = 'Gõ lúc 23 giờ: phòng máy có 25 máy, 20 máy kết nối Internet';
	const me = await signIn(browser, srv.base, login);
	await me.clock.install({ time: new Date('2026-12-05T23:00:00+07:00') });
	await me.goto(url);
	const head = await signIn(browser, srv.base, `ht.${school.toLowerCase()}`);
	await head.goto(url);

	// She starts typing; the head saves the same item from his desk.
	await me.fill('input[name="v:1.4"]', '7');
	await head.fill('input[name="v:1.4"]', '9');
	await head.fill('textarea[name="n:1.4"]', 'Hiệu trưởng đã kiểm tra lại');
	await head.click('button:text-is("Lưu bản nháp")');
	await head.getByText('Đã lưu bản nháp.').waitFor();
	assert.equal(stored(school, '1.4'), '9');

	// Her session ends (idle over the limit) while she goes on typing.
	sql(`UPDATE session SET expires_at = '2000-01-01T00:00:00Z' WHERE user_id
		= (SELECT id FROM app_user WHERE login = '${login}')`);
	await me.fill('textarea[name="n:1.4"]', typed);
	await me.click('button:text-is("Lưu bản nháp")');

	// The server keeps nothing of an expired post and says so; the
	// browser still has what she typed.
	await me.getByText('Phiên làm việc đã hết hạn').waitFor();
	await me.getByText('nội dung bạn nhập vẫn được giữ trên máy này').waitFor();
	assert.equal(stored(school, '1.4'), '9', 'nothing overwritten');
	assert.equal(await both(me, 'night-1-expired'), false, 'no sideways scroll at 390 px');
	// Signing in again brings her back to the form.
	await signInAgain(me, me, login, url);
	// Her text is on the screen; the head's value is still stored.
	assert.equal(await me.inputValue('input[name="v:1.4"]'), '7');
	assert.equal(await me.inputValue('textarea[name="n:1.4"]'), typed);
	assert.equal(stored(school, '1.4'), '9', 'nothing silently overwritten');
	// The clash is said, and opened it is at the field, with who did it.
	const bar = me.locator('#save-problem');
	await bar.getByRole('button', { name: 'Xem và chọn' }).waitFor();
	assert.equal(await both(me, 'night-2-conflict-said'), false);
	await bar.getByRole('button', { name: 'Xem và chọn' }).click();
	const box = me.locator('.conflict').first();
	await box.getByText(`ht.${school.toLowerCase()} đã sửa nội dung này`).waitFor();
	// The head's note too: keeping hers replaces it, so it is shown.
	await box.getByText('ghi chú: “Hiệu trưởng đã kiểm tra lại”').waitFor();
	assert.equal(await me.inputValue('input[name="v:1.4"]'), '7');
	assert.equal(await me.inputValue('textarea[name="n:1.4"]'), typed);
	assert.equal(stored(school, '1.4'), '9');
	await box.scrollIntoViewIfNeeded();
	assert.equal(await both(me, 'night-3-conflict-field'), false);
	// She keeps hers, knowingly: now it is saved, note and all.
	await me.click('button:text-is("Lưu bản nháp")');
	await me.getByText('Đã lưu bản nháp.').waitFor();
	assert.equal(stored(school, '1.4'), '7');
	assert.equal(stored(school, '1.4', 'note'), typed);
	await me.context().close();
	await head.context().close();
});
