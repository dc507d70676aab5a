// The whole cycle in a real browser: a school fills the QĐ 4725 form and
// sees the score recomputed by the server as it types, submits after the
// confirmation; the Phòng returns it with a reason; the school fixes and
// resubmits; the Phòng approves; the dashboard counts change. Screenshots
// of each key page go to build/e2e-screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { demoFixture, signIn, shot, schoolIn } from './lib.mjs';

// The Trung tâm GDNN-GDTX Dương Kinh answers of seed 003: 73 and 79.
const SEED003 = {
	'1.3a': 6, '1.3b': 6, '1.3c': 6, '1.3d': 3, '1.3e': 0, '1.4': 10,
	'1.5a': 12, '1.5b': 0, '1.6a': 7, '1.6b': 7, '1.6c': 6, '1.7a': 5,
	'1.7b': 5, '1.7c': 0, '2.3a': 5, '2.3b': 6, '2.3c': 20, '2.3d': 6,
	'2.3e': 10, '2.3f': 10, '2.3g': 6, '2.3h': 6, '2.4a': 6, '2.4b': 0,
	'2.4c': 4,
};
const GATES = ['1.1', '1.2', '2.1', '2.2'];

let srv, browser, school, page;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
	school = schoolIn(srv.db, '31DK', 'draft');
	assert.ok(school, 'the demo has a draft school under Phòng Dương Kinh');
});

async function published() {
	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/1`);
	const total = await rev.locator('tr.group td').allTextContents();
	await rev.context().close();
	return total;
}

test('school fills the form and sees the live score', async () => {
	page = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	await page.goto(`${srv.base}/campaigns/1`); // a school lands on its own form
	assert.match(page.url(), new RegExp(`/units/${school}$`));
	for (const g of GATES)
		await page.check(`input[name="v:${g}"][value="1"]`);
	for (const [id, v] of Object.entries(SEED003))
		await page.fill(`input[name="v:${id}"]`, String(v));
	await page.fill('textarea[name="n:1.4"]', 'Số lượng học liệu: 42');
	await page.locator('#score').getByText('73/100 điểm — Mức độ 2').waitFor();
	await page.locator('#score').getByText('79/100 điểm — Mức độ 3').waitFor();
	await shot(page, '1-school-live-score');
	await page.fill('input[name="v:1.4"]', '11');
	// Refused at the field itself, not in a line far from it.
	await page.locator('[id="e-1.4"]').getByText('vượt quá điểm tối đa 10').waitFor();
	assert.equal(await page.getAttribute('[id="f-1.4"]', 'aria-invalid'), 'true');
	await page.fill('input[name="v:1.4"]', '10');
	await page.click('button:text-is("Lưu bản nháp")');
	await page.getByText('Đã lưu bản nháp.').waitFor();
	assert.equal(await page.inputValue('textarea[name="n:1.4"]'), 'Số lượng học liệu: 42');
	// Evidence for criterion 1.3: a PDF, attached from the form.
	await page.setInputFiles('input[name="file:1.3"]', {
		name: 'Kế hoạch dạy học trực tuyến.pdf', mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
	});
	await page.click('button[name="attach"][value="file:1.3"]');
	await page.getByText('Đã gắn minh chứng.').waitFor();
	await page.getByRole('link', { name: 'Kế hoạch dạy học trực tuyến.pdf' }).waitFor();
	await shot(page, '1b-evidence');
});

test('the head submits after seeing the final scores', async () => {
	const head = await signIn(browser, srv.base, `ht.${school.toLowerCase()}`);
	await head.goto(`${srv.base}/campaigns/1/units/${school}`);
	await head.click('button:has-text("Lưu và nộp")');
	await head.getByText('Xác nhận nộp bản tự đánh giá').waitFor();
	await head.getByText('73/100 điểm').waitFor();
	await shot(head, '2-confirm-submit');
	await head.click('button:text-is("Xác nhận nộp")');
	await head.getByText('Đã nộp bản tự đánh giá.').waitFor();
	await head.context().close();
});

test('the Phòng returns it with a reason for criterion 1.3', async () => {
	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/1/units/${school}`);
	await rev.fill('textarea[name="r:1.3"]', 'Bổ sung đường link hệ thống LMS');
	await shot(rev, '3-reviewer-return');
	// One decision form: the scores, then what to do with them.
	await rev.check('input[name="decision"][value="return"]');
	await rev.locator('#decision-choice').scrollIntoViewIfNeeded();
	await shot(rev, '3b-reviewer-decision');
	await rev.setViewportSize({ width: 390, height: 844 });
	await shot(rev, '3b-reviewer-decision-phone');
	await rev.setViewportSize({ width: 1280, height: 900 });
	await rev.click('button:text-is("Tiếp tục")');
	await rev.getByText('Trả lại (yêu cầu bổ sung)').first().waitFor();
	await rev.context().close();
});

test('the school sees the reason, fixes and resubmits', async () => {
	await page.goto(`${srv.base}/campaigns/1/units/${school}`);
	await page.getByText('Bổ sung đường link hệ thống LMS').waitFor();
	await shot(page, '4-school-sees-reason');
	await page.fill('textarea[name="n:1.3a"]', 'https://lms.example/truong');
	await page.click('button:text-is("Lưu bản nháp")');
	await page.getByText('Đã lưu bản nháp.').waitFor();
	const head = await signIn(browser, srv.base, `ht.${school.toLowerCase()}`);
	await head.goto(`${srv.base}/campaigns/1/units/${school}`);
	await head.click('button:has-text("Lưu và nộp")');
	await head.click('button:text-is("Xác nhận nộp")');
	await head.getByText('Phiên bản 2').waitFor();
	await head.context().close();
});

test('the Phòng approves and the dashboard counts change', async () => {
	const beforeRow = await published();
	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/1/units/${school}`);
	await rev.check('input[name="decision"][value="approve"]');
	await rev.click('button:text-is("Tiếp tục")');
	await rev.getByText('Kết quả sau đánh giá ngoài').waitFor();
	await shot(rev, '5a-confirm-approve');
	await rev.click('button:text-is("Xác nhận phê duyệt")');
	await rev.getByText('Đã phê duyệt').first().waitFor();
	await rev.goto(`${srv.base}/campaigns/1`);
	await shot(rev, '5-dashboard');
	await rev.context().close();
	const afterRow = await published();
	assert.notDeepEqual(afterRow, beforeRow);
});

test('the school types its report and downloads it; the Phòng prints Phụ lục 3', async () => {
	const ed = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	await ed.goto(`${srv.base}/campaigns/1/units/${school}`);
	await ed.click('a:has-text("Báo cáo (DOCX, PDF, XLSX)")');
	await ed.fill('textarea[name="f:kho_khan"]', 'Thiếu phòng tin học.');
	await ed.fill('input[name="f:nguoi_ky"]', 'Nguyễn Văn Hiệu');
	await ed.click('button:text-is("Lưu nội dung báo cáo")');
	await ed.getByText('Đã lưu nội dung báo cáo.').waitFor();
	await shot(ed, '6-report-page');
	const [pdf] = await Promise.all([
		ed.waitForEvent('download'),
		ed.click('a.button:text-is("PDF")'),
	]);
	assert.match(pdf.suggestedFilename(), /^tu-danh-gia-dot1-.*\.pdf$/);
	const bytes = readFileSync(await pdf.path());
	assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
	await ed.context().close();

	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/1`);
	await rev.click('a:has-text("Báo cáo kết quả (Phụ lục 3)")');
	const charts = rev.locator('img.chart');
	await charts.first().waitFor();
	// Per criteria group, this year's: a ward has no earlier school year
	// (it took over from the Phòng on 1/7/2025), so no chart across years.
	assert.equal(await charts.count(), 2, 'one chart per criteria group');
	for (const img of await charts.all())
		assert.ok(await img.evaluate((i) => i.decode().then(() => i.naturalWidth > 0)),
			'the Phụ lục 3 chart is drawn');
	await shot(rev, '7-office-reports');
	const [xlsx] = await Promise.all([
		rev.waitForEvent('download'),
		rev.click('a.button:text-is("XLSX") >> nth=0'),
	]);
	assert.match(xlsx.suggestedFilename(), /^phu-luc-3-dot1-31DK\.xlsx$/);
	await rev.context().close();
});
