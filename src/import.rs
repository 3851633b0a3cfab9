//! Reading the files a reader drops or chooses, one at a time, without freezing the page.
//!
//! The core turns bytes into articles; this only fetches the bytes, hands them over, and yields
//! to the browser between steps so the progress bar moves and the page stays responsive. Large
//! files are refused before they are read, so a 50 MB mistake costs nothing.

use crate::state::yours::{Progress, YoursAction};
use crate::state::{Action, AppState};
use gloo::timers::future::TimeoutFuture;
use parallax_core::corpus::Article;
use parallax_core::import::{import_file, ImportError, MAX_FILE_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::UseReducerDispatcher;

/// Article text handed to the state per step: indexing this much stays well inside a frame
/// budget, so a file holding hundreds of articles (a JSON export) is added in slices.
const STEP_BYTES: usize = 512 * 1024;

/// The files in a `FileList` (from a file input or a drop).
pub fn files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Imports `files` in order, reporting progress and each file's outcome to the state.
pub fn import_files(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<AppState>) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let send = |action| dispatch.dispatch(Action::Yours(action));
        let total = files.len();
        for (done, file) in files.into_iter().enumerate() {
            let source = file.name();
            send(YoursAction::Progress(Some(Progress {
                done,
                total,
                current: source.clone(),
            })));
            // Lets the progress bar paint before the work starts.
            TimeoutFuture::new(0).await;
            match read(&file).await {
                Ok(bytes) => match import_file(&source, &bytes) {
                    Ok(imported) => {
                        let mut notes = Some(imported.notes);
                        for (i, slice) in slices(imported.articles).into_iter().enumerate() {
                            send(YoursAction::Imported {
                                source: source.clone(),
                                continued: i > 0,
                                result: Ok((slice, notes.take().unwrap_or_default())),
                            });
                            TimeoutFuture::new(0).await;
                        }
                    }
                    Err(e) => send(failed(&source, e.to_string())),
                },
                Err(e) => send(failed(&source, e)),
            }
        }
        send(YoursAction::Progress(None));
    });
}

fn failed(source: &str, error: String) -> YoursAction {
    YoursAction::Imported {
        source: source.to_string(),
        continued: false,
        result: Err(error),
    }
}

/// The file's bytes, or why they could not be read. Size is checked first so a huge file is
/// never loaded into memory.
async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        let error = ImportError::TooLarge {
            name: file.name(),
            bytes: size,
            limit: MAX_FILE_BYTES,
        };
        return Err(error.to_string());
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| {
        format!(
            "{} could not be read from disk; try choosing it again.",
            file.name()
        )
    })?;
    let buffer: js_sys::ArrayBuffer = buffer.unchecked_into();
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Cuts a file's articles into steps of about [`STEP_BYTES`] of text; always at least one step,
/// so a file that yields no article is still reported.
fn slices(articles: Vec<Article>) -> Vec<Vec<Article>> {
    let mut steps = vec![Vec::new()];
    let mut bytes = 0;
    for article in articles {
        let size: usize = article.paragraphs.iter().map(String::len).sum();
        if bytes + size > STEP_BYTES && !steps.last().is_some_and(Vec::is_empty) {
            steps.push(Vec::new());
            bytes = 0;
        }
        bytes += size;
        steps.last_mut().expect("never empty").push(article);
    }
    steps
}
