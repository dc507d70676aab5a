// The school's statistics form after its weight was cut (issue 17 loose
// end, docs/performance.md "The school's statistics form"): each evidence
// control of an indicator is still named, in Chromium's accessibility
// tree, by its words and the indicator's label — now through
// aria-labelledby instead of six copies of the label — and axe finds
// nothing on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { demoFixture, signIn, axeFindings } from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();

test('the evidence controls keep their names', async () => {
	const cid = sql(`SELECT id FROM campaign WHERE kind = 'thong-ke' AND
		school_year = '2025-2026'`);
	const school = sql(`SELECT o.code FROM submission s JOIN org_unit o ON
		o.id = s.unit_id WHERE s.campaign_id = ${cid} AND s.state = 'draft'
		AND o.code LIKE '31DK%' ORDER BY o.code LIMIT 1`);
	const page = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	await page.goto(`${srv.base}/campaigns/${cid}/units/${school}`);
	const block = page.locator('#c-cbgv_tong');
	await block.getByText('Gắn minh chứng').click();
	const label = 'Tổng số cán bộ, giáo viên';
	for (const [role, name] of [
		['button', `Gắn tệp cho chỉ số: ${label}`],
		['button', `Gắn đường link cho chỉ số: ${label}`],
		['button', `Ghi dữ kiện cho chỉ số: ${label}`],
		['textbox', `Đường link minh chứng chỉ số: ${label}`],
		['textbox', `Dữ kiện minh chứng chỉ số: ${label}`],
	])
		assert.equal(await block.getByRole(role, { name, exact: true }).count(),
			1, `${role} "${name}"`);
	// A file input has no role of its own: its computed name, as a
	// screen reader gets it.
	const file = await page.locator('#ev-file-cbgv_tong').evaluate((el) =>
		el.labels.length === 0 && el.getAttribute('aria-labelledby')
			.split(' ').map((id) => document.getElementById(id)
				.textContent).join(' '));
	assert.equal(file, `Tệp minh chứng chỉ số: ${label}`);
	// The value's own label is unchanged ("*": required).
	assert.equal(await page.getByLabel(`${label} *`, { exact: true }).count(), 1);
	assert.deepEqual(await axeFindings(page), []);
	await page.context().close();
});
