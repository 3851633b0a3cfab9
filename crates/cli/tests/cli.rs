//! The `parallax` binary as a user runs it: real files in, stdout/stderr and exit codes out.

mod support;

use support::{parallax, seed};

fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("parallax-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn show_discloses_removed_clutter() {
    let out = parallax(&["show", &seed("001_49638b6ecd2811bf.txt")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Chile’s far-right president-elect visits"));
    assert!(text.contains("The Washington Times · 2026"));
    assert!(text.contains("5 lines removed:"));
    assert!(text.contains("(counter): 1 of 1,537"));
}

#[test]
fn show_json_is_the_article_model() {
    let out = parallax(&[
        "show",
        &seed("000_076469dcc618ac48.txt"),
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["outlet"], serde_json::Value::Null);
    assert_eq!(v["removed"][0]["reason"], "RepeatedTitle");
}

#[test]
fn list_prints_one_line_per_article() {
    let out = parallax(&[
        "list",
        &seed("000_076469dcc618ac48.txt"),
        &seed("001_49638b6ecd2811bf.txt"),
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text.lines().next().unwrap().contains("unknown outlet"));
}

#[test]
fn non_utf8_file_is_rejected_naming_line_and_column() {
    let path = temp_file("latin1.txt", b"Title\n\nCaf\xe9 society\n");
    let out = parallax(&["show", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("latin1.txt:3:4: not valid UTF-8 (byte 0xe9)"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn empty_file_and_unknown_command_fail_clearly() {
    let out = parallax(&["show", &temp_file("empty.txt", b"  \n")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the file is empty"));
    let out = parallax(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command `frobnicate`"));
}
