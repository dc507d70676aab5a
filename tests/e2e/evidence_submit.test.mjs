// Evidence and submitting (issue 11, items 5 and 7), in Chromium with
// JavaScript off where it matters: attaching evidence keeps what was typed
// and lands on its criterion; a refused file is told in words at the
// criterion; evidence can be removed; the head submits from "Kiểm tra
// trước khi nộp", which lists blanks before any confirm button and shows
// what happens next after submitting. Screenshots (desktop and 390 px
// phone) go to build/e2e-screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { demoFixture, shot, schoolIn } from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();
const stored = (code, id) => sql(`SELECT json_extract(s.answers,
	'$.answers."${id}".value') FROM submission s JOIN org_unit o ON
	o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '${code}'`);
const PDF45 = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

// Signs in with JavaScript on or off (lib.mjs's signIn keeps it on).
async function signInAs(login, javaScriptEnabled = true) {
	const ctx = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled,
		viewport: { width: 1280, height: 900 } });
	ctx.setDefaultTimeout(120000);
	const page = await ctx.newPage();
	await page.goto(`${srv.base}/login`);
	await page.fill('#login', login);
	await page.fill('#password', 'truongso-demo');
	await page.click('button[type=submit]');
	await page.waitForURL(/\/campaigns/);
	return page;
}

async function phone(page, name) {
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `${name}-phone`);
	await page.setViewportSize({ width: 1280, height: 900 });
}

// The element is on screen (the page scrolled to it).
async function onScreen(page, selector) {
	return page.evaluate((sel) => {
		const r = document.querySelector(sel).getBoundingClientRect();
		return r.bottom > 0 && r.top < window.innerHeight;
	}, selector);
}

let school;

test('without JavaScript, attaching evidence keeps a typed score and lands at the criterion', async () => {
	school = schoolIn(srv.db, '31DK', 'returned');
	const page = await signInAs(`cntt.${school.toLowerCase()}`, false);
	await page.goto(`${srv.base}/campaigns/1/units/${school}`);
	await page.fill('input[name="v:1.4"]', '7');
	await page.fill('input[name="link:1.3"]', 'https://lms.truong.edu.vn/khoa-hoc');
	await page.click('button[name="attach"][value="link:1.3"]');
	await page.waitForURL(/#c-1\.3$/);
	await page.getByText('Đã gắn minh chứng.').waitFor();
	assert.equal(await page.inputValue('input[name="v:1.4"]'), '7', 'the typed score is kept');
	assert.equal(stored(school, '1.4'), '7');
	assert.ok(await onScreen(page, '[id="c-1.3"]'), 'back at criterion 1.3');
	const said = page.getByText('Đã gắn minh chứng vào tiêu chí 1.3.');
	await said.waitFor();
	assert.ok(await said.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight),
		'and says so there');
	await page.getByRole('link', { name: 'https://lms.truong.edu.vn/khoa-hoc' }).waitFor();
	// A file the same way; its size reads in bytes.
	await page.fill('input[name="v:1.4"]', '8');
	await page.setInputFiles('input[name="file:1.3"]', {
		name: 'Kế hoạch dạy học trực tuyến.pdf', mimeType: 'application/pdf', buffer: PDF45,
	});
	await page.click('button[name="attach"][value="file:1.3"]');
	await page.waitForURL(/#c-1\.3$/);
	assert.equal(await page.inputValue('input[name="v:1.4"]'), '8');
	const line = page.locator('.evidence', { hasText: 'Kế hoạch dạy học trực tuyến.pdf' });
	await line.getByText('(45 byte)').waitFor();
	await shot(page, '12-evidence-attached');
	await phone(page, '12-evidence-attached');
	await page.context().close();
});

test('a refused file is told in words at its criterion, the typed score kept', async () => {
	const page = await signInAs(`cntt.${school.toLowerCase()}`, false);
	await page.goto(`${srv.base}/campaigns/1/units/${school}`);
	await page.fill('input[name="v:1.4"]', '6');
	await page.setInputFiles('input[name="file:1.3"]', {
		name: 'chuong-trinh.exe', mimeType: 'application/octet-stream',
		buffer: Buffer.from('\x7fELF\x02\x01\x01\x00binary'),
	});
	await page.click('button[name="attach"][value="file:1.3"]');
	const msg = page.locator('[id="ev-e-file-1.3"]');
	await msg.getByText('chỉ nhận PDF, ảnh').waitFor();
	assert.doesNotMatch(await msg.textContent(), /application\/|octet|x-executable/);
	assert.equal(await page.getAttribute('input[name="file:1.3"]', 'aria-invalid'), 'true');
	assert.ok(await onScreen(page, '[id="ev-e-file-1.3"]'), 'the message is in view');
	assert.equal(await page.inputValue('input[name="v:1.4"]'), '6');
	assert.equal(stored(school, '1.4'), '6');
	assert.equal(await page.getByText('Chưa gắn được').count() >= 1, true);
	await shot(page, '13-evidence-refused');
	await phone(page, '13-evidence-refused');
	await page.context().close();
});

test('evidence can be removed from the form', async () => {
	const page = await signInAs(`cntt.${school.toLowerCase()}`, false);
	await page.goto(`${srv.base}/campaigns/1/units/${school}`);
	await page.fill('input[name="v:1.4"]', '5');
	await page.getByRole('button', { name: 'Gỡ minh chứng https://lms.truong.edu.vn/khoa-hoc ở tiêu chí 1.3' }).click();
	await page.waitForURL(/#c-1\.3$/);
	await page.getByText('Đã gỡ minh chứng.').waitFor();
	assert.equal(await page.getByRole('link', { name: 'https://lms.truong.edu.vn/khoa-hoc' }).count(), 0);
	assert.equal(await page.inputValue('input[name="v:1.4"]'), '5');
	assert.equal(sql(`SELECT count(*) FROM audit WHERE action = 'evidence.remove'`), '1');
	await page.context().close();
});

test('check-your-answers lists a blank as a link and offers no confirm button', async () => {
	const draft = schoolIn(srv.db, '31DK', 'draft');
	const head = await signInAs(`ht.${draft.toLowerCase()}`);
	await head.goto(`${srv.base}/campaigns/1/units/${draft}`);
	await head.click('button:has-text("Lưu và nộp")');
	await head.waitForURL(/\/check$/);
	await head.getByRole('heading', { name: 'Kiểm tra trước khi nộp' }).waitFor();
	const blanks = head.locator('#check-blanks a');
	assert.ok(await blanks.count() > 0);
	assert.equal(await head.getByRole('button', { name: 'Xác nhận nộp' }).count(), 0);
	await shot(head, '14-check-blank');
	await phone(head, '14-check-blank');
	const first = await blanks.first().textContent();
	const id = first.match(/Nội dung (\S+):/)[1];
	await blanks.first().click();
	await head.waitForURL(new RegExp(`/units/${draft}#f-${id.replace('.', '\\.')}$`));
	await head.context().close();
});

test('complete: confirm on the check page, then what happens next', async () => {
	const head = await signInAs(`ht.${school.toLowerCase()}`);
	await head.goto(`${srv.base}/campaigns/1/units/${school}`);
	await head.click('button:has-text("Lưu và nộp")');
	await head.waitForURL(/\/check$/);
	await head.getByRole('heading', { name: 'Xác nhận nộp bản tự đánh giá' }).waitFor();
	// Every answer with a way back to it; missing evidence before the button.
	await head.getByRole('link', { name: 'Sửa tiêu chí 1.4' }).waitFor();
	const order = await head.evaluate(() => {
		const gaps = document.getElementById('check-evidence');
		const button = document.querySelector('#confirm button');
		return gaps.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING;
	});
	assert.ok(order, 'the missing evidence is listed before the confirm button');
	await shot(head, '15-check-complete');
	await head.locator('#confirm').scrollIntoViewIfNeeded();
	await shot(head, '15b-check-confirm');
	await phone(head, '15b-check-confirm');
	await head.click('button:text-is("Xác nhận nộp")');
	await head.waitForURL(/\/submitted$/);
	await head.getByText('Đã nộp bản tự đánh giá.').waitFor();
	const next = head.locator('#next');
	await next.getByText('UBND phường Dương Kinh xem xét').waitFor();
	await next.getByText('hạn nộp của đợt').waitFor();
	assert.equal(sql(`SELECT s.state FROM submission s JOIN org_unit o ON
		o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '${school}'`), 'submitted');
	await shot(head, '16-submitted-next');
	await phone(head, '16-submitted-next');
	await head.context().close();
});
