//! The measured work, identical natively and in the browser; only the clock differs (passed in
//! as milliseconds since an arbitrary origin).

use crate::news::{self, News};
use crate::queries::{keystrokes, queries};
use crate::stats::{line, percentile};
use crate::story;
use crate::words;
use parallax_core::compare::{compare_with, CompareOptions, Comparison};
use parallax_core::corpus::{Article, Corpus};
use parallax_core::library::{Library, Selection};
use parallax_core::search::{Doc, Index};
use std::hint::black_box;

/// Articles in the search corpus.
pub const ARTICLES: usize = 10_000;
/// Words (at least) in each article of the comparison pair.
pub const STORY_WORDS: usize = 5_000;
/// Hits asked for per search: what the app's result list asks for on a keystroke.
pub const LIMIT: usize = parallax_core::library::RESULTS_PAGE;
/// Timed passes over the keystrokes, after an untimed warm-up.
pub const PASSES: usize = 2;
/// Keystrokes run untimed first, so that timings start with caches and, in the browser, the
/// optimising compilers warm.
pub const WARMUP: usize = 100;
const VOCAB_SEED: u64 = 0x005E_A2C4;
const NEWS_SEED: u64 = 0x0A2_71C1E5;
const STORY_SEED: u64 = 0x0570_21E5;

/// The ranked vocabulary from the SCOWL list texts, most common class first.
pub fn vocabulary(lists: &[&str]) -> Vec<String> {
    words::vocabulary(lists, VOCAB_SEED)
}

/// The 10,000-article search corpus.
pub fn news(vocab: &[String]) -> News {
    news::generate(vocab, ARTICLES, NEWS_SEED)
}

/// The two 5,000-word reports to compare.
pub fn story(vocab: &[String]) -> (Article, Article) {
    story::story_pair(vocab, STORY_WORDS, STORY_SEED)
}

/// Every keystroke of every query, in typing order.
pub fn keystroke_list(news: &News) -> Vec<String> {
    queries(&news.names)
        .iter()
        .flat_map(|q| keystrokes(q))
        .collect()
}

/// Lines describing the corpus: size, words, distinct words, raw bytes.
pub fn corpus_lines(news: &News, keys: usize) -> Vec<String> {
    let articles = &news.articles;
    let texts = articles.iter().flat_map(|a| {
        std::iter::once(a.title.as_str()).chain(a.paragraphs.iter().map(String::as_str))
    });
    let distinct = news::distinct_words(texts);
    let words: usize = articles.iter().map(|a| a.word_count).sum();
    vec![
        line("search_corpus_articles", articles.len() as f64, "articles"),
        line("search_corpus_words", words as f64, "words"),
        line("search_corpus_distinct_words", distinct as f64, "words"),
        line(
            "search_raw_text_bytes",
            news::raw_text_bytes(articles) as f64,
            "bytes",
        ),
        line("search_keystrokes", keys as f64, "keystrokes"),
    ]
}

/// The search index alone over titles, bodies and outlets, as the library builds it minus the
/// entity facets (which need the gazetteer).
pub fn index(articles: &[Article]) -> Index {
    let mut index = Index::new();
    for doc in docs(articles) {
        index.add(&doc);
    }
    index
}

pub fn docs(articles: &[Article]) -> Vec<Doc<'_>> {
    articles
        .iter()
        .map(|a| Doc {
            id: &a.id,
            title: &a.title,
            body: &a.paragraphs,
            fields: a.outlet.iter().map(|o| ("outlet", o.clone())).collect(),
        })
        .collect()
}

/// The library the app would build from the corpus, and how long that took.
pub fn library(articles: Vec<Article>, now: &dyn Fn() -> f64) -> (Library, f64) {
    let t = now();
    let library = Library::build(Corpus::from_articles(articles));
    (library, now() - t)
}

/// Milliseconds for each call of `f` on each key, over [`PASSES`] passes after [`WARMUP`]
/// untimed keystrokes.
pub fn time_keys(keys: &[String], now: &dyn Fn() -> f64, mut f: impl FnMut(&str)) -> Vec<f64> {
    keys.iter().take(WARMUP).for_each(|k| f(k));
    let mut out = Vec::with_capacity(keys.len() * PASSES);
    for _ in 0..PASSES {
        for k in keys {
            let t = now();
            f(k);
            out.push(now() - t);
        }
    }
    out
}

/// What the app runs per keystroke: parse, rank, facet counts, top 50 with snippets.
pub fn search_library(library: &Library, key: &str) {
    black_box(library.search(key, &Selection::default(), LIMIT).total);
}

/// The index alone: parse, rank, top 50 with snippets.
pub fn search_index(index: &Index, docs: &[Doc<'_>], key: &str) {
    black_box(index.query(key, docs, LIMIT).total);
}

/// p50 and p95 lines for samples named `name`.
pub fn latency_lines(name: &str, samples: &[f64]) -> Vec<String> {
    vec![
        line(&format!("{name}_p50"), percentile(samples, 50.0), "ms"),
        line(&format!("{name}_p95"), percentile(samples, 95.0), "ms"),
    ]
}

/// Comparisons run untimed after the first one: at least [`COMPARE_WARMUP`], and for at least
/// [`COMPARE_WARMUP_MS`]. V8 runs wasm from a baseline compiler first and swaps in optimised
/// code function by function as its background compiler gets to it; on our 2-core machines a
/// comparison took 15 to 80 runs (0.5 to 2.5 s) to settle at its optimised speed, so a fixed
/// count of warm-up runs left the median at the mercy of when that happened (28–45 ms for one
/// build with five). The median of the first [`COMPARE_WARMUP`] of them is reported apart
/// (`_early_ms`): what a reader's next comparisons in a fresh page cost, while the engine is
/// still optimising.
pub const COMPARE_WARMUP: usize = 10;
/// See [`COMPARE_WARMUP`].
pub const COMPARE_WARMUP_MS: f64 = 4000.0;
/// Timed comparisons after the warm-up: enough for a median that one slow stretch does not
/// move. In Chromium, even once optimised, a comparison now and then runs at 1.5 times its
/// usual time for ten or fifteen runs in a row, while V8's background threads work (with V8
/// single-threaded the stretches are gone); twenty timed runs could fall mostly in one.
pub const COMPARE_RUNS: usize = 40;

/// One comparison timing: the first run (cold: as a reader's first comparison runs), the
/// untimed warm-up runs in order, the timed runs, and the last result.
pub struct CompareTimes {
    pub first: f64,
    pub warming: Vec<f64>,
    pub timed: Vec<f64>,
    pub result: Comparison,
}

/// The first comparison of `a` with `b`, then the warm-up (see [`COMPARE_WARMUP`]), then
/// [`COMPARE_RUNS`] timed ones. Without `discrepancies`, only segmentation, alignment and diffs
/// (what the app can show first).
pub fn time_compare(
    a: &Article,
    b: &Article,
    discrepancies: bool,
    now: &dyn Fn() -> f64,
) -> CompareTimes {
    let options = CompareOptions { discrepancies };
    let timed_run = || {
        let t = now();
        let result = black_box(compare_with(a, b, options));
        (now() - t, result)
    };
    let start = now();
    let (first, mut result) = timed_run();
    let mut warming = Vec::new();
    while warming.len() < COMPARE_WARMUP || now() - start < COMPARE_WARMUP_MS {
        let (ms, r) = timed_run();
        warming.push(ms);
        result = r;
    }
    let mut timed = Vec::with_capacity(COMPARE_RUNS);
    for _ in 0..COMPARE_RUNS {
        let (ms, r) = timed_run();
        timed.push(ms);
        result = r;
    }
    CompareTimes {
        first,
        warming,
        timed,
        result,
    }
}

/// Lines for the full comparison (median and slowest of the timed runs, the cold first run, and
/// the median of the [`COMPARE_WARMUP`] runs after it) and for the one without discrepancies
/// (median), on `platform`; and that median, for a ratio against a peer.
pub fn compare_lines(
    a: &Article,
    b: &Article,
    platform: &str,
    now: &dyn Fn() -> f64,
) -> (Vec<String>, Comparison, f64) {
    let full = time_compare(a, b, true, now);
    let light = time_compare(a, b, false, now);
    let max = full.timed.iter().copied().fold(0.0, f64::max);
    let median = crate::stats::median(&full.timed);
    let lines = vec![
        line(&format!("compare_{platform}_ms"), median, "ms"),
        line(&format!("compare_{platform}_max_ms"), max, "ms"),
        line(&format!("compare_{platform}_first_ms"), full.first, "ms"),
        line(
            &format!("compare_{platform}_early_ms"),
            crate::stats::median(&full.warming[..COMPARE_WARMUP]),
            "ms",
        ),
        line(
            &format!("compare_{platform}_no_discrepancies_ms"),
            crate::stats::median(&light.timed),
            "ms",
        ),
    ];
    (lines, full.result, median)
}

/// One line for stderr saying what a comparison found, to show it did real work.
pub fn describe(c: &Comparison) -> String {
    format!(
        "{} + {} sentences, {} links, {} only in A, {} only in B, {} discrepancies",
        c.a.sentences.len(),
        c.b.sentences.len(),
        c.links.len(),
        c.only_in_a.len(),
        c.only_in_b.len(),
        c.discrepancies.len()
    )
}

/// Each keystroke's median over the passes of `samples` (as [`time_keys`] returns them).
pub fn per_key(keys: &[String], samples: &[f64]) -> Vec<f64> {
    let n = keys.len();
    (0..n)
        .map(|i| {
            let s: Vec<f64> = (0..samples.len() / n).map(|p| samples[p * n + i]).collect();
            crate::stats::median(&s)
        })
        .collect()
}

/// The `count` slowest keystrokes of `samples`, one line each, for stderr.
pub fn slowest(keys: &[String], samples: &[f64], count: usize) -> Vec<String> {
    let times = per_key(keys, samples);
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| times[b].total_cmp(&times[a]));
    order
        .iter()
        .take(count)
        .map(|&i| format!("slow {:>8.2} ms  {:?}", times[i], keys[i]))
        .collect()
}
