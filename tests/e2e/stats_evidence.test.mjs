// Evidence on a statistics report in the browser (issue 15): the school
// types a value, attaches a file to the indicator from its form (the
// typed value is saved with it) and a link to the LMS's name; the page
// returns to the indicator with the file beside the value; the Phòng's
// reviewer sees both beside the values. Screenshots at 1280 and 390 px go
// to build/e2e-screenshots/stats-evidence-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoFixture, signIn, shot, SHOTS } from './lib.mjs';

let srv, browser, cid, school;
const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();

demoFixture(async (s, b) => {
	srv = s;
	browser = b;
	cid = sql(`SELECT id FROM campaign WHERE kind = 'thong-ke' AND
		school_year = '2025-2026'`);
	school = sql(`SELECT o.code FROM submission s JOIN org_unit o ON o.id =
		s.unit_id WHERE s.campaign_id = ${cid} AND s.state = 'draft' AND
		o.code LIKE '31DK%' ORDER BY o.code LIMIT 1`);
});

async function shots(page, name) {
	await shot(page, `stats-evidence-${name}`);
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `stats-evidence-${name}-phone`);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('the school attaches evidence to indicators, the reviewer sees it', async () => {
	const pdf = join(SHOTS, 'quyet-dinh-chu-ky-so.pdf');
	writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
	const page = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	await page.goto(`${srv.base}/campaigns/${cid}/units/${school}`);
	await page.getByRole('heading', { name: 'Kiểm tra số liệu' }).waitFor();
	const block = page.locator('#c-gv_chu_ky_so');
	await block.scrollIntoViewIfNeeded();
	await block.getByText('Gắn minh chứng').click();
	await page.locator('#ev-fact-gv_chu_ky_so').scrollIntoViewIfNeeded();
	await shots(page, 'open');
	// A value typed and not yet saved goes with the file.
	await page.fill('#f-gv_chu_ky_so', '7');
	await page.setInputFiles('#ev-file-gv_chu_ky_so', pdf);
	await block.getByRole('button', { name: /^Gắn tệp cho chỉ số/ }).click();
	await page.waitForURL(/ok=evidence&at=gv_chu_ky_so/);
	await page.getByText('Đã gắn minh chứng.').first().waitFor();
	await page.locator('#c-gv_chu_ky_so').getByRole('link',
		{ name: 'quyet-dinh-chu-ky-so.pdf' }).waitFor();
	assert.equal(await page.inputValue('#f-gv_chu_ky_so'), '7');
	// A link for the LMS's name.
	const lms = page.locator('#c-lms_ten');
	await lms.getByText('Gắn minh chứng').click();
	await page.fill('#ev-link-lms_ten', 'https://lms.truong.edu.vn/');
	await lms.getByRole('button', { name: /^Gắn đường link cho chỉ số/ }).click();
	await page.waitForURL(/at=lms_ten/);
	await page.locator('#c-lms_ten').getByRole('link',
		{ name: 'https://lms.truong.edu.vn/' }).waitFor();
	await page.locator('#c-gv_chu_ky_so').scrollIntoViewIfNeeded();
	await shots(page, 'school');
	const stored = sql(`SELECT l.criterion_id FROM evidence_link l JOIN
		submission s ON s.id = l.submission_id JOIN org_unit o ON o.id =
		s.unit_id WHERE s.campaign_id = ${cid} AND o.code = '${school}'
		ORDER BY 1`);
	assert.equal(stored, 'gv_chu_ky_so\nlms_ten');
	await page.context().close();

	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/${cid}/units/${school}`);
	const rb = rev.locator('#c-gv_chu_ky_so');
	await rb.getByText('7 giáo viên').waitFor();
	await rb.getByRole('link', { name: 'quyet-dinh-chu-ky-so.pdf' }).waitFor();
	assert.equal(await rev.getByRole('button', { name: /^Gắn tệp/ }).count(), 0);
	await rb.scrollIntoViewIfNeeded();
	await shots(rev, 'reviewer');
	await rev.context().close();
});
