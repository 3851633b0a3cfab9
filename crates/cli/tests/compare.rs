//! `parallax compare`, `pairs` and `similarity` as a user runs them.

mod support;

use std::io::Write;
use std::process::{Command, Output, Stdio};
use support::{parallax, seed};

fn parallax_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    // A usage error exits before reading stdin; the pipe closing then is the expected outcome.
    match child.stdin.take().unwrap().write_all(stdin) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("parallax-compare-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn compare_json_has_sentences_links_and_the_deportation_conflict() {
    let out = parallax(&[
        "compare",
        &seed("000_076469dcc618ac48.txt"),
        &seed("001_49638b6ecd2811bf.txt"),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for side in ["a", "b"] {
        let sentences = v[side]["sentences"].as_array().unwrap();
        assert!(sentences.len() > 10);
        assert_eq!(sentences[0]["index"], 0);
        assert!(sentences[0]["text"].is_string());
    }
    let links = v["links"].as_array().unwrap();
    assert!(!links.is_empty());
    assert!(links
        .iter()
        .all(|l| l["a"].is_u64() && l["b"].is_u64() && l["score"].is_f64()));
    assert_eq!(v["diffs"].as_array().unwrap().len(), links.len());
    let only_b = v["only_in_b"].as_array().unwrap();
    assert!(only_b
        .iter()
        .any(|s| s["text"].as_str().unwrap().contains("Socorro Juridico")));
    assert!(only_b.iter().all(|s| s["index"].is_u64()));
    let conflict = v["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "number_conflict")
        .expect("a number conflict");
    assert!(conflict["summary"]
        .as_str()
        .unwrap()
        .starts_with("over 250 (A) vs over 200 (B): Venezuelans"));
    assert!(conflict["a_text"]
        .as_str()
        .unwrap()
        .contains("250 Venezuelans"));
    assert!(conflict["b_text"]
        .as_str()
        .unwrap()
        .contains("200 Venezuelans"));
}

#[test]
fn compare_text_lists_discrepancies_and_diffs() {
    let out = parallax(&[
        "compare",
        &seed("000_076469dcc618ac48.txt"),
        &seed("001_49638b6ecd2811bf.txt"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("B: Chile’s far-right president-elect"),
        "{text}"
    );
    assert!(
        text.contains("[number_conflict] over 250 (A) vs over 200 (B)"),
        "{text}"
    );
    assert!(
        text.contains("[descriptor_only_in_b] “far-right”"),
        "{text}"
    );
    assert!(text.contains("sentences only in B:"), "{text}");
}

#[test]
fn compare_of_an_article_with_itself_finds_nothing_to_flag() {
    let path = seed("001_49638b6ecd2811bf.txt");
    let out = parallax(&["compare", &path, &path, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["discrepancies"].as_array().unwrap().len(), 0);
    assert_eq!(v["only_in_a"].as_array().unwrap().len(), 0);
    assert_eq!(v["summary"]["changed"], 0);
}

#[test]
fn compare_needs_two_readable_files() {
    let out = parallax(&["compare", &seed("000_076469dcc618ac48.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("compare needs two FILEs"));
    let bad = temp_file("latin1.txt", b"Title\n\nCaf\xe9 society\n");
    let out = parallax(&["compare", &seed("000_076469dcc618ac48.txt"), &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("latin1.txt:3:4: not valid UTF-8"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    let out = parallax(&["compare", "a.txt", "b.txt", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn pairs_scores_each_line_in_order() {
    let input = "Amrozi accused his brother, whom he called \"the witness\", of deliberately distorting his evidence.\tReferring to him as only \"the witness\", Amrozi accused his brother of deliberately distorting his evidence.\n\
                 The central bank raised rates on Tuesday.\tThe football club signed a new striker.\n";
    let out = parallax_with_stdin(&["pairs"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2);
    let parse = |l: &str| {
        let (score, label) = l.split_once('\t').unwrap();
        (score.parse::<f64>().unwrap(), label.to_string())
    };
    let (s1, l1) = parse(&lines[0]);
    let (s2, l2) = parse(&lines[1]);
    assert!(s1 > s2);
    assert_eq!((l1.as_str(), l2.as_str()), ("1", "0"));
}

#[test]
fn pairs_threshold_changes_the_decision_not_the_score() {
    let input = b"Kast visited the prison on Friday.\tOn Friday, Kast toured the prison.\n";
    let strict = stdout(&parallax_with_stdin(&["pairs", "--threshold", "1"], input));
    let lax = stdout(&parallax_with_stdin(&["pairs", "--threshold", "0"], input));
    assert!(
        strict.ends_with("\t0\n") && lax.ends_with("\t1\n"),
        "{strict} {lax}"
    );
    assert_eq!(strict.split('\t').next(), lax.split('\t').next());
    let out = parallax_with_stdin(&["pairs", "--threshold", "high"], input);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--threshold takes a number from 0 to 1"));
}

#[test]
fn pairs_rejects_malformed_input_naming_the_line() {
    let out = parallax_with_stdin(&["pairs"], b"one\ttwo\nno tab on this line\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("stdin:2: expected `sentence1<TAB>sentence2`, found no tab"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty(), "no partial output");
    let out = parallax_with_stdin(&["pairs"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("stdin: no input"));
    let out = parallax_with_stdin(&["pairs"], b"ok\tfine\nCaf\xe9\tbar\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("stdin:2:4: not valid UTF-8 (byte 0xe9)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn similarity_prints_a_symmetric_matrix() {
    let docs = temp_file(
        "docs.txt",
        "Kast visited the CECOT mega-prison in El Salvador before meeting Bukele.\n\
         Chile's president-elect toured El Salvador's CECOT prison and met Bukele.\n\
         The central bank left interest rates unchanged on Thursday.\n"
            .as_bytes(),
    );
    let out = parallax(&["similarity", "--docs", &docs]);
    assert!(out.status.success(), "{}", stderr(&out));
    let m: Vec<Vec<f64>> = stdout(&out)
        .lines()
        .map(|l| l.split('\t').map(|x| x.parse().unwrap()).collect())
        .collect();
    assert_eq!(m.len(), 3);
    assert!(m.iter().all(|row| row.len() == 3));
    assert_eq!(m[0][1], m[1][0]);
    assert!((m[2][2] - 1.0).abs() < 1e-3);
    assert!(m[0][1] > m[0][2] && m[0][1] > m[1][2], "{m:?}");
    let background = temp_file(
        "background.txt",
        b"Bukele spoke about El Salvador.\nEl Salvador and Bukele again.\n",
    );
    let out = parallax(&["similarity", "--docs", &docs, "--background", &background]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 3);
}

#[test]
fn similarity_rejects_blank_lines_empty_files_and_missing_docs() {
    let docs = temp_file("gappy.txt", b"first document\n\nthird document\n");
    let out = parallax(&["similarity", "--docs", &docs]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("gappy.txt:2: empty line"),
        "{}",
        stderr(&out)
    );
    let out = parallax(&["similarity", "--docs", &temp_file("nothing.txt", b"\n")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the file is empty"));
    let out = parallax(&["similarity"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("similarity needs --docs FILE"));
}
