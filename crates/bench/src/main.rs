//! Native harness: the same workloads as the browser run, timed with `Instant`.
//!
//! ```text
//! cargo run --release -p parallax-bench -- [search] [compare] [--corpus] [--profile] [--sample] [--no-library]
//! ```
//!
//! With no workload named, runs both. `--corpus` also prints the corpus and size lines (the
//! browser run prints them too), `--profile` prints the slowest queries and keystrokes to stderr,
//! `--sample` prints the start of the generated texts to stderr, `--no-library` times the index
//! alone (quicker, for profiling).
//! The word lists are read from `crates/bench/js/node_modules` (`npm ci` there, or run
//! `scripts/bench.sh`); `PARALLAX_BENCH_NODE_MODULES` points elsewhere.

use parallax_bench::queries::{keystrokes, queries};
use parallax_bench::run;
use parallax_bench::stats::{line, percentile};
use parallax_bench::words::{scowl_file, SCOWL_SIZES};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |a: &str| args.iter().any(|x| x == a);
    let (search, compare) = match (has("search"), has("compare")) {
        (false, false) => (true, true),
        other => other,
    };
    let dir = std::env::var("PARALLAX_BENCH_NODE_MODULES")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/js/node_modules").into());
    let lists: Vec<String> = SCOWL_SIZES
        .iter()
        .map(|&s| {
            let path = scowl_file(&dir, s);
            std::fs::read_to_string(&path).unwrap_or_else(|e| {
                eprintln!("cannot read {path}: {e}\nrun `npm ci` in crates/bench/js first");
                std::process::exit(2)
            })
        })
        .collect();
    let lists: Vec<&str> = lists.iter().map(String::as_str).collect();
    let origin = Instant::now();
    let now = move || origin.elapsed().as_secs_f64() * 1000.0;
    let vocab = run::vocabulary(&lists);

    if search {
        search_bench(&vocab, &now, &has);
    }
    if compare {
        let (a, b) = run::story(&vocab);
        if has("--sample") {
            for x in [&a, &b] {
                eprintln!("[sample] {} ({:?})", x.title, x.outlet);
                x.paragraphs
                    .iter()
                    .take(4)
                    .for_each(|p| eprintln!("[sample]   {p}"));
            }
        }
        eprintln!(
            "[bench] comparing {} and {} words natively",
            a.word_count, b.word_count
        );
        let (lines, result, _) = run::compare_lines(&a, &b, "native", &now);
        eprintln!("[bench] {}", run::describe(&result));
        lines.iter().for_each(|l| println!("{l}"));
    }
}

fn search_bench(vocab: &[String], now: &dyn Fn() -> f64, flags: &dyn Fn(&str) -> bool) {
    let (corpus, profile, sample) = (flags("--corpus"), flags("--profile"), flags("--sample"));
    let t = now();
    let news = run::news(vocab);
    if sample {
        for a in news.articles.iter().take(2) {
            eprintln!("[sample] {} ({:?})", a.title, a.outlet);
            a.paragraphs
                .iter()
                .take(3)
                .for_each(|p| eprintln!("[sample]   {p}"));
        }
    }
    eprintln!(
        "[bench] generated {} articles in {:.0} ms",
        news.articles.len(),
        now() - t
    );
    let keys = run::keystroke_list(&news);
    if corpus {
        run::corpus_lines(&news, keys.len())
            .iter()
            .for_each(|l| println!("{l}"));
    }
    let t = now();
    let index = run::index(&news.articles);
    eprintln!("[bench] index built in {:.0} ms", now() - t);
    let docs = run::docs(&news.articles);
    let index_times = run::time_keys(&keys, now, |k| run::search_index(&index, &docs, k));
    if corpus {
        println!(
            "{}",
            line("search_index_bytes", index.to_bytes().len() as f64, "bytes")
        );
    }
    if flags("--no-library") {
        run::latency_lines("search_native_parallax_index", &index_times)
            .iter()
            .for_each(|l| println!("{l}"));
        if profile {
            report_slowest(&news, &keys, &index_times);
        }
        return;
    }
    let (library, build_ms) = run::library(news.articles.clone(), now);
    eprintln!("[bench] library built in {build_ms:.0} ms");
    if profile {
        for q in queries(&news.names) {
            let found = library.search(&q, &Default::default(), run::LIMIT);
            eprintln!("[profile] {q:<32} {:>5} articles", found.total);
        }
    }
    let times = run::time_keys(&keys, now, |k| run::search_library(&library, k));
    println!("{}", line("search_native_build_ms", build_ms, "ms"));
    run::latency_lines("search_native_parallax", &times)
        .iter()
        .chain(&run::latency_lines(
            "search_native_parallax_index",
            &index_times,
        ))
        .for_each(|l| println!("{l}"));
    if profile {
        report_slowest(&news, &keys, &times);
    }
}

/// Per query: p50 and worst keystroke; then the slowest keystrokes.
fn report_slowest(news: &parallax_bench::news::News, keys: &[String], times: &[f64]) {
    let per_key = run::per_key(keys, times);
    let mut at = 0;
    for q in queries(&news.names) {
        let len = keystrokes(&q).len();
        let slice = &per_key[at..at + len];
        eprintln!(
            "[profile] {q:<32} p50 {:>6.2} ms  max {:>6.2} ms",
            percentile(slice, 50.0),
            percentile(slice, 100.0)
        );
        at += len;
    }
    for l in run::slowest(keys, times, 20) {
        eprintln!("[profile] {l}");
    }
}
