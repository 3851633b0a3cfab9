//! `parallax`: the command-line front end over `parallax-core`.
//!
//! Results go to stdout, errors to stderr with a non-zero exit. All file reading happens here (the
//! core does no IO), through `input`, so every command reports bad input the same way.

mod compare;
mod ingest;
mod input;
mod show;

use std::process::ExitCode;

const USAGE: &str = "\
parallax — one news story, seen from every side

USAGE:
    parallax list FILE...                 one line per cleaned article: id, outlet, date, words, title
    parallax show FILE [--format json|text]
                                          the cleaned article, its metadata and the lines removed
    parallax compare A B [--format json|text]
                                          align two articles: linked sentences with word diffs,
                                          sentences only in one, conflicting numbers and sources,
                                          descriptors and facts only one side has
    parallax pairs [--threshold T]        score stdin lines `sentence1<TAB>sentence2`: prints
                                          `score<TAB>0|1` per line (1 = same claim)
    parallax similarity --docs FILE [--background FILE]
                                          N×N TF-IDF cosine matrix of the documents in FILE (one per
                                          line); background documents only feed term statistics
    parallax ingest PATH... -o DIR        turn article files and folders (.txt, .md, .html, .htm,
                                          Parallax .json exports) into DIR/<id>.md, the corpus form
                                          the app embeds; says on stderr what it skipped and why
    parallax help                         this text

FILE is an article: plain text (title on the first line) or text with a `---` front-matter block.";

/// An error for the user: printed as `parallax: <message>` and exit code 2 for bad usage, 1 otherwise.
#[derive(Debug)]
pub enum CliError {
    Usage(String),
    Input(String),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(m) => write!(f, "{m}\n\n{USAGE}"),
            CliError::Input(m) => f.write_str(m),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("list") => show::list(&args[1..]),
        Some("show") => show::show(&args[1..]),
        Some("compare") => compare::compare(&args[1..]),
        Some("pairs") => compare::pairs(&args[1..]),
        Some("similarity") => compare::similarity(&args[1..]),
        Some("ingest") => ingest::ingest(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(CliError::Usage(format!("unknown command `{other}`"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: {e}");
            ExitCode::from(match e {
                CliError::Usage(_) => 2,
                CliError::Input(_) => 1,
            })
        }
    }
}
