// The office's statistics desk in the browser (issue 15): the Sở's
// dashboard drills an indicator down to each sub-unit (and one level
// further) and to the schools missing it; the reviewer's queue serves the
// statistics round with its own column (warnings confirmed), goes on to
// the next school and approves in bulk; the Sở types a year before
// truongso and its Phụ lục 6 shows 2022-2025 one column per year, with
// thousands dots. A school account is refused the office page. The
// campaign is found by kind and year, never by id. Screenshots at 1280
// and 390 px go to build/e2e-screenshots/stats-desk-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { demoFixture, signIn, shot } from './lib.mjs';

let srv, browser, cid;
const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();

demoFixture(async (s, b) => {
	srv = s;
	browser = b;
	cid = sql(`SELECT id FROM campaign WHERE kind = 'thong-ke' AND
		school_year = '2025-2026'`);
});

async function shots(page, name) {
	await shot(page, `stats-desk-${name}`);
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `stats-desk-${name}-phone`);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('the Sở drills an indicator down to sub-units and missing schools', async () => {
	const page = await signIn(browser, srv.base, 'cv.so');
	await page.goto(`${srv.base}/campaigns/${cid}`);
	await page.getByRole('link', { name: 'Tổng số học sinh có máy tính' }).first().click();
	await page.getByRole('heading', { name: 'Theo đơn vị cấp dưới' }).waitFor();
	await page.getByRole('heading', { name: /Trường chưa có số liệu chỉ số này \(\d+\)/ }).waitFor();
	// Thousands with a dot in every figure.
	const cells = await page.locator('table.stats td.num').allTextContents();
	assert.ok(cells.some((t) => /^\d{1,3}\.\d{3} \(/.test(t)), cells.join(' | '));
	assert.ok(!cells.some((t) => /^\d{4,} /.test(t)), cells.join(' | '));
	await shots(page, 'drill');
	// One level down: the commune office's own schools.
	await page.locator('a[href*="chi_so=hs_may_tinh&unit=31DK"]').click();
	await page.waitForURL(/unit=31DK/);
	await page.getByRole('heading', { name: 'Theo đơn vị cấp dưới' }).waitFor();
	assert.equal(await page.locator('a[href*="unit=31LC"]').count(), 0);
	await shots(page, 'drill-down');
	await page.context().close();
});

test('the queue serves the statistics round: warnings, next school, bulk approve', async () => {
	const page = await signIn(browser, srv.base, 'cv.so');
	await page.goto(`${srv.base}/campaigns/${cid}/queue?state=submitted`);
	await page.getByRole('columnheader', { name: 'Cảnh báo đã xác nhận' }).waitFor();
	assert.equal(await page.getByRole('columnheader', { name: 'Mức tự đánh giá' }).count(), 0);
	await shots(page, 'queue');
	const first = page.locator('table.queue tbody tr').first();
	const code = (await first.getAttribute('id')).replace(/^u-/, '');
	await first.getByRole('link').click();
	await page.locator('#queue-next').waitFor();
	await shots(page, 'queue-school');
	await page.locator('#queue-back').click();
	await page.waitForURL(/\/queue\?/);
	await page.check(`input[name="pick"][value$=":${code}"]`);
	await page.getByRole('button', { name: 'Phê duyệt các trường đã chọn…' }).click();
	await page.getByRole('button', { name: 'Xác nhận phê duyệt 1 trường' }).click();
	await page.getByText('Đã phê duyệt 1 trường').waitFor();
	assert.equal(sql(`SELECT state FROM submission WHERE campaign_id = ${cid}
		AND unit_id = (SELECT id FROM org_unit WHERE code = '${code}')`), 'approved');
	await page.context().close();
});

test('the Sở types 2022-2023 and Phụ lục 6 shows every year', async () => {
	const page = await signIn(browser, srv.base, 'cv.so');
	await page.goto(`${srv.base}/campaigns/${cid}/office`);
	await page.getByRole('link', { name: 'Năm học 2022-2023' }).click();
	await page.getByRole('heading', { name: 'Số liệu năm học 2022-2023' }).waitFor();
	await shots(page, 'typed-year');
	await page.fill('#f-gv_may_tinh', '2900');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await page.getByText('lớn hơn').first().waitFor();
	assert.equal(sql(`SELECT json_extract(answers, '$.values.gv_may_tinh') FROM
		stats_typed WHERE school_year = '2022-2023'`), '2196');
	await page.fill('#f-gv_may_tinh', '2200');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await page.getByText('Đã lưu câu trả lời của cơ quan.').waitFor();
	assert.equal(sql(`SELECT json_extract(answers, '$.values.gv_may_tinh') || '/' ||
		updated_by FROM stats_typed WHERE school_year = '2022-2023'`), '2200/cv.so');
	const res = await page.request.get(`${srv.base}/campaigns/${cid}/units/31/report/phu-luc-6.csv?csv=intl`);
	assert.equal(res.status(), 200);
	const csv = await res.text();
	// The year's heading breaks its line before the year and the note
	// (Calc broke "2022-" / "2023" otherwise): a CSV cell keeps them.
	assert.match(csv, /Năm học\s2022-2023\s\(Sở nhập\)/);
	// Raw numbers, no thousands dots; the text's decimal comma in both dialects.
	assert.match(csv, /,- Tổng số giáo viên có máy tính,"2200 \(80,15%\)","2392 \(86,01%\)",/);
	await page.context().close();
});

test('a school account is refused the office page with its reason', async () => {
	const school = sql(`SELECT o.code FROM campaign_unit cu JOIN org_unit o ON
		o.id = cu.unit_id WHERE cu.campaign_id = ${cid} ORDER BY o.code LIMIT 1`);
	const page = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	const res = await page.goto(`${srv.base}/campaigns/${cid}/office`);
	assert.equal(res.status(), 403);
	await page.getByText('tài khoản của trường không xem hoặc sửa câu trả lời, báo cáo của cơ quan quản lý', { exact: true }).waitFor();
	await page.context().close();
});
