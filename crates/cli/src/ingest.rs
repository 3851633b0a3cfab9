//! `parallax ingest PATH... -o DIR`: article files and folders to the corpus form the app embeds,
//! one `DIR/<id>.md` per article, with what was skipped and why on stderr.

use crate::CliError;
use parallax_core::import::{
    fingerprint, import_file, near_duplicates_among, to_corpus_file, ImportError, MAX_FILE_BYTES,
};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Extensions read when walking a folder; other files there are skipped with a reason.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "json"];

pub fn ingest(args: &[String]) -> Result<(), CliError> {
    let (paths, out_dir) = parse(args)?;
    std::fs::create_dir_all(&out_dir).map_err(|e| {
        CliError::Input(format!(
            "{}: cannot create the folder: {e}",
            out_dir.display()
        ))
    })?;
    // Reading the output folder back in (`ingest . -o corpus`) would ingest the corpus itself.
    let skip_dir = out_dir.canonicalize().ok();

    let mut files = Vec::new();
    let mut skipped = 0usize;
    for path in &paths {
        let path = PathBuf::from(path);
        if path.is_dir() {
            walk(&path, skip_dir.as_deref(), &mut files, &mut skipped);
        } else {
            // A file named on the command line is read whatever its extension: the core tells
            // its kind by content.
            files.push(path);
        }
    }

    let mut ids = HashSet::new();
    let mut written = Vec::new();
    let mut from_files = 0usize;
    for path in &files {
        match read_one(path) {
            Ok((articles, notes)) => {
                from_files += 1;
                for note in notes {
                    eprintln!("{}: {note}", path.display());
                }
                for mut article in articles {
                    article.id = unique(&article.id, &mut ids);
                    let target = out_dir.join(format!("{}.md", article.id));
                    std::fs::write(&target, to_corpus_file(&article)).map_err(|e| {
                        CliError::Input(format!("{}: cannot write: {e}", target.display()))
                    })?;
                    println!("{}", target.display());
                    written.push((path.clone(), article));
                }
            }
            Err(reason) => {
                skipped += 1;
                eprintln!("skipped {}: {reason}", path.display());
            }
        }
    }

    report_near_duplicates(&written);
    let articles = written.len();
    eprintln!(
        "ingested {articles} article{} from {from_files} file{}; skipped {skipped}",
        plural(articles),
        plural(from_files)
    );
    if articles == 0 {
        return Err(CliError::Input("nothing was ingested".into()));
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn parse(args: &[String]) -> Result<(Vec<String>, PathBuf), CliError> {
    let mut paths = Vec::new();
    let mut out = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" | "--out" => match it.next() {
                Some(dir) => out = Some(PathBuf::from(dir)),
                None => return Err(CliError::Usage(format!("{arg} needs a DIR"))),
            },
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(CliError::Usage(format!("unexpected argument `{flag}`")))
            }
            _ => paths.push(arg.clone()),
        }
    }
    let out = out.ok_or_else(|| CliError::Usage("ingest needs -o DIR".into()))?;
    if paths.is_empty() {
        return Err(CliError::Usage(
            "ingest needs at least one PATH (a file or a folder)".into(),
        ));
    }
    Ok((paths, out))
}

/// Files under `dir` in name order (so ids come out the same on every run), hidden entries and
/// the output folder left out; files of other kinds are counted and reported as skipped.
fn walk(dir: &Path, skip_dir: Option<&Path>, files: &mut Vec<PathBuf>, skipped: &mut usize) {
    if skip_dir.is_some_and(|s| dir.canonicalize().is_ok_and(|d| d == s)) {
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            *skipped += 1;
            eprintln!("skipped {}: cannot read the folder: {e}", dir.display());
            return;
        }
    };
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, skip_dir, files, skipped);
            continue;
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
            files.push(path);
        } else {
            *skipped += 1;
            let kind = if ext.is_empty() {
                "it has no extension".to_string()
            } else {
                format!("a .{ext} file is not an article file")
            };
            eprintln!(
                "skipped {}: {kind}; ingest reads .txt, .md, .html, .htm and .json (name a file on the command line to have it read anyway)",
                path.display()
            );
        }
    }
}

/// One file's articles and notes, or the sentence saying why it was skipped.
fn read_one(path: &Path) -> Result<(Vec<parallax_core::corpus::Article>, Vec<String>), String> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot read: {e}"))?
        .len();
    if size > MAX_FILE_BYTES as u64 {
        // Said before reading, so a huge file is not loaded just to be refused.
        let too_large = ImportError::TooLarge {
            name,
            bytes: usize::try_from(size).unwrap_or(usize::MAX),
            limit: MAX_FILE_BYTES,
        };
        return Err(too_large.to_string());
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let imported = import_file(&name, &bytes).map_err(|e| e.to_string())?;
    Ok((imported.articles, imported.notes))
}

/// `base`, or `base-2`, `base-3`, ... when an earlier article of this run took it.
fn unique(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 1;
    while !taken.insert(id.clone()) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// Near-duplicates are kept (two outlets running one wire story is a finding) but said.
fn report_near_duplicates(written: &[(PathBuf, parallax_core::corpus::Article)]) {
    let prints: Vec<_> = written.iter().map(|(_, a)| fingerprint(a)).collect();
    for (i, print) in prints.iter().enumerate() {
        for dup in near_duplicates_among(print, &prints[..i]) {
            eprintln!(
                "{}: nearly the same text as {} ({:.0}% of its word sequences are shared); both kept",
                written[i].0.display(),
                written[dup.index].0.display(),
                100.0 * dup.similarity
            );
        }
    }
}
