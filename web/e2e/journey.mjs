// The web application as a person uses it, in a real Chromium (Debian's, driven by playwright-core), against a
// running platform: node e2e/journey.mjs https://localhost:PORT [SCREENSHOT_DIR]
// Sign up (the recovery code, once) -> the empty dashboard -> a paper account into the vault -> a new bot from
// the page (the reference strategy; bad JSON refused first) -> a bot made through the API appears without a reload -> start it (a wrong password first) ->
// running -> its page: trades, equity and price charts -> stop it there -> change its parameters -> the
// portfolio -> another bot deleted -> another person's bot is not found ->
// a reload keeps the session -> sign out (a reload stays out) -> a wrong password said in plain words -> sign
// in -> the dashboard -> a new name, a password change, recovery with the code, the account deleted (asked
// twice) -> the session cookie gone, the next load asks to sign in; no token in storage, no
// Content-Security-Policy violation. Prints what it measured; exits non-zero on the first failure.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

const base = process.argv[2];
const shots = process.argv[3];
assert.ok(base, 'usage: node e2e/journey.mjs BASE_URL [SCREENSHOT_DIR]');
if (shots) mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const violations = [];
const step = (what) => console.log(`journey: ${what}`);
const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1100, height: 700 } });
const page = await context.newPage();
try {
  page.setDefaultTimeout(15000);
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));

  const email = `web-${Date.now()}@example.org`;
  const password = 'a long web passphrase';

  step('a first visit is sent to sign in');
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Sign in to Knag' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/signin');
  if (shots) await page.screenshot({ path: `${shots}/sign-in.png` });

  step('sign up');
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('Your name').fill('Wendy Web');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();

  step('the recovery code is shown once, and going on needs "I have saved it"');
  await page.getByRole('heading', { name: 'Save your recovery code' }).waitFor();
  const code = (await page.getByLabel('Your recovery code').textContent())?.trim();
  assert.match(code ?? '', /\S{16,}/, 'a recovery code is shown');
  assert.equal(await page.getByRole('link', { name: 'Continue to my bots' }).count(), 0);
  if (shots) await page.screenshot({ path: `${shots}/recovery-code.png` });
  await page.getByLabel('I have saved my recovery code').check();
  await page.getByRole('link', { name: 'Continue to my bots' }).click();

  step('the dashboard, empty');
  await page.getByRole('heading', { name: 'Your bots' }).waitFor();
  await page.getByText('No bots yet').waitFor();

  step('a paper account, its key straight into the vault');
  await page.getByRole('link', { name: 'Vault' }).click();
  await page.getByRole('heading', { name: 'Your vault' }).waitFor();
  await page.getByText('No keys in your vault yet.').waitFor();
  const paperForm = page.getByRole('region', { name: 'Add a paper account' });
  await paperForm.getByLabel('Label').fill('practice');
  await paperForm.getByLabel('Starting balance (USDT)').fill('10000');
  await paperForm.getByRole('button', { name: 'Add paper account' }).click();
  await page.getByRole('status').filter({ hasText: 'is in your vault' }).waitFor();
  await page.getByRole('cell', { name: 'paper', exact: true }).waitFor();
  assert.ok(!(await page.locator('body').innerText()).match(/apiSecret|secret shown/i), 'no secret on the page');

  step("another broker's key with the fields it needs; a key that can withdraw refused in words; a key deleted");
  const api = context.request;
  const login = await (await api.post(`${base}/api/v1/auth/login`, { data: { email, password } })).json();
  const auth = { Authorization: `Bearer ${login.accessToken}` };
  const vault = page.getByRole('region', { name: 'Add a broker key' });
  await vault.getByLabel('Broker').selectOption('alpaca');
  await vault.getByLabel('Label').fill('alpaca demo');
  await vault.getByLabel('keyId').fill('AK-DEMO');
  await vault.getByLabel('secretKey').fill('SK-DEMO');
  await vault.getByRole('button', { name: 'Add credential' }).click();
  await page.getByRole('cell', { name: 'alpaca demo', exact: true }).waitFor();
  const risky = await (await api.post(`${base}/api/v1/paper/accounts`, { headers: auth,
    data: { label: 'risky', balances: { USDT: '100' }, permissions: ['trade', 'withdraw'] } })).json();
  await vault.getByLabel('Broker').selectOption('paper');
  await vault.getByLabel('Label').fill('risky');
  await vault.getByLabel('apiKey').fill(risky.apiKey);
  await vault.getByLabel('apiSecret').fill(risky.apiSecret);
  await vault.getByRole('button', { name: 'Add credential' }).click();
  const withdraw = vault.getByRole('alert');
  await withdraw.waitFor();
  assert.match((await withdraw.textContent()) ?? '', /withdraw/i, 'the probe\'s refusal says why');
  assert.equal(await page.getByRole('cell', { name: 'risky', exact: true }).count(), 0, 'nothing stored');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete alpaca demo' }).click();
  await page.getByRole('cell', { name: 'alpaca demo', exact: true }).waitFor({ state: 'detached' });
  if (shots) await page.screenshot({ path: `${shots}/vault.png`, fullPage: true });

  step('a new bot from the page: the reference strategy on the paper key');
  await page.getByRole('link', { name: 'Bots' }).click();
  await page.getByRole('heading', { name: 'Your bots' }).waitFor();
  await page.getByRole('button', { name: 'New bot' }).click();
  await page.getByLabel('Name').fill('grid');
  await page.getByLabel('Image').selectOption('knag/reference-bot');
  assert.match(await page.getByLabel('Key from your vault').inputValue(), /[0-9a-f-]{36}/, 'the paper key is offered');
  assert.match(await page.getByLabel('Parameters (JSON)').inputValue(), /"slow": 21/, "the reference bot's example");
  await page.getByLabel('Parameters (JSON)').fill('{"symbol": "BTCUSDT", "fast": 2, "slow": 5, "interval": "1s",');
  await page.getByRole('button', { name: 'Create bot' }).click();
  await page.getByRole('region', { name: 'New bot' }).getByRole('alert').filter({ hasText: 'not JSON' }).waitFor();
  // The quick crossover on one-second candles (bot-images/reference-bot/README.md): trades within a minute.
  await page.getByLabel('Parameters (JSON)').fill(JSON.stringify({ symbol: 'BTCUSDT', fast: 2, slow: 5, interval: '1s',
    quoteFraction: 0.2, stopLossPct: 0.5, takeProfitPct: 5 }));
  if (shots) await page.screenshot({ path: `${shots}/new-bot.png` });
  await page.getByRole('button', { name: 'Create bot' }).click();
  await page.getByRole('cell', { name: 'grid', exact: true }).waitFor();
  await page.getByText('Not started').waitFor();

  step('a bot made through the API appears without a reload');
  const keys = await (await api.get(`${base}/api/v1/vault/credentials`, { headers: auth })).json();
  assert.equal(keys.length, 1, 'the paper key is the only one in the vault');
  const idle = await api.post(`${base}/api/v1/bots`, {
    headers: auth, data: { name: 'idle', image: 'knag/heartbeat-bot', credentialId: keys[0].id },
  });
  assert.equal(idle.status(), 201, await idle.text());
  await page.getByRole('cell', { name: 'idle', exact: true }).waitFor({ timeout: 12000 });

  step('start with a wrong password: said in the start panel, nothing started');
  await page.getByRole('button', { name: 'Start grid' }).click();
  await page.getByLabel('Your password').fill('not the passphrase');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const refusal = page.getByRole('region', { name: 'Start grid' }).getByRole('alert');
  await refusal.waitFor();
  assert.ok(!((await refusal.textContent()) ?? '{').includes('{'), 'a readable refusal');
  assert.equal(await page.getByLabel('Your password').inputValue(), '', 'the password does not stay in the page');

  step('start with the password: running');
  await page.getByLabel('Your password').fill(password);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByText('Running', { exact: true }).waitFor({ timeout: 30000 });
  if (shots) await page.screenshot({ path: `${shots}/bots.png` });

  step("the bot's page: its trades (the exchange's), its equity, its market with the trades on it");
  await page.getByRole('link', { name: 'grid' }).click();
  await page.getByRole('heading', { name: 'grid', exact: true }).waitFor();
  const tradesSeen = performance.now();
  await page.getByRole('cell', { name: 'the exchange' }).first().waitFor({ timeout: 90000 });
  const firstTradeAfter = performance.now() - tradesSeen;
  await page.getByRole('img', { name: 'Equity of grid over time' }).locator('canvas').first().waitFor({ timeout: 60000 });
  await page.getByRole('img', { name: /Price of BTCUSDT/ }).locator('canvas').first().waitFor();
  await page.getByRole('heading', { name: 'Log' }).waitFor();
  if (shots) await page.screenshot({ path: `${shots}/bot.png`, fullPage: true });

  step("stop it from its page");
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.getByText('Stopped', { exact: true }).first().waitFor({ timeout: 30000 });
  console.log(`journey: the first trade on the bot's page ${Math.round(firstTradeAfter / 1000)} s after opening it`);

  step('a stopped bot changed from its page: its parameters, checked like a new bot');
  await page.getByRole('button', { name: 'Change' }).click();
  const edit = page.getByRole('region', { name: 'Change grid' });
  await edit.getByLabel('Parameters (JSON)').fill('{"fast": 3,');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await edit.getByRole('alert').filter({ hasText: 'not JSON' }).waitFor();
  await edit.getByLabel('Parameters (JSON)').fill(JSON.stringify({ symbol: 'BTCUSDT', fast: 3, slow: 5, interval: '1s',
    quoteFraction: 0.2, stopLossPct: 0.5, takeProfitPct: 5 }));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await edit.waitFor({ state: 'detached' });
  const gridId = new URL(page.url()).pathname.split('/').pop();
  const changed = await (await api.get(`${base}/api/v1/bots/${gridId}`, { headers: auth })).json();
  assert.equal(changed.params.fast, 3, 'the change is stored');

  step('the portfolio: totals, one equity curve over all bots, the paper balances per asset');
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await page.getByRole('heading', { name: 'Your portfolio' }).waitFor();
  await page.getByRole('img', { name: 'The equity of all your bots together over time' }).locator('canvas').first().waitFor();
  await page.getByRole('cell', { name: 'USDT', exact: true }).waitFor();
  await page.getByRole('link', { name: 'grid' }).waitFor();
  if (shots) await page.screenshot({ path: `${shots}/portfolio.png`, fullPage: true });

  step('a bot deleted from its page, after asking');
  await page.getByRole('link', { name: 'idle' }).click();
  await page.getByRole('heading', { name: 'idle', exact: true }).waitFor();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('heading', { name: 'Your bots' }).waitFor();
  await page.getByRole('cell', { name: 'grid', exact: true }).waitFor();
  assert.equal(await page.getByRole('cell', { name: 'idle', exact: true }).count(), 0, 'the deleted bot is gone');

  step("another person's bot is not found, in words");
  await api.post(`${base}/api/v1/auth/register`, {
    data: { email: `other-${email}`, password, displayName: 'Other' } });
  const other = await (await api.post(`${base}/api/v1/auth/login`, { data: { email: `other-${email}`, password } })).json();
  const otherAuth = { Authorization: `Bearer ${other.accessToken}` };
  const paper = await (await api.post(`${base}/api/v1/paper/accounts`, { headers: otherAuth,
    data: { label: 'theirs', balances: { USDT: '100' } } })).json();
  const theirKey = await (await api.post(`${base}/api/v1/vault/credentials`, { headers: otherAuth,
    data: { broker: 'paper', label: 'theirs', secrets: { apiKey: paper.apiKey, apiSecret: paper.apiSecret } } })).json();
  const theirs = await (await api.post(`${base}/api/v1/bots`, { headers: otherAuth,
    data: { name: 'theirs', image: 'knag/heartbeat-bot', credentialId: theirKey.id } })).json();
  await page.evaluate((path) => {
    window.history.pushState({}, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, `/bots/${theirs.id}`);
  const notFound = page.getByRole('alert');
  await notFound.waitFor();
  assert.match((await notFound.textContent()) ?? '', /not|no such/i);
  assert.equal(await page.getByRole('heading', { name: 'theirs' }).count(), 0, "nothing of the other person's bot");
  await page.getByRole('link', { name: 'All your bots' }).click();
  await page.getByRole('heading', { name: 'Your bots' }).waitFor();

  step('a reload keeps the person signed in (the refresh token in its HttpOnly cookie)');
  await page.reload();
  await page.getByRole('heading', { name: 'Your bots' }).waitFor();
  await page.getByRole('cell', { name: 'grid', exact: true }).waitFor();
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === 'knag_refresh');
  assert.ok(session && session.httpOnly && session.secure && session.sameSite === 'Strict' && session.path === '/api/v1/auth',
    `the session cookie is HttpOnly, Secure, SameSite=Strict, for /api/v1/auth only: ${JSON.stringify(session)}`);

  step('nothing of the session is kept in storage');
  const stored = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
  assert.equal(stored, 0, 'no token in localStorage, sessionStorage or a script-readable cookie');

  step('sign out');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Knag' }).waitFor();

  step('signed out, a reload stays signed out');
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in to Knag' }).waitFor();

  step('a wrong password is said in plain words, next to the form');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const said = (await alert.textContent()) ?? '';
  assert.ok(said.length > 10 && !said.includes('{'), `a readable message, not JSON: ${said}`);
  if (shots) await page.screenshot({ path: `${shots}/wrong-password.png` });

  step('sign in again: the dashboard, timed');
  await page.getByLabel('Password').fill(password);
  const started = performance.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('cell', { name: 'grid', exact: true }).waitFor();
  const interactive = performance.now() - started;

  step('the account: a new display name');
  await page.getByRole('link', { name: /Your account/ }).click();
  await page.getByRole('heading', { name: 'Your account', exact: true }).waitFor();
  await page.getByLabel('Display name').fill('Wendy W');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.getByRole('link', { name: 'Your account (Wendy W)' }).waitFor();

  step('a password change: the current one checked, then sign in with the new one');
  await page.getByLabel('Current password').fill('not the passphrase');
  await page.getByLabel('New password').fill('a changed web passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('region', { name: 'Change your password' }).getByRole('alert').waitFor();
  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password').fill('a changed web passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a changed web passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your bots' }).waitFor();

  step('recovery with the recovery code: a new password, the vault kept, a new code shown once');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Recover your account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Recovery code').fill(code);
  await page.getByLabel('New password').fill('a recovered web passphrase');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await page.getByRole('heading', { name: 'Your password is set' }).waitFor();
  const newCode = (await page.getByLabel('Your new recovery code').textContent())?.trim();
  assert.ok(newCode && newCode !== code, 'a new recovery code');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a recovered web passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your bots' }).waitFor();
  await page.getByRole('link', { name: 'Vault' }).click();
  await page.getByRole('cell', { name: 'paper', exact: true }).waitFor();

  step('deleting the account asks twice, then nothing of it is left to sign in to');
  await page.getByRole('link', { name: /Your account/ }).click();
  await page.getByRole('region', { name: 'Delete your account' }).getByLabel('Your password').fill('a recovered web passphrase');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await page.getByText('Are you sure?').waitFor();
  await page.getByRole('button', { name: 'Yes, delete my account' }).click();
  await page.getByRole('status').filter({ hasText: 'deleted' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a recovered web passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();

  step('a session that is gone (its cookie cleared) asks to sign in again at the next load');
  await context.clearCookies();
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in to Knag' }).waitFor();

  step('another page of the platform is the application\'s own "nothing here"');
  await page.goto(`${base}/no/such/page`);
  await page.getByRole('heading', { name: 'There is nothing here' }).waitFor();

  assert.deepEqual(violations, [], 'no Content-Security-Policy violation and no script error');
  console.log(`journey: passed; sign-in to a dashboard with its bots: ${Math.round(interactive)} ms`);
} catch (error) {
  // What the person would have seen: the page's text and, with a screenshot directory, the page.
  console.error(`journey: FAILED at ${page.url()}; the page said: ${(await page.locator('body').innerText()).slice(0, 600)}`);
  if (violations.length > 0) console.error(`journey: violations: ${violations.join(' | ')}`);
  if (shots) await page.screenshot({ path: `${shots}/failure.png` });
  throw error;
} finally {
  await browser.close();
}
