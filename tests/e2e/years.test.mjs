// Year over year and the improvement plan (issue 16), as their users meet
// them in Chromium: a school's results across its four QĐ 4725 years with
// the chart and its numbers; the head plans next year's work after an
// approved result and the next year's form shows that plan beside the
// item; the Sở's dashboard shows Phụ lục 3 across years and the most
// common gaps. Screenshots (1280 and 390 px) go to
// build/e2e-screenshots/years-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { demoFixture, signIn, shot, axeFindings } from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

const sql = (q) => execFileSync('sqlite3', [srv.db, q]).toString().trim();
const yearOf = (y) => sql(`SELECT id FROM campaign WHERE rubric_id =
	'qd4725-2022-pt' AND kind = 'cds' AND school_year = '${y}'`);

async function phone(page, url, name) {
	const ctx = await browser.newContext({ locale: 'vi-VN',
		viewport: { width: 390, height: 844 },
		storageState: await page.context().storageState() });
	const m = await ctx.newPage();
	await m.goto(url);
	await shot(m, name);
	const wide = await m.evaluate(() =>
		document.documentElement.scrollWidth > window.innerWidth + 1);
	await ctx.close();
	return wide;
}

test('a school sees its results across years with the chart', async () => {
	// A demo school with a plan: approved in 2024-2025, a draft now.
	const code = sql(`SELECT DISTINCT o.code FROM improvement_plan p JOIN
		org_unit o ON o.id = p.unit_id WHERE o.code LIKE '31DK%'
		ORDER BY o.code LIMIT 1`);
	assert.ok(code);
	const page = await signIn(browser, srv.base, `cntt.${code.toLowerCase()}`);
	await page.goto(`${srv.base}/campaigns/1/units/${code}`);
	await page.getByRole('link', { name: 'Kết quả qua các năm học' }).click();
	const table = page.locator('#years');
	for (const y of ['2022-2023', '2023-2024', '2024-2025',
		'2025-2026 (Bản nháp)'])
		await table.getByRole('columnheader', { name: y, exact: true }).waitFor();
	// 2024-2025's group 1 as stored (reviewed points and level).
	const [pts, lv] = sql(`SELECT g.reviewed_points, g.reviewed_level FROM
		submission s JOIN org_unit o ON o.id = s.unit_id JOIN submission_score
		g ON g.submission_id = s.id WHERE o.code = '${code}' AND
		s.campaign_id = ${yearOf('2024-2025')} AND g.grp = 0`).split('|');
	const cell = table.locator('tr.group').first().locator('td').nth(3);
	assert.equal(await cell.textContent(),
		`${(Number(pts) / 100).toString().replace('.', ',')} điểm, Mức độ ${lv}`);
	const img = page.locator('figure.chart img');
	await img.scrollIntoViewIfNeeded();
	assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0));
	await page.locator('table.chart-data').getByRole('rowheader',
		{ name: '2022-2023' }).waitFor();
	assert.deepEqual(await axeFindings(page), []);
	await shot(page, 'years-school');
	await page.locator('#years').scrollIntoViewIfNeeded();
	await shot(page, 'years-school-table');
	assert.equal(await phone(page, page.url(), 'years-school-390'), false);
});

test('the head plans next year; the next form shows the plan', async () => {
	const code = sql(`SELECT o.code FROM submission s JOIN org_unit o ON
		o.id = s.unit_id WHERE s.campaign_id = ${yearOf('2024-2025')} AND
		s.state IN ('approved', 'published') AND o.code IN (SELECT o2.code FROM submission s2 JOIN org_unit o2 ON
		o2.id = s2.unit_id WHERE s2.campaign_id = 1 AND s2.state = 'draft')
		AND s.unit_id NOT IN (SELECT unit_id FROM improvement_plan)
		AND EXISTS (SELECT 1 FROM submission_score g WHERE g.submission_id
		= s.id AND g.reviewed_level < 3)
		ORDER BY o.code LIMIT 1`);
	assert.ok(code);
	const last = yearOf('2024-2025');
	const page = await signIn(browser, srv.base, `ht.${code.toLowerCase()}`);
	await page.goto(`${srv.base}/campaigns/${last}/units/${code}`);
	await page.getByRole('link', { name: 'Kế hoạch cải thiện năm học sau' }).click();
	const first = page.locator('#plan input[type=checkbox]').first();
	const item = await first.getAttribute('value');
	await first.check();
	await page.fill(`#n-${item.replace('.', '\\.')}`, 'Tập huấn giáo viên trong học kỳ I');
	assert.deepEqual(await axeFindings(page), []);
	await shot(page, 'years-plan-form');
	assert.equal(await phone(page, page.url(), 'years-plan-form-390'), false);
	await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
	await page.getByText('Đã lưu kế hoạch cải thiện.').waitFor();
	assert.equal(sql(`SELECT p.note FROM improvement_plan p JOIN org_unit o
		ON o.id = p.unit_id WHERE o.code = '${code}' AND p.item_id =
		'${item}'`), 'Tập huấn giáo viên trong học kỳ I');
	await page.goto(`${srv.base}/campaigns/1/units/${code}`);
	const note = page.locator('p.plan-prev').first();
	await note.waitFor();
	assert.equal(await note.textContent(),
		'Kế hoạch năm trước (2024-2025): Tập huấn giáo viên trong học kỳ I');
	await note.scrollIntoViewIfNeeded();
	assert.deepEqual(await axeFindings(page), []);
	await shot(page, 'years-plan-next-form');
	assert.equal(await phone(page, `${page.url()}#${await note.evaluate(
		(n) => n.closest('[id]')?.id ?? '')}`, 'years-plan-next-form-390'), false);
});

test('the Sở sees Phụ lục 3 across years and the common gaps', async () => {
	const page = await signIn(browser, srv.base, 'cv.so');
	await page.goto(`${srv.base}/campaigns/1`);
	const sec = page.locator('#qua-cac-nam');
	await sec.getByRole('rowheader', { name: '2022-2023' }).first().waitFor();
	const n = sql(`SELECT count(*) FROM submission WHERE campaign_id =
		${yearOf('2022-2023')} AND state IN ('approved', 'published')`);
	await sec.getByText(`Tổng số (${n} CSGD)`).first().waitFor();
	await sec.scrollIntoViewIfNeeded();
	await shot(page, 'years-office');
	const img = sec.locator('figure.chart img').first();
	await img.scrollIntoViewIfNeeded();
	assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0));
	await shot(page, 'years-office-chart');
	await page.goto(`${srv.base}/campaigns/${yearOf('2024-2025')}`);
	await page.locator('#thieu-nhieu').scrollIntoViewIfNeeded();
	assert.deepEqual(await axeFindings(page), []);
	await shot(page, 'years-gaps');
	assert.equal(await phone(page, `${srv.base}/campaigns/1#qua-cac-nam`,
		'years-office-390'), false);
});
