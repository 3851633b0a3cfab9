//! "Your articles": adding articles by file or paste, the report of what came in, and the list of
//! what this browser keeps, with editing, deleting (with undo) and export.

use super::meta::Meta;
use crate::import::{files, import_files};
use crate::route::Route;
use crate::state::yours::{
    Meta as Fields, Outcome, Saved, StoreStatus, Stored, Yours, YoursAction,
};
use crate::state::{Action, AppState};
use parallax_core::import::{export_articles, import_paste, Pasted};
use serde::Serialize;
use yew::prelude::*;

/// File types the chooser offers; dropped files of other types are still tried, and the core
/// says why one cannot be read.
const ACCEPT: &str =
    ".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json";

#[derive(Properties, PartialEq)]
pub struct YoursProps {
    pub yours: Yours,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(YoursView)]
pub fn yours_view(YoursProps { yours, dispatch }: &YoursProps) -> Html {
    let editing = use_state(|| None::<String>);
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |list: Option<web_sys::FileList>| {
            import_files(files(list), dispatch.clone())
        })
    };
    let on_delete = use_callback(dispatch.clone(), |id: String, d| {
        d.dispatch(Action::Yours(YoursAction::Delete(id)))
    });
    let on_edit = use_callback(editing.clone(), |id: String, editing| editing.set(Some(id)));
    let on_save = use_callback(
        (dispatch.clone(), editing.clone()),
        |(id, meta): (String, Fields), (d, editing)| {
            d.dispatch(Action::Yours(YoursAction::Edit { id, meta }));
            editing.set(None);
        },
    );
    let on_cancel = use_callback(editing.clone(), |_: (), editing| editing.set(None));
    let on_undo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Yours(YoursAction::Undo)))
    };
    let on_export = use_callback(yours.articles.clone(), |_: MouseEvent, stored| {
        let articles: Vec<_> = stored.iter().map(|s| (*s.article).clone()).collect();
        let _ = crate::download::download(
            "parallax-articles.json",
            "application/json",
            &export_articles(&articles),
        );
    });
    let busy = yours.progress.is_some();

    html! {
        <div class="yours">
            <nav class="crumbs"><a href={Route::Home.to_hash()}>{ "← All articles" }</a></nav>
            <h1>{ "Your articles" }</h1>
            <p class="share-note">
                { "Articles you add stay in this browser, on this device: nothing is uploaded, and links to them open only here. To share them or move them to another browser, export them and send the file." }
            </p>
            <StoreNotice status={yours.status.clone()} unsaved={yours.unsaved()} />
            <section class="add-articles" aria-labelledby="add-heading">
                <h2 id="add-heading">{ "Add articles" }</h2>
                <DropZone on_files={on_files} disabled={busy} />
                if let Some(p) = &yours.progress {
                    <div class="import-progress" role="status">
                        <progress max={p.total.to_string()} value={p.done.to_string()}
                            aria-label="Import progress" />
                        <span>{ format!("Reading {} of {}: {}", p.done + 1, p.total, p.current) }</span>
                    </div>
                }
                <PasteForm dispatch={dispatch.clone()} />
                <Report report={yours.report.clone()} dispatch={dispatch.clone()} />
            </section>
            <section class="kept" aria-labelledby="kept-heading">
                <div class="kept-head">
                    <h2 id="kept-heading">{ format!("In this browser ({})", yours.articles.len()) }</h2>
                    <button type="button" onclick={on_export} disabled={yours.articles.is_empty()}>
                        { "Export all (JSON)" }
                    </button>
                </div>
                if let Some((_, deleted)) = &yours.deleted {
                    <p class="undo-bar" role="status">
                        { format!("Deleted “{}”. ", deleted.article.title) }
                        <button type="button" onclick={on_undo}>{ "Undo" }</button>
                    </p>
                }
                if yours.articles.is_empty() {
                    <p class="empty">{ "None yet. Articles you add appear here, in the article list, in search and in comparisons, marked “Yours”." }</p>
                } else {
                    <ol class="your-list">
                        { for yours.articles.iter().map(|s| html! {
                            <YourRow
                                key={s.key}
                                stored={s.clone()}
                                editing={editing.as_deref() == Some(s.article.id.as_str())}
                                on_edit={on_edit.clone()}
                                on_save={on_save.clone()}
                                on_cancel={on_cancel.clone()}
                                on_delete={on_delete.clone()}
                            />
                        }) }
                    </ol>
                }
            </section>
            <UnreadableRecords records={yours.unreadable.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StoreNoticeProps {
    status: StoreStatus,
    unsaved: usize,
}

#[function_component(StoreNotice)]
fn store_notice(StoreNoticeProps { status, unsaved }: &StoreNoticeProps) -> Html {
    match status {
        StoreStatus::Loading => html! {
            <p class="notice" role="status">{ "Reading your articles from this browser…" }</p>
        },
        StoreStatus::Unavailable(why) => html! {
            <p class="notice warning" role="alert">
                { format!("This browser does not let Parallax keep articles ({why}). You can still add and compare articles; they last until you close this page, so export them to keep them.") }
            </p>
        },
        StoreStatus::Ready if *unsaved > 0 => html! {
            <p class="notice warning" role="alert">
                { format!("{unsaved} of your articles could not be saved in this browser (see below). They stay until you close this page: export them to keep them.") }
            </p>
        },
        StoreStatus::Ready => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
struct DropZoneProps {
    on_files: Callback<Option<web_sys::FileList>>,
    disabled: bool,
}

/// A drop target that is also a plain file chooser, so it works from the keyboard.
#[function_component(DropZone)]
fn drop_zone(DropZoneProps { on_files, disabled }: &DropZoneProps) -> Html {
    let over = use_state(|| false);
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser opens the file instead of letting it drop here.
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (over, on_files) = (over.clone(), on_files.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            on_files.emit(e.data_transfer().and_then(|t| t.files()));
        })
    };
    let onchange = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_files.emit(input.files());
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        })
    };
    html! {
        <div class={classes!("drop-zone", over.then_some("over"))} {ondragover} {ondragleave} {ondrop}>
            <p>{ "Drop news articles here: .txt, .md (with front matter), .html pages saved from a news site, or a Parallax .json export. Several at once is fine." }</p>
            <label class="button">
                { "Choose files…" }
                <input type="file" id="import-files" class="visually-hidden" multiple=true accept={ACCEPT} disabled={*disabled} {onchange} />
            </label>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PasteFormProps {
    dispatch: UseReducerDispatcher<AppState>,
}

/// Text plus optional metadata. A bad field is reported and the form keeps everything typed.
#[function_component(PasteForm)]
fn paste_form(PasteFormProps { dispatch }: &PasteFormProps) -> Html {
    let refs = use_memo((), |_| [(); 5].map(|_| NodeRef::default()));
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (refs, error, dispatch) = (refs.clone(), error.clone(), dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |i: usize| field_value(&refs[i]);
            let pasted = Pasted {
                text: value(0),
                title: value(1),
                outlet: value(2),
                date: value(3),
                url: value(4),
            };
            match import_paste(&pasted) {
                Ok(article) => {
                    error.set(None);
                    dispatch.dispatch(Action::Yours(YoursAction::Imported {
                        source: "Pasted text".to_string(),
                        continued: false,
                        result: Ok((vec![article], Vec::new())),
                    }));
                    for r in refs.iter() {
                        set_field_value(r, "");
                    }
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        })
    };
    html! {
        <details class="paste">
            <summary>{ "Paste an article" }</summary>
            <form class="paste-form" {onsubmit} novalidate=true>
                <label class="wide">{ "Article text" }
                    <textarea id="paste-text" ref={refs[0].clone()} rows="10" required=true
                        placeholder="The headline on the first line, then the article. Clutter such as “Share this” or “Related posts” is taken out and listed." />
                </label>
                <label>{ "Title (optional)" }<input id="paste-title" type="text" ref={refs[1].clone()} /></label>
                <label>{ "Outlet (optional)" }<input id="paste-outlet" type="text" ref={refs[2].clone()} /></label>
                <label>{ "Date (optional)" }<input id="paste-date" type="text" placeholder="2025-12-19" ref={refs[3].clone()} /></label>
                <label>{ "Address (optional)" }<input id="paste-url" type="url" placeholder="https://…" ref={refs[4].clone()} /></label>
                if let Some(e) = &*error {
                    <p class="form-error" role="alert">{ e }</p>
                }
                <button type="submit">{ "Add article" }</button>
            </form>
        </details>
    }
}

fn field_value(r: &NodeRef) -> String {
    if let Some(t) = r.cast::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    r.cast::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn set_field_value(r: &NodeRef, value: &str) {
    if let Some(t) = r.cast::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    } else if let Some(i) = r.cast::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    }
}

#[derive(Properties, PartialEq)]
struct ReportProps {
    report: Vec<Outcome>,
    dispatch: UseReducerDispatcher<AppState>,
}

/// What the last import did, file by file: added, flagged as near-duplicates, or refused and why.
#[function_component(Report)]
fn report(ReportProps { report, dispatch }: &ReportProps) -> Html {
    let on_dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Yours(YoursAction::DismissReport))
        })
    };
    let added: usize = report.iter().map(|o| o.added.len()).sum();
    let refused = report.iter().filter(|o| !o.errors.is_empty()).count();
    html! {
        <div class="import-report" aria-live="polite">
            if !report.is_empty() {
                <div class="report-head">
                    <p class="report-summary">{ summary(added, refused) }</p>
                    <button type="button" class="link-button" onclick={on_dismiss}>{ "Dismiss" }</button>
                </div>
                <ul>
                    { for report.iter().enumerate().map(|(i, o)| html! { <OutcomeRow key={i} outcome={o.clone()} /> }) }
                </ul>
            }
        </div>
    }
}

fn summary(added: usize, refused: usize) -> String {
    let articles = if added == 1 { "article" } else { "articles" };
    match refused {
        0 => format!("Added {added} {articles}."),
        1 => format!("Added {added} {articles}; 1 file could not be read."),
        n => format!("Added {added} {articles}; {n} files could not be read."),
    }
}

#[derive(Properties, PartialEq)]
struct OutcomeProps {
    outcome: Outcome,
}

/// One file's line in the report; a component so a long report is not redrawn at every step.
#[function_component(OutcomeRow)]
fn outcome_row(OutcomeProps { outcome: o }: &OutcomeProps) -> Html {
    html! {
        <li class={classes!("outcome", (!o.errors.is_empty()).then_some("refused"))}>
            <strong class="source">{ &o.source }</strong>
            { for o.errors.iter().map(|e| html! { <p class="form-error">{ "⚠ " }{ e }</p> }) }
            { for o.added.iter().map(|(id, title)| html! {
                <p class="added">{ "Added " }<a href={Route::Article(id.clone()).to_hash()}>{ title }</a></p>
            }) }
            { for o.duplicates.iter().map(|d| html! {
                <p class="near-duplicate">
                    { format!("≈ Nearly the same wording as “{}” ({:.0}% shared): likely the same wire story. Kept both; ", d.of_title, d.similarity * 100.0) }
                    <a href={Route::Compare(d.id.clone(), d.of.clone()).to_hash()}>{ "compare them" }</a>
                    { "." }
                </p>
            }) }
            { for o.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct YourRowProps {
    stored: Stored,
    editing: bool,
    on_edit: Callback<String>,
    on_save: Callback<(String, Fields)>,
    on_cancel: Callback<()>,
    on_delete: Callback<String>,
}

#[function_component(YourRow)]
fn your_row(props: &YourRowProps) -> Html {
    let article = &props.stored.article;
    let id = article.id.clone();
    let on_edit = {
        let (cb, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let on_delete = {
        let (cb, id) = (props.on_delete.clone(), id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let saved = match &props.stored.saved {
        Saved::Yes => Html::default(),
        Saved::Pending => html! { <span class="saving">{ "Saving…" }</span> },
        Saved::Failed(why) => html! { <p class="form-error">{ "⚠ " }{ why }</p> },
    };
    html! {
        <li class="your-article">
            <div class="row-head">
                <a href={Route::Article(id.clone()).to_hash()}>{ &article.title }</a>
                <span class="row-actions">
                    <button type="button" onclick={on_edit} aria-label={format!("Edit details of “{}”", article.title)}>{ "Edit" }</button>
                    <button type="button" onclick={on_delete} aria-label={format!("Delete “{}”", article.title)}>{ "Delete" }</button>
                </span>
            </div>
            <Meta article={(**article).clone()} />
            { saved }
            if props.editing {
                <Editor
                    id={id}
                    fields={Fields::of(article)}
                    on_save={props.on_save.clone()}
                    on_cancel={props.on_cancel.clone()}
                />
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    id: String,
    fields: Fields,
    on_save: Callback<(String, Fields)>,
    on_cancel: Callback<()>,
}

/// Edits an article's metadata; the text itself is what the source said and stays as it is.
#[function_component(Editor)]
fn editor(props: &EditorProps) -> Html {
    let refs = use_memo((), |_| [(); 5].map(|_| NodeRef::default()));
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (refs, error, id, on_save) = (
            refs.clone(),
            error.clone(),
            props.id.clone(),
            props.on_save.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |i: usize| field_value(&refs[i]);
            let fields = Fields {
                title: value(0),
                outlet: value(1),
                date: value(2),
                author: value(3),
                url: value(4),
            };
            // Checked here so a wrong field is said at once, with the form still filled in.
            match fields.check() {
                Ok(_) => on_save.emit((id.clone(), fields)),
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let on_cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let f = &props.fields;
    html! {
        <form class="meta-editor" {onsubmit} novalidate=true>
            <label>{ "Title" }<input type="text" value={f.title.clone()} ref={refs[0].clone()} /></label>
            <label>{ "Outlet" }<input type="text" value={f.outlet.clone()} ref={refs[1].clone()} /></label>
            <label>{ "Date" }<input type="text" value={f.date.clone()} placeholder="2025-12-19" ref={refs[2].clone()} /></label>
            <label>{ "Author" }<input type="text" value={f.author.clone()} ref={refs[3].clone()} /></label>
            <label>{ "Address" }<input type="url" value={f.url.clone()} ref={refs[4].clone()} /></label>
            if let Some(e) = &*error {
                <p class="form-error" role="alert">{ e }</p>
            }
            <span class="row-actions">
                <button type="submit">{ "Save" }</button>
                <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
            </span>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct UnreadableProps {
    records: Vec<crate::state::yours::Unreadable>,
}

/// Records the store holds but that no longer parse. They are never deleted; the reader can take
/// them away as a file.
#[function_component(UnreadableRecords)]
fn unreadable_records(UnreadableProps { records }: &UnreadableProps) -> Html {
    #[derive(Serialize)]
    struct Raw<'a> {
        key: &'a str,
        error: &'a str,
        raw: &'a str,
    }
    let on_export = use_callback(records.clone(), |_: MouseEvent, records| {
        let raws: Vec<Raw> = records
            .iter()
            .map(|r| Raw {
                key: &r.key,
                error: &r.error,
                raw: &r.raw,
            })
            .collect();
        if let Ok(text) = crate::download::json(&raws) {
            let _ = crate::download::download(
                "parallax-unreadable-records.json",
                "application/json",
                &text,
            );
        }
    });
    if records.is_empty() {
        return Html::default();
    }
    let n = records.len();
    html! {
        <section class="unreadable notice warning" role="alert" aria-labelledby="unreadable-heading">
            <h2 id="unreadable-heading">{ if n == 1 { "1 stored record could not be read".to_string() } else { format!("{n} stored records could not be read") } }</h2>
            <p>{ "Parallax keeps them exactly as they are and never deletes them. Export them to keep a copy, or to send them with a bug report." }</p>
            <ul>
                { for records.iter().map(|r| html! { <li><code>{ format!("record {}", r.key) }</code>{ ": " }{ &r.error }</li> }) }
            </ul>
            <button type="button" onclick={on_export}>{ "Export unreadable records" }</button>
        </section>
    }
}
