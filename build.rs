//! Compiles the article sources in `assets/corpus/` (or the folder `PARALLAX_CORPUS` names) into the compact library the app embeds.
//!
//! Cleaning, name learning and indexing run here, at build time, through the same core the app and
//! CLI use, so the browser only deserialises a ready library at start-up and never parses raw text
//! or builds an index for the embedded articles.

use parallax_core::{clean::clean_article, corpus::Corpus, library::Library};
use std::{env, fs, path::Path};

/// Where the corpus comes from when `PARALLAX_CORPUS` does not name another folder (for example
/// one written by `parallax ingest`).
const DEFAULT_CORPUS: &str = "assets/corpus";

fn main() {
    println!("cargo:rerun-if-env-changed=PARALLAX_CORPUS");
    let dir = env::var("PARALLAX_CORPUS").unwrap_or_else(|_| DEFAULT_CORPUS.to_string());
    let dir = Path::new(&dir);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut articles = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("corpus folder {}: {e}", dir.display()))
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let raw = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: not readable as UTF-8 text: {e}", path.display()));
        let name = path.file_name().expect("a file").to_string_lossy();
        articles.push(clean_article(&name, &raw));
    }
    let library = Library::build(Corpus::from_articles(articles));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("library.postcard");
    fs::write(out, library.to_bytes()).expect("OUT_DIR is writable");
}
