// The papers around the self-assessment (issue 16), as their users meet
// them in Chromium: the check page offers the approval decision; the head
// uploads the signed report on the report page and the Phòng sees it in
// its queue; the school lists its software and the office sees it summed.
// Screenshots (1280 and 390 px) go to build/e2e-screenshots/paper-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { demoFixture, signIn, shot, schoolIn } from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test('the check page offers the approval decision', async () => {
	const draft = schoolIn(srv.db, '31DK', 'draft');
	const page = await signIn(browser, srv.base, `ht.${draft.toLowerCase()}`);
	await page.goto(`${srv.base}/campaigns/1/units/${draft}/check`);
	const offer = page.locator('#approval');
	await offer.getByText('khoản 6 Điều 1').waitFor();
	const href = await offer.getByRole('link', { name: 'PDF' }).getAttribute('href');
	assert.match(href, /\/report\/qd-phe-duyet\.pdf$/);
	await offer.scrollIntoViewIfNeeded();
	await shot(page, 'paper-check-approval');
	const res = await page.request.get(`${srv.base}${href}`);
	assert.equal(res.status(), 200);
	assert.equal((await res.body()).subarray(0, 5).toString(), '%PDF-');
});

test('the head uploads the signed copy, the office sees it', async () => {
	const sub = schoolIn(srv.db, '31DK', 'submitted');
	const head = await signIn(browser, srv.base, `ht.${sub.toLowerCase()}`);
	await head.goto(`${srv.base}/campaigns/1/units/${sub}/report`);
	await head.setInputFiles('#signed-file', { name: 'bao-cao-da-ky.pdf',
		mimeType: 'application/pdf', buffer: PDF });
	await head.getByRole('button', { name: 'Tải bản đã ký lên' }).click();
	await head.getByText('Đã lưu bản đã ký làm bản chính thức.').waitFor();
	await head.locator('#ban-da-ky').getByText('bao-cao-da-ky.pdf').waitFor();
	await head.locator('#ban-da-ky').scrollIntoViewIfNeeded();
	await shot(head, 'paper-signed-school');
	assert.equal(sql(`SELECT count(*) FROM signed_copy`), '1');
	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/1/queue?signed=1`);
	// The queue's links carry the queue (?queue=…) for "next school".
	await rev.locator(`a[href^="/campaigns/1/units/${sub}?queue="]`).waitFor();
	await shot(rev, 'paper-queue-signed');
	const phone = await browser.newContext({ locale: 'vi-VN',
		viewport: { width: 390, height: 844 },
		storageState: await head.context().storageState() });
	const m = await phone.newPage();
	await m.goto(`${srv.base}/campaigns/1/units/${sub}/report#ban-da-ky`);
	await shot(m, 'paper-signed-phone');
});

test('a school lists its software, the office sees it summed', async () => {
	const draft = schoolIn(srv.db, '31DK', 'draft');
	const ed = await signIn(browser, srv.base, `cntt.${draft.toLowerCase()}`);
	await ed.goto(`${srv.base}/campaigns/1/units/${draft}/report`);
	await ed.fill('input[name="sw:0:ten"]', 'SMAS');
	await ed.fill('input[name="sw:0:muc_dich"]', 'Quản lý học sinh');
	await ed.fill('input[name="sw:0:nha_cung_cap"]', 'Viettel');
	await ed.selectOption('select[name="sw:0:thu_phi"]', '1');
	await ed.fill('input[name="sw:0:muc_phi"]', '15.000 đồng/tháng');
	await ed.fill('input[name="sw:0:tong_tien"]', '13500000');
	await ed.getByRole('button', { name: 'Lưu danh sách phần mềm' }).click();
	await ed.getByText('Đã lưu danh sách phần mềm.').waitFor();
	await ed.locator('#phan-mem').scrollIntoViewIfNeeded();
	await shot(ed, 'paper-software-school');
	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/1/units/31DK/report#phan-mem`);
	await rev.locator('#phan-mem').getByText('13.500.000').first().waitFor();
	await rev.locator('#phan-mem').scrollIntoViewIfNeeded();
	await shot(rev, 'paper-software-office');
});
