//! What the binary's tests share: running `parallax` as a user does and finding the seed corpus.

#![allow(dead_code)] // Each test file is its own crate and uses a part of this.

use std::process::{Command, Output};

pub fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// The path of a seed article in `assets/corpus`.
pub fn seed(name: &str) -> String {
    format!("{}/../../assets/corpus/{name}", env!("CARGO_MANIFEST_DIR"))
}
