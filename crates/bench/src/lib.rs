//! Benchmarks of Parallax, shared by the native harness (`src/main.rs`) and the browser run
//! (`tests/browser.rs`): reproducible synthetic inputs, the measured loops, and the `bench` lines.
//!
//! Everything is generated from fixed seeds, so every run measures the same corpus, the same
//! queries and the same pair of articles on every machine.

pub mod news;
pub mod queries;
pub mod rng;
pub mod run;
pub mod stats;
pub mod story;
pub mod words;
