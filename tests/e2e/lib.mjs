// Shared by the end-to-end tests: start `truongso serve` on a fresh demo
// database and drive Debian's Chromium with playwright-core (no browser
// download: executablePath points at /usr/bin/chromium).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, openSync, closeSync } from 'node:fs';
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
	const port = 30000 + Math.floor(Math.random() * 20000);
	// The access log goes to a file: an unread pipe would fill up and
	// block the server.
	mkdirSync(SHOTS, { recursive: true });
	const log = openSync(join(SHOTS, 'server.log'), 'w');
	const proc = spawn(BIN, ['--db', db, 'serve', '--port', String(port)],
		{ cwd: ROOT, stdio: ['ignore', log, log] });
	closeSync(log);
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		try {
			const r = await fetch(`${base}/healthz`);
			if (r.ok) break;
		} catch { /* not up yet */ }
		await new Promise((ok) => setTimeout(ok, 100));
	}
	return {
		base, db,
		async stop() {
			proc.kill('SIGTERM');
			await new Promise((ok) => proc.on('exit', ok));
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
