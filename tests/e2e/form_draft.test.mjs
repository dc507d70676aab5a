// A draft never passes for a result on the form (issue 18 item 6): the
// sticky bar and the group headings of a draft with open items say how
// many items are answered and "tạm tính" for the points, never a level;
// typing an answer updates them live (the server's fragments, scored by
// the reports' code), still with no level while items are open.
// Screenshots (1280 and 390 px) go to build/e2e-screenshots/draft-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoFixture, signIn, schoolIn, shotsWideNarrow as both } from './lib.mjs';

let srv, browser;
demoFixture(async (s, b) => {
	srv = s;
	browser = b;
});

// "Đã trả lời 17/29 nội dung · …": the count of answered items.
const answered = (text) => Number(/Đã trả lời (\d+)\//.exec(text)?.[1]);

test('a draft shows what is answered and tentative points, no level', async () => {
	const school = schoolIn(srv.db, '31DK', 'draft');
	const page = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	await page.goto(`${srv.base}/campaigns/1/units/${school}`);
	const bar = page.locator('#bar-score');
	const saved = await bar.textContent();
	assert.match(saved, /^Đã trả lời \d+\/\d+ nội dung · Nhóm 1: /);
	assert.match(saved, /tạm tính/);
	assert.doesNotMatch(saved, /Mức độ/);
	assert.doesNotMatch(await page.locator('#gs-1').textContent(), /Mức độ/);
	assert.match(await page.locator('#gs-1').textContent(), /chưa xác định mức độ/);
	assert.equal(await both(page, 'draft-1-bar'), false, 'no sideways scroll at 390 px');

	// An unanswered item typed: the bar counts it (live preview), and
	// still says no level.
	const open = await page.locator('input[type=text][name^="v:"]').evaluateAll(
		(els) => els.filter((e) => e.value === '' && !e.readOnly).map((e) => e.name));
	assert.ok(open.length > 0, 'the draft has an open item');
	await page.fill(`input[name="${open[0]}"]`, '1');
	await page.locator('#bar-score', { hasText: /điểm theo nội dung đang nhập/ }).waitFor();
	const live = await page.locator('#bar-score').textContent();
	assert.equal(answered(live), answered(saved) + 1);
	assert.doesNotMatch(live, /Mức độ/);
	assert.equal(await both(page, 'draft-2-typed'), false, 'no sideways scroll at 390 px');
	await page.context().close();
});
