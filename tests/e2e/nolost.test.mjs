// Deadline night (issue 11): nothing a school types is lost or silently
// overwritten. A stale tab gets the conflict, field by field; an expired
// session keeps the typed values and gives them back after signing in; one
// bad value does not stop the rest being saved. Timers run on Playwright's
// clock, so the 15 s autosave and the idle warning need no waiting.
// Screenshots (desktop and 390 px phone) go to build/e2e-screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { demoFixture, signIn, signInAgain, shot, schoolIn, storedAnswer }
	from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();
const stored = (code, id) => storedAnswer(srv.db, code, id);

async function phone(page, name) {
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `${name}-phone`);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('a stale tab gets a conflict per field, never a silent overwrite', async () => {
	const school = schoolIn(srv.db, '31DK', 'returned');
	const url = `${srv.base}/campaigns/1/units/${school}`;
	const a = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	const b = await signIn(browser, srv.base, `ht.${school.toLowerCase()}`);
	await a.goto(url);
	await b.goto(url); // both opened at the same revision
	await a.fill('input[name="v:1.4"]', '9');
	await a.click('button:text-is("Lưu bản nháp")');
	await a.getByText('Đã lưu bản nháp.').waitFor();
	// b changes 1.4 too (a conflict) and 2.4a (only b: merged).
	await b.fill('input[name="v:1.4"]', '7');
	await b.fill('input[name="v:2.4a"]', '5');
	await b.click('button:text-is("Lưu bản nháp")');
	await b.locator('#conflict-summary').waitFor();
	const box = b.locator('.conflict').first();
	await box.getByText(`cntt.${school.toLowerCase()} đã sửa nội dung này`).waitFor();
	await box.getByText('9', { exact: true }).waitFor();
	assert.equal(await b.inputValue('input[name="v:1.4"]'), '7', 'what b typed is still there');
	assert.equal(await b.inputValue('input[name="v:2.4a"]'), '5');
	assert.equal(stored(school, '1.4'), '9', 'nothing overwritten');
	await shot(b, '8-conflict');
	await box.scrollIntoViewIfNeeded();
	await shot(b, '8b-conflict-field');
	await phone(b, '8b-conflict-field');
	// b keeps its own value: both of b's edits and nothing of a's is lost.
	await b.click('button:text-is("Lưu bản nháp")');
	await b.getByText('Đã lưu bản nháp.').waitFor();
	assert.equal(stored(school, '1.4'), '7');
	assert.equal(stored(school, '2.4a'), '5');
	await a.context().close();
	await b.context().close();
});

test('an expired session keeps what was typed and gives it back', async () => {
	const school = schoolIn(srv.db, '31LC', 'draft');
	const login = `cntt.${school.toLowerCase()}`;
	const url = `${srv.base}/campaigns/1/units/${school}`;
	const page = await signIn(browser, srv.base, login);
	await page.clock.install();
	await page.goto(url);
	// Two minutes before the idle limit the page offers to stay signed in.
	await page.clock.fastForward('58:01');
	await page.locator('#session-warning').getByText('sắp hết hạn').waitFor();
	await shot(page, '9-session-warning');
	await page.click('#session-warning button');
	await page.locator('#session-warning').waitFor({ state: 'hidden' });
	await page.fill('input[name="v:1.4"]', '8');
	await page.fill('textarea[name="n:1.4"]', 'Gõ lúc phiên đã hết hạn');
	sql(`UPDATE session SET expires_at = '2000-01-01T00:00:00Z'`);
	await page.clock.runFor(16000); // the autosave
	const note = page.locator('#autosave');
	const bar = page.locator('#save-problem');
	await bar.getByText('Phiên đăng nhập đã hết hạn').waitFor();
	assert.doesNotMatch(await note.textContent(), /<html|doctype/i);
	await shot(page, '10-session-expired');
	await phone(page, '10-session-expired');
	await signInAgain(page, bar, login, url);
	assert.equal(await page.inputValue('input[name="v:1.4"]'), '8');
	assert.equal(await page.inputValue('textarea[name="n:1.4"]'), 'Gõ lúc phiên đã hết hạn');
	await note.getByText('Đã tự động lưu').waitFor();
	assert.equal(stored(school, '1.4'), '8');
	await page.context().close();
});

test('autosave keeps every valid field and marks the bad one', async () => {
	const school = schoolIn(srv.db, '31TN', 'draft');
	const page = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	await page.clock.install();
	await page.goto(`${srv.base}/campaigns/1/units/${school}`);
	await page.fill('input[name="v:1.4"]', '11'); // over the maximum 10
	await page.fill('input[name="v:1.5a"]', '13');
	await page.fill('textarea[name="n:1.5a"]', 'Vẫn phải được lưu');
	await page.clock.runFor(16000);
	await page.locator('#autosave').getByText('1 nội dung chưa lưu được').waitFor();
	const msg = page.locator('[id="e-1.4"]');
	await msg.getByText('vượt quá điểm tối đa 10').waitFor();
	assert.equal(await page.getAttribute('[id="f-1.4"]', 'aria-invalid'), 'true');
	assert.equal(await page.getAttribute('[id="f-1.4"]', 'aria-describedby'), 'e-1.4');
	const link = page.locator('#error-summary a');
	assert.equal(await link.getAttribute('href'), '#f-1.4');
	assert.equal(stored(school, '1.5a'), '13', 'the valid field is saved');
	await page.locator('#error-summary').scrollIntoViewIfNeeded();
	await shot(page, '11-bad-value');
	await page.locator('[id="f-1.4"]').scrollIntoViewIfNeeded();
	await phone(page, '11-bad-value');
	// Fixed: the mark goes away and the value is saved.
	await page.fill('input[name="v:1.4"]', '10');
	await page.clock.runFor(16000);
	await page.locator('#autosave').getByText('Đã tự động lưu').waitFor();
	assert.equal(await msg.isHidden(), true);
	assert.equal(stored(school, '1.4'), '10');
	await page.context().close();
});

test('the reviewer\'s one decision form keeps everything typed when a score is refused', async () => {
	const school = schoolIn(srv.db, '31DK', 'submitted');
	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/1/units/${school}`);
	await rev.fill('input[name="xv:1.4"]', '7');
	await rev.fill('input[name="xv:1.5a"]', '99'); // over the maximum (15)
	await rev.fill('textarea[name="r:1.3"]', 'Lý do đang gõ');
	await rev.check('input[name="decision"][value="return"]');
	await rev.click('button:text-is("Tiếp tục")');
	// Refused at its field, named in the summary; nothing typed is gone.
	const bad = rev.locator('input[name="xv:1.5a"]');
	await bad.waitFor();
	assert.equal(await bad.getAttribute('aria-invalid'), 'true');
	await rev.getByText('điểm đánh giá ngoài 99 vượt quá điểm tối đa 15').first().waitFor();
	assert.equal(await bad.inputValue(), '99', 'the refused value stays to be fixed');
	assert.equal(await rev.inputValue('input[name="xv:1.4"]'), '7');
	assert.equal(await rev.inputValue('textarea[name="r:1.3"]'), 'Lý do đang gõ');
	assert.ok(await rev.isChecked('input[name="decision"][value="return"]'),
		'the decision chosen stays chosen');
	// Not returned: the decision waits for every score to be valid.
	assert.equal(sql(`SELECT s.state FROM submission s JOIN org_unit o ON
		o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '${school}'`),
	'submitted');
	await phone(rev, 'nolost-reviewer-refused');
	await rev.context().close();
});
