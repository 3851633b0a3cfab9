//! `parallax ingest` on real folders: mixed kinds in, corpus files out, every skip explained.

mod support;

use parallax_core::clean::clean_article;
use std::path::{Path, PathBuf};
use support::{parallax, seed};

/// A fresh folder per test, so tests running in parallel do not see each other's files.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn page(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../core/tests/pages/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn md_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const WIRE: &str = "Wildfire forces thousands to flee\n\nLOS ANGELES (AP) — A fast-moving wildfire pushed through dry hills north of the city on Tuesday, forcing thousands of residents to leave their homes as firefighters struggled against gusting winds.\n\nThe fire had burned more than 4,000 acres by evening and was five percent contained, the county fire department said. No deaths were reported, but officials said at least a dozen homes had been destroyed.\n\nThe cause of the fire was under investigation. Utilities said they had cut power to about 20,000 customers to reduce the risk of new fires.\n";

#[test]
fn ingest_turns_a_mixed_folder_into_corpus_files_and_explains_every_skip() {
    let root = temp_dir("mixed");
    let input = root.join("articles");
    write(
        &input,
        "a-seed.txt",
        &std::fs::read(seed("001_49638b6ecd2811bf.txt")).unwrap(),
    );
    write(
        &input,
        "b-front.md",
        b"---\ntitle: Storm hits coast\noutlet: Gazette\ndate: 2025-03-04\n---\nThe storm hit the coast at dawn.\n",
    );
    write(&input, "c-page.html", &page("herald-sun.html"));
    write(&input, "nested/d-wire.txt", WIRE.as_bytes());
    let copy = WIRE.replacen(
        "Wildfire forces thousands to flee",
        "Fire: thousands evacuate",
        1,
    );
    write(&input, "nested/e-wire-copy.txt", copy.as_bytes());
    // Same title as b-front.md: both are kept under distinct ids.
    write(
        &input,
        "f-same-title.txt",
        b"Storm hits coast\n\nA second report of the storm.\n",
    );
    write(&input, "g-empty.txt", b"  \n");
    write(&input, "h-fake.txt", b"%PDF-1.4\n%binary");
    write(&input, "i-photo.png", b"\x89PNG\r\n\x1a\n");
    write(
        &input,
        "j-bad.json",
        b"{\"format\": \"parallax-articles\",,}",
    );
    write(&input, ".hidden.txt", b"Hidden\n\nNot to be read.\n");
    let out_dir = root.join("corpus");

    let out = parallax(&[
        "ingest",
        input.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");

    assert_eq!(
        md_files(&out_dir),
        [
            "angry-media-wont-buckle-over-new-surveillance-laws.md",
            "chiles-far-right-president-elect-visits-el-salvador.md",
            "fire-thousands-evacuate.md",
            "storm-hits-coast-2.md",
            "storm-hits-coast.md",
            "wildfire-forces-thousands-to-flee.md",
        ]
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 6);

    // Each corpus file cleans back to its article, metadata included.
    let storm = std::fs::read_to_string(out_dir.join("storm-hits-coast.md")).unwrap();
    let a = clean_article("storm-hits-coast.md", &storm);
    assert_eq!(a.title, "Storm hits coast");
    assert_eq!(a.outlet.as_deref(), Some("Gazette"));
    assert_eq!(a.paragraphs, ["The storm hit the coast at dawn."]);
    let column = std::fs::read_to_string(
        out_dir.join("angry-media-wont-buckle-over-new-surveillance-laws.md"),
    )
    .unwrap();
    let c = clean_article("column.md", &column);
    assert_eq!(c.author.as_deref(), Some("Laurie Oakes"));
    assert!(!c.removed.is_empty(), "the page's clutter stays disclosed");

    for reason in [
        "skipped ".to_string()
            + input.join("g-empty.txt").to_str().unwrap()
            + ": g-empty.txt is empty.",
        format!(
            "skipped {}: h-fake.txt looks like a binary file (PDF), not text",
            input.join("h-fake.txt").display()
        ),
        format!(
            "skipped {}: a .png file is not an article file",
            input.join("i-photo.png").display()
        ),
        format!(
            "skipped {}: j-bad.json is not valid JSON (line 1, column",
            input.join("j-bad.json").display()
        ),
    ] {
        assert!(stderr.contains(&reason), "missing {reason:?} in\n{stderr}");
    }
    assert!(!stderr.contains("hidden"), "{stderr}");
    assert!(
        stderr.contains("e-wire-copy.txt: nearly the same text as"),
        "{stderr}"
    );
    assert!(stderr.contains("c-page.html: Took the article from the page's"));
    assert_eq!(
        stderr.lines().last().unwrap(),
        "ingested 6 articles from 6 files; skipped 4"
    );
}

#[test]
fn ingest_reruns_without_reading_its_own_output() {
    let root = temp_dir("rerun");
    write(&root, "story.txt", WIRE.as_bytes());
    let out_dir = root.join("corpus");
    for _ in 0..2 {
        let out = parallax(&[
            "ingest",
            root.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{stderr}");
        assert_eq!(
            stderr.lines().last().unwrap(),
            "ingested 1 article from 1 file; skipped 0"
        );
    }
    assert_eq!(md_files(&out_dir), ["wildfire-forces-thousands-to-flee.md"]);
}

#[test]
fn a_file_named_on_the_command_line_is_read_whatever_its_extension() {
    let root = temp_dir("explicit");
    write(&root, "saved-page.download", &page("lemonde.html"));
    let out_dir = root.join("corpus");
    let out = parallax(&[
        "ingest",
        root.join("saved-page.download").to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        md_files(&out_dir),
        ["le-projet-de-loi-sur-le-renseignement-massivement.md"]
    );
}

#[test]
fn nothing_ingested_fails_and_usage_errors_fail_differently() {
    let root = temp_dir("nothing");
    write(&root, "empty.txt", b"");
    let out = parallax(&[
        "ingest",
        root.to_str().unwrap(),
        "-o",
        root.join("c").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("ingested 0 articles from 0 files; skipped 1"),
        "{stderr}"
    );
    assert!(
        stderr.contains("parallax: nothing was ingested"),
        "{stderr}"
    );

    let out = parallax(&["ingest", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ingest needs -o DIR"));
    let out = parallax(&["ingest", "-o", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let out = parallax(&["ingest", "a", "-o", "x", "--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_path_is_reported_and_the_rest_still_ingested() {
    let root = temp_dir("missing");
    write(&root, "story.txt", WIRE.as_bytes());
    let out = parallax(&[
        "ingest",
        root.join("no-such-file.txt").to_str().unwrap(),
        root.join("story.txt").to_str().unwrap(),
        "-o",
        root.join("corpus").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("no-such-file.txt: cannot read"), "{stderr}");
    assert!(
        stderr.ends_with("ingested 1 article from 1 file; skipped 1\n"),
        "{stderr}"
    );
}
