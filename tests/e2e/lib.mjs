// Shared by the end-to-end tests: start `truongso serve` on a fresh demo
// database and drive Debian's Chromium with playwright-core (no browser
// download: executablePath points at /usr/bin/chromium).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = process.env.TRUONGSO_BIN || join(ROOT, 'build/truongso');
export const SHOTS = join(ROOT, 'build/e2e-screenshots');

export async function startServer() {
	const dir = mkdtempSync(join(tmpdir(), 'truongso-e2e-'));
	const db = join(dir, 'e2e.db');
	execFileSync(BIN, ['--db', db, 'demo'], { cwd: ROOT });
	// Port 0: the kernel picks a free port, the server prints it.
	mkdirSync(SHOTS, { recursive: true });
	const logPath = join(SHOTS, 'server.log');
	const log = openSync(logPath, 'w');
	const proc = spawn(BIN, ['--db', db, 'serve', '--port', '0'],
		{ cwd: ROOT, stdio: ['ignore', log, log] });
	closeSync(log);
	// Waits for that line as long as the server runs (a busy machine can
	// be slow to start it; 2 minutes at most).
	const exited = new Promise((ok) => proc.on('exit', ok));
	let base = null;
	for (let i = 0; i < 1200 && !base && proc.exitCode === null &&
	     proc.signalCode === null; i++) {
		await new Promise((ok) => setTimeout(ok, 100));
		const m = readFileSync(logPath, 'utf8').match(/listening on (http:\/\/[0-9.:]+)/);
		if (m) base = m[1];
	}
	if (!base) {
		proc.kill('SIGKILL');
		throw new Error('server did not start: ' + readFileSync(logPath, 'utf8'));
	}
	return {
		base, db,
		// The exit listener is attached at spawn, so an exit that
		// happened before stop() is not waited for forever.
		async stop() {
			proc.kill('SIGTERM');
			await exited;
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

export async function launch() {
	mkdirSync(SHOTS, { recursive: true });
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
			'--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync'],
	});
}

export async function signIn(browser, base, login) {
	const ctx = await browser.newContext({ locale: 'vi-VN',
		viewport: { width: 1280, height: 900 } });
	// Playwright's default 30 s per wait is short on a machine busy with
	// other tests; each wait still ends by itself.
	ctx.setDefaultTimeout(120000);
	const page = await ctx.newPage();
	await page.goto(`${base}/login`);
	await page.fill('#login', login);
	await page.fill('#password', 'truongso-demo');
	await page.click('button[type=submit]');
	await page.waitForURL(/\/campaigns/);
	return page;
}

export function shot(page, name) {
	return page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

// A school of the demo in a given state (campaign 1), by sqlite3.
export function schoolIn(db, prefix, state) {
	return execFileSync('sqlite3', [db, `SELECT o.code FROM submission s JOIN
		org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code
		LIKE '${prefix}%' AND s.state = '${state}' ORDER BY o.code LIMIT 1`])
		.toString().trim();
}

// What a unit's submission of campaign 1 stores for item id: its value,
// or its note (what = 'note'), by sqlite3.
export function storedAnswer(db, code, id, what = 'value') {
	return execFileSync('sqlite3', [db, `SELECT json_extract(s.answers,
		'$.answers."${id}".${what}') FROM submission s JOIN org_unit o ON
		o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '${code}'`])
		.toString().trim();
}

// Back to url after a session ended: the "Đăng nhập lại" link of where
// (the page, or the bar that says so), then the sign-in form as login.
export async function signInAgain(page, where, login, url) {
	await where.getByRole('link', { name: 'Đăng nhập lại' }).click();
	await page.fill('#login', login);
	await page.fill('#password', 'truongso-demo');
	await page.click('button[type=submit]');
	await page.waitForURL(url);
}

// The same in another campaign (the demo's 2: mầm non, 3: CNTT).
export function schoolInCampaign(db, campaign, prefix, state) {
	return execFileSync('sqlite3', [db, `SELECT o.code FROM submission s JOIN
		org_unit o ON o.id = s.unit_id WHERE s.campaign_id = ${Number(campaign)}
		AND o.code LIKE '${prefix}%' AND s.state = '${state}' ORDER BY o.code
		LIMIT 1`]).toString().trim();
}

// axe-core's WCAG 2.2 AA findings on the page as it is now, one line each
// (the same rules as a11y.test.mjs), for tests of single pages.
export async function axeFindings(page) {
	const { readFileSync } = await import('node:fs');
	const { createRequire } = await import('node:module');
	if (!(await page.evaluate(() => typeof window.axe === 'object')))
		await page.evaluate(readFileSync(createRequire(import.meta.url)
			.resolve('axe-core/axe.min.js'), 'utf8'));
	const res = await page.evaluate(() => window.axe.run(document,
		{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',
			'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] }));
	return res.violations.map((v) => `${v.id}: ${v.help} — ` +
		v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
}

// One demo server and one browser for a test file: started before its
// tests, stopped after them, the set-up every file used to write out. Call
// it at the file's top level; ready(srv, browser) runs once both are up,
// for the file to keep them and do the rest of its own set-up. (An import
// may stand here: ES modules hoist it.)
import { before as beforeAll, after as afterAll } from 'node:test';

export function demoFixture(ready) {
	let srv, browser;
	beforeAll(async () => {
		srv = await startServer();
		browser = await launch();
		await ready(srv, browser);
	});
	afterAll(async () => {
		await browser?.close();
		await srv?.stop();
	});
}

// Screenshots NAME-1280 and NAME-390 of the page as it is (the phone one
// at 390 × 844); true when the page scrolls sideways at 390 px. The page
// is left at 1280 × 900.
export async function shotsWideNarrow(page, name) {
	await page.setViewportSize({ width: 1280, height: 900 });
	await shot(page, `${name}-1280`);
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `${name}-390`);
	const wide = await page.evaluate(() =>
		document.documentElement.scrollWidth > window.innerWidth + 1);
	await page.setViewportSize({ width: 1280, height: 900 });
	return wide;
}
