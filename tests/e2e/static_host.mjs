// Serves a release build from a plain static file server under a sub-path and drives it in
// Debian's Chromium, as a reader on a static host would use it.
//
//   node tests/e2e/static_host.mjs SITE_ROOT
//
// SITE_ROOT holds `parallax/` (built with `trunk build --release --public-url /parallax/`). The
// server knows nothing of the app: files only, no fallback to index.html, so any asset the build
// addresses outside /parallax/ fails the check. Screenshots go to target/screenshots/.
import { createServer } from "node:http";
import { readFile, stat, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const root = process.argv[2];
if (!root) {
  console.error("usage: node tests/e2e/static_host.mjs SITE_ROOT");
  process.exit(2);
}
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
};
const WT_TITLE =
  "Chile’s far-right president-elect visits El Salvador mega-prison, plans to talk security with Bukele";
const shots = "target/screenshots";
await mkdir(shots, { recursive: true });

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  let file = join(root, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/parallax/`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e.message ?? e).split("\n").join("\n     ")}`);
  }
}

const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
const problems = [];
page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
page.on("request", (r) => {
  const url = new URL(r.url());
  if (url.origin === new URL(base).origin && !url.pathname.startsWith("/parallax/")) {
    problems.push(`request outside the sub-path: ${url.pathname}`);
  }
});

await check("the list renders under /parallax/", async () => {
  await page.goto(base);
  await page.locator(".article-card h2 a").first().waitFor({ timeout: 15000 });
  assert.equal(await page.locator(".article-card").count(), 2);
  await page.screenshot({ path: `${shots}/list.png`, fullPage: true });
});

await check("a title opens the article by keyboard", async () => {
  await page.getByRole("link", { name: WT_TITLE }).focus();
  await page.keyboard.press("Enter");
  await page.locator("article.reading h1").filter({ hasText: WT_TITLE }).waitFor({ timeout: 5000 });
  assert.match(page.url(), /\/parallax\/#\/article\/[a-z0-9-]+$/);
});

await check("reload keeps the article", async () => {
  await page.reload();
  await page.locator("article.reading h1").filter({ hasText: WT_TITLE }).waitFor({ timeout: 15000 });
  await page.locator("details.removed summary").click();
  await page.screenshot({ path: `${shots}/article.png`, fullPage: true });
});

await check("typing a query marks hits and keeps them in the article", async () => {
  await page.goto(base);
  await page.getByLabel("Search articles").fill("bukele prison");
  await page.locator(".result-summary .count").filter({ hasText: "match “bukele prison”" }).waitFor({ timeout: 5000 });
  assert.ok((await page.locator(".article-card .snippet mark").count()) > 0, "snippets mark hits");
  await page.screenshot({ path: `${shots}/search.png`, fullPage: true });
  await page.getByRole("link", { name: WT_TITLE }).click();
  await page.locator(".hit-count").filter({ hasText: /^1 of \d+$/ }).waitFor({ timeout: 5000 });
  assert.match(page.url(), /\?q=bukele%20prison$/);
  await page.screenshot({ path: `${shots}/article-layers.png` });
});

await check("narrow screens and dark mode render", async () => {
  const narrow = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  await narrow.goto(page.url());
  await narrow.locator("article.reading h1").waitFor({ timeout: 15000 });
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 390px screen`);
  const bg = await narrow.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, "rgb(251, 250, 247)", "dark mode keeps the light background");
  await narrow.screenshot({ path: `${shots}/article-narrow-dark.png`, fullPage: true });
  await narrow.close();
});

const SAVED_PAGE = `<!doctype html><html><head><title>Kast tours CECOT before Bukele talks | The Coast Post</title>
<meta property="og:site_name" content="The Coast Post"><meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2025-12-19T10:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kast tours CECOT before Bukele talks</h1>
<p>Chile's president-elect José Antonio Kast toured El Salvador's Terrorism Confinement Center on Friday.</p>
<div class="share">Share this article</div>
<p>Kast has praised Bukele's crackdown on gangs, which rights groups say has led to thousands of arrests without trial.</p>
</article><aside><h2>Related stories</h2><ul><li><a href="/a">Storm hits coast</a></li></ul></aside>
<div class="cookie-banner">We use cookies to improve your experience. Accept all</div></body></html>`;

await check("your articles: a pasted and an imported page join the list and survive a reload", async () => {
  await page.goto(`${base}#/yours`);
  await page.locator("details.paste summary").click();
  await page.locator("#paste-text").fill("Harbour reopens after storm\n\nThe harbour reopened on Monday after a week of repairs, the port authority said.");
  await page.locator("#paste-outlet").fill("Port Gazette");
  await page.getByRole("button", { name: "Add article" }).click();
  await page.locator(".import-report").filter({ hasText: "Added 1 article" }).waitFor({ timeout: 5000 });
  await page.setInputFiles("#import-files", [
    { name: "kast-cecot.html", mimeType: "text/html", buffer: Buffer.from(SAVED_PAGE) },
    { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n\u0000\u0001binary") },
  ]);
  await page.locator(".import-report").filter({ hasText: "1 file could not be read" }).waitFor({ timeout: 10000 });
  await page.locator(".your-article").nth(1).waitFor({ timeout: 5000 });
  await page.screenshot({ path: `${shots}/yours.png`, fullPage: true });
  await page.reload();
  await page.locator(".your-article").nth(1).waitFor({ timeout: 15000 });
  await page.getByRole("link", { name: "Kast tours CECOT before Bukele talks" }).first().click();
  await page.locator("article.reading h1").filter({ hasText: "Kast tours CECOT" }).waitFor({ timeout: 5000 });
  const body = await page.locator("article.reading .body").innerText();
  assert.match(body, /rights groups say/);
  assert.doesNotMatch(body, /Share this article|cookies|Related stories|Storm hits coast/, "page clutter is out of the text");
  await page.screenshot({ path: `${shots}/yours-article.png`, fullPage: true });
  await page.goto(base);
  await page.locator(".article-card").first().waitFor({ timeout: 15000 });
  await page.screenshot({ path: `${shots}/yours-home.png`, fullPage: true });
  await page.locator(".article-card").nth(3).waitFor({ timeout: 15000 });
  assert.equal(await page.locator(".article-card .yours-badge").count(), 2);
});

await check("no errors and every request stayed under /parallax/", async () => {
  assert.deepEqual(problems, []);
});

await browser.close();
server.close();
console.log(`static host e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
