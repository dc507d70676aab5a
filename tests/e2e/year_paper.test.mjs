// The "Done means" of issue 16 in one walk through the demo, as its users
// meet it in Chromium: 2025-2026 runs in today's shape (UBND phường, Sở)
// and 2024-2025 in the old one (Phòng), on pages and on the first page of
// documents; a school sees its years and last year's plan; the Sở prints
// its guidance letter; a school prints its three papers, submits and
// uploads its signed copy, which its office sees; a commune office sees
// its mầm non schools' software summed; the admin moves a unit from a
// chosen day. Screenshots (1280 and 390 px) and the first page of each PDF
// as a PNG: build/e2e-screenshots/year-paper-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoFixture, signIn, shot, schoolIn, SHOTS } from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();
const yearOf = (y) => sql(`SELECT id FROM campaign WHERE rubric_id =
	'qd4725-2022-pt' AND kind = 'cds' AND school_year = '${y}'`);

async function shots(page, name) {
	await shot(page, `year-paper-${name}`);
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `year-paper-${name}-phone`);
	const wide = await page.evaluate(() =>
		document.documentElement.scrollWidth > window.innerWidth + 1);
	await page.setViewportSize({ width: 1280, height: 900 });
	assert.equal(wide, false, `${name}: no sideways scrolling at 390 px`);
}

// The PDF at url as the page's user fetches it: kept with its first page
// as a PNG to look at, and that page's text (one space between words).
async function firstPage(page, url, name) {
	const res = await page.request.get(`${srv.base}${url}`);
	assert.equal(res.status(), 200, `${url}: ${res.status()}`);
	const body = await res.body();
	assert.equal(body.subarray(0, 5).toString(), '%PDF-', url);
	const file = join(SHOTS, `year-paper-${name}.pdf`);
	writeFileSync(file, body);
	execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png',
		'-singlefile', file, join(SHOTS, `year-paper-${name}`)]);
	return execFileSync('pdftotext', ['-l', '1', file, '-']).toString()
		.replace(/\s+/g, ' ');
}

test('2025-2026 runs in today\'s shape, 2024-2025 in the old one', async () => {
	const so = await signIn(browser, srv.base, 'cv.so');
	await so.goto(`${srv.base}/campaigns/1`);
	await so.getByText('UBND phường Dương Kinh').first().waitFor();
	assert.equal(await so.getByText('Phòng Giáo dục và Đào tạo').count(), 0,
		'no Phòng in 2025-2026');
	await shots(so, 'shape-now');
	const last = yearOf('2024-2025');
	await so.goto(`${srv.base}/campaigns/${last}`);
	await so.getByText('Phòng Giáo dục và Đào tạo quận Dương Kinh').first().waitFor();
	assert.equal(await so.getByText('UBND phường Dương Kinh').count(), 0,
		'no commune office in 2024-2025');
	await shots(so, 'shape-past');
	// The same school's report, this year and last: its cơ quan chủ quản,
	// and who checked its result last year (it has external scores).
	const code = sql(`SELECT o.code FROM submission s JOIN org_unit o ON
		o.id = s.unit_id WHERE s.campaign_id = ${last} AND o.code LIKE
		'31DK%' AND s.external <> '{}' AND s.unit_id IN (SELECT unit_id
		FROM submission WHERE campaign_id = 1) ORDER BY o.code LIMIT 1`);
	const now = await firstPage(so, `/campaigns/1/units/${code}/report/tu-danh-gia.pdf`,
		'report-now');
	// pdftotext reads the two header columns line by line, interleaved.
	assert.match(now, /^ỦY BAN NHÂN DÂN .*PHƯỜNG DƯƠNG KINH/);
	assert.doesNotMatch(now, /PHÒNG GIÁO DỤC|Phòng Giáo dục/);
	const past = await firstPage(so, `/campaigns/${last}/units/${code}/report/tu-danh-gia.pdf`,
		'report-past');
	assert.match(past, /^PHÒNG GIÁO DỤC VÀ ĐÀO TẠO .*QUẬN DƯƠNG KINH/);
	assert.doesNotMatch(past, /PHƯỜNG DƯƠNG KINH|UBND phường/);
	// The office that checked and approved it that year, not the Sở.
	assert.match(past, /Kết quả sau khi Phòng Giáo dục và Đào tạo quận Dương Kinh kiểm tra, phê duyệt/);
	// A THPT school sits under the Sở in 2025-2026.
	const thpt = await firstPage(so, '/campaigns/1/units/31001/report/tu-danh-gia.pdf',
		'report-thpt');
	assert.match(thpt, /^SỞ GIÁO DỤC VÀ ĐÀO TẠO .*THÀNH PHỐ HẢI PHÒNG/);
	await so.context().close();
});

test('a school sees its years and last year\'s plan beside the items', async () => {
	const code = sql(`SELECT DISTINCT o.code FROM improvement_plan p JOIN
		org_unit o ON o.id = p.unit_id WHERE o.code LIKE '31DK%'
		ORDER BY o.code LIMIT 1`);
	assert.ok(code, 'the demo has a school with a plan');
	const page = await signIn(browser, srv.base, `cntt.${code.toLowerCase()}`);
	await page.goto(`${srv.base}/campaigns/1/units/${code}/years`);
	const table = page.locator('#years');
	for (const y of ['2022-2023', '2023-2024', '2024-2025'])
		await table.getByRole('columnheader', { name: y, exact: true }).waitFor();
	await shots(page, 'years');
	await page.goto(`${srv.base}/campaigns/1/units/${code}`);
	const note = page.locator('p.plan-prev').first();
	await note.waitFor();
	assert.match(await note.textContent(), /^Kế hoạch năm trước \(2024-2025\)/);
	await note.scrollIntoViewIfNeeded();
	await shot(page, 'year-paper-plan-in-form');
	await page.context().close();
});

test('the Sở generates its guidance letter', async () => {
	const so = await signIn(browser, srv.base, 'cv.so');
	await so.goto(`${srv.base}/campaigns/1/units/31/report`);
	const link = so.locator('a[href$="/report/cong-van.pdf"]').first();
	await link.waitFor();
	await shots(so, 'guidance-page');
	const text = await firstPage(so, await link.getAttribute('href'), 'guidance');
	assert.match(text, /ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG SỞ GIÁO DỤC VÀ ĐÀO TẠO/);
	assert.match(text, /V\/v hướng dẫn/);
	assert.match(text, /Kính gửi/);
	assert.doesNotMatch(text, /Phòng Giáo dục/i);
	await so.context().close();
});

test('a school prints its papers, submits and sends its signed copy', async () => {
	// A returned school: its answers are complete, so it can submit again.
	const code = schoolIn(srv.db, '31DK', 'returned');
	const head = await signIn(browser, srv.base, `ht.${code.toLowerCase()}`);
	const base = `/campaigns/1/units/${code}/report`;
	await head.goto(`${srv.base}${base}`);
	for (const [kind, words] of [
		['qd-ban-chi-dao', /QUYẾT ĐỊNH .*Ban chỉ đạo chuyển đổi số/],
		['bien-ban', /BIÊN BẢN/],
		['qd-phe-duyet', /QUYẾT ĐỊNH .*phê duyệt kết quả tự đánh giá/],
	]) {
		const text = await firstPage(head, `${base}/${kind}.pdf`, kind);
		assert.match(text, words, kind);
		assert.match(text, /^ỦY BAN NHÂN DÂN .*PHƯỜNG DƯƠNG KINH/, kind);
	}
	await head.goto(`${srv.base}/campaigns/1/units/${code}`);
	await head.click('button:has-text("Lưu và nộp")');
	await head.getByText('Xác nhận nộp bản tự đánh giá').waitFor();
	await head.click('button:text-is("Xác nhận nộp")');
	await head.getByText('Đã nộp bản tự đánh giá.').waitFor();
	await head.goto(`${srv.base}${base}`);
	await head.setInputFiles('#signed-file', { name: 'bao-cao-da-ky.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
	await head.getByRole('button', { name: 'Tải bản đã ký lên' }).click();
	await head.getByText('Đã lưu bản đã ký làm bản chính thức.').waitFor();
	await head.locator('#ban-da-ky').scrollIntoViewIfNeeded();
	await shots(head, 'signed-school');
	await head.context().close();
	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/1/queue?signed=1&unit=31DK`);
	await rev.locator(`a[href^="/campaigns/1/units/${code}?queue="]`).waitFor();
	await shots(rev, 'signed-office');
	await rev.context().close();
});

test('a commune office sees its mầm non schools\' software summed', async () => {
	const total = Number(sql(`SELECT sum(w.parents_total) FROM software w JOIN
		org_unit o ON o.id = w.unit_id WHERE w.campaign_id = 2 AND o.code
		LIKE '31HB%'`));
	assert.ok(total > 0, 'the demo lists fees in Hồng Bàng');
	const money = total.toLocaleString('de-DE');
	const page = await signIn(browser, srv.base, 'cv.hb');
	await page.goto(`${srv.base}/campaigns/2/units/31HB/report#phan-mem`);
	const card = page.locator('#phan-mem');
	await card.locator('tfoot').getByText(money, { exact: true }).waitFor();
	await card.getByRole('cell', { name: 'SMAS', exact: true }).waitFor();
	await card.scrollIntoViewIfNeeded();
	await shots(page, 'software-office');
	const text = await firstPage(page, '/campaigns/2/units/31HB/report/phu-luc-3.pdf',
		'software-pl3');
	assert.match(text, /^ỦY BAN NHÂN DÂN .*PHƯỜNG HỒNG BÀNG/);
	assert.match(text, /Phần mềm các trường đang sử dụng/);
	await page.context().close();
});

test('the admin moves a unit from a chosen day', async () => {
	const page = await signIn(browser, srv.base, 'qt.so');
	await page.goto(`${srv.base}/admin/org/31AL016`);
	await page.getByText('giữ nguyên danh sách đơn vị tham gia').waitFor();
	await page.fill('#parent', '31HB');
	await page.fill('#move_day', '2025-06-30');
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
	const err = page.locator('#move_day-loi');
	await err.waitFor();
	assert.match(await err.textContent(),
		/trước ngày đơn vị cấp trên mới 31HB bắt đầu hoạt động \(01\/07\/2025\)/);
	assert.equal(await page.getAttribute('#move_day', 'aria-invalid'), 'true');
	await page.locator('#move_day').scrollIntoViewIfNeeded();
	await shots(page, 'move-refused');
	await page.fill('#move_day', '2025-09-01');
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await page.getByText('Đã lưu thay đổi.').waitFor();
	await shots(page, 'move-done');
	assert.equal(sql(`SELECT p.code || ' ' || h.valid_from FROM org_parent h
		JOIN org_unit u ON u.id = h.unit_id JOIN org_unit p ON p.id =
		h.parent_id WHERE u.code = '31AL016' AND h.valid_to IS NULL`),
	'31HB 2025-09-01');
	await page.context().close();
});
