// Screenshots of the main pages, for a person to look at.
import { startServer, launch, signIn, shot, schoolIn } from './lib.mjs';

const srv = await startServer();
const browser = await launch();
try {
	const school = schoolIn(srv.db, '31DK', 'returned');
	let page = await (await browser.newContext()).newPage();
	await page.goto(`${srv.base}/login`);
	await shot(page, 'login');
	page = await signIn(browser, srv.base, `cntt.${school.toLowerCase()}`);
	await page.goto(`${srv.base}/campaigns/1/units/${school}`);
	await shot(page, 'school-form');
	const rev = await signIn(browser, srv.base, 'cv.dk');
	await rev.goto(`${srv.base}/campaigns/1`);
	await shot(rev, 'dashboard');
	const mobile = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const m = await mobile.newPage();
	await m.goto(`${srv.base}/login`);
	await shot(m, 'login-phone');
} finally {
	await browser.close();
	await srv.stop();
}
