//! The reader's own articles: what is kept in this browser, what was just imported, and the
//! writes still owed to the store.
//!
//! The reducer never touches storage. Every change that must be kept appends a [`StoreOp`] to the
//! outbox; a hook performs the writes in order and reports each back with
//! [`YoursAction::Stored`], which settles the article's [`Saved`] state. So what the reader sees
//! ("not saved: storage is full") is always what happened, and all of it tests without a browser.

use super::Shared;
use parallax_core::corpus::{Article, PartialDate};
use parallax_core::import::{
    fingerprint, from_record, near_duplicates_among, to_record, Fingerprint,
};
use parallax_core::library::Library;
use std::rc::Rc;

/// One of the reader's articles and its record in the store.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub key: u32,
    /// Shared so that the state, copied on every change, does not copy article text.
    pub article: Rc<Article>,
    pub saved: Saved,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Written to the store, or read from it.
    Yes,
    /// A write is on its way.
    Pending,
    /// The store refused it (the message says why); the article stays for this visit.
    Failed(String),
}

/// A stored record that no longer parses. It is kept as it was, never overwritten or deleted,
/// and the reader can export it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub error: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoreStatus {
    Loading,
    Ready,
    /// No storage in this browser (private mode, blocked): articles can be added but only last
    /// for this visit.
    Unavailable(String),
}

/// A write owed to the store, in the order the changes were made.
#[derive(Clone, Debug, PartialEq)]
pub struct StoreOp {
    pub seq: u64,
    pub key: u32,
    pub write: Write,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// The record; shared because the state is copied on every change while writes are owed.
    Put(Rc<str>),
    Delete,
}

/// What became of one file or paste.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// The file's name, or "Pasted text".
    pub source: String,
    /// Ids and titles of the articles added.
    pub added: Vec<(String, String)>,
    pub notes: Vec<String>,
    pub duplicates: Vec<Duplicate>,
    /// Why nothing (or not everything) came in.
    pub errors: Vec<String>,
}

/// A new article that tells the same story in nearly the same words as one already here. It is
/// added all the same: the reader decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub id: String,
    pub of: String,
    pub of_title: String,
    pub similarity: f64,
}

/// A batch in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// The file being read now.
    pub current: String,
}

/// Metadata the reader can edit. Empty means "not given".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: String,
    pub outlet: String,
    pub date: String,
    pub author: String,
    pub url: String,
}

impl Meta {
    pub fn of(article: &Article) -> Meta {
        Meta {
            title: article.title.clone(),
            outlet: article.outlet.clone().unwrap_or_default(),
            date: article.published.map(|d| d.to_string()).unwrap_or_default(),
            author: article.author.clone().unwrap_or_default(),
            url: article.url.clone().unwrap_or_default(),
        }
    }

    /// Says which field is wrong, if one is; returns the date it reads.
    pub fn check(&self) -> Result<Option<PartialDate>, String> {
        if self.title.trim().is_empty() {
            return Err("An article needs a title.".to_string());
        }
        match self.date.trim() {
            "" => Ok(None),
            text => parallax_core::clean::parse_date(text)
                .map(Some)
                .ok_or_else(|| {
                    format!(
                        "“{text}” is not a date Parallax reads: write 2025, 2025-12 or 2025-12-19."
                    )
                }),
        }
    }

    /// Writes these fields into `article`, or says which field is wrong and changes nothing.
    pub fn apply(&self, article: &mut Article) -> Result<(), String> {
        let date = self.check()?;
        let title = self.title.trim();
        let given = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        article.title = title.to_string();
        article.outlet = given(&self.outlet);
        article.published = date;
        article.author = given(&self.author);
        article.url = given(&self.url);
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum YoursAction {
    /// The store was read: raw records by key, or why it could not be.
    Loaded(Result<Vec<(crate::storage::RecordKey, String)>, String>),
    /// A batch started, moved on, or ended (`None`).
    Progress(Option<Progress>),
    /// One file or paste was read: its articles and notes, or why it could not be.
    Imported {
        source: String,
        /// More articles from the same file as the previous step: one report line for both.
        continued: bool,
        result: Result<(Vec<Article>, Vec<String>), String>,
    },
    Edit {
        id: String,
        meta: Meta,
    },
    Delete(String),
    /// Puts the last deleted article back where it was.
    Undo,
    /// The store finished these writes (by `seq`), with their results.
    Stored(Vec<(u64, Result<(), String>)>),
    /// The reader has read the import report.
    DismissReport,
}

/// Everything about the reader's articles. `base` is the embedded library before any of them
/// joined; the library the app shows is always `base` plus `articles`, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Yours {
    pub base: Shared<Library>,
    pub articles: Vec<Stored>,
    pub unreadable: Vec<Unreadable>,
    pub status: StoreStatus,
    /// The last deleted article and where it was, for Undo.
    pub deleted: Option<(usize, Stored)>,
    /// What the latest imports did, newest last.
    pub report: Vec<Outcome>,
    pub progress: Option<Progress>,
    pub outbox: Vec<StoreOp>,
    /// Near-duplicate fingerprints of the library's first articles, in library order, so an
    /// import shingles only the new article. Cleared whenever positions change.
    fingerprints: Vec<Rc<Fingerprint>>,
    next_key: u32,
    next_seq: u64,
}

impl Yours {
    pub fn new(base: Shared<Library>) -> Yours {
        Yours {
            base,
            articles: Vec::new(),
            unreadable: Vec::new(),
            status: StoreStatus::Loading,
            deleted: None,
            report: Vec::new(),
            progress: None,
            outbox: Vec::new(),
            fingerprints: Vec::new(),
            next_key: 1,
            next_seq: 1,
        }
    }

    /// Writes may go to the store only once it has been read: until then the keys of what is
    /// already stored are unknown, and a write could overwrite one.
    pub fn writable(&self) -> bool {
        self.status != StoreStatus::Loading
    }

    pub fn contains(&self, id: &str) -> bool {
        self.articles.iter().any(|s| s.article.id == id)
    }

    pub fn get(&self, id: &str) -> Option<&Stored> {
        self.articles.iter().find(|s| s.article.id == id)
    }

    /// Articles whose last write failed.
    pub fn unsaved(&self) -> usize {
        self.articles
            .iter()
            .filter(|s| matches!(s.saved, Saved::Failed(_)))
            .count()
    }

    /// Applies `action`, given the library currently shown; returns the library to show next
    /// when it changed.
    pub fn apply(&mut self, action: YoursAction, library: &Library) -> Option<Library> {
        match action {
            YoursAction::Loaded(result) => self.loaded(result),
            YoursAction::Progress(progress) => {
                if progress.as_ref().is_some_and(|p| p.done == 0) {
                    self.report.clear();
                }
                self.progress = progress;
                None
            }
            YoursAction::Imported {
                source,
                continued,
                result,
            } => {
                let mut outcome = match self.report.pop() {
                    Some(last) if continued && last.source == source => last,
                    last => {
                        self.report.extend(last);
                        Outcome {
                            source,
                            ..Outcome::default()
                        }
                    }
                };
                let next = match result {
                    Ok((articles, notes)) => {
                        outcome.notes.extend(notes);
                        self.import(articles, library, &mut outcome)
                    }
                    Err(error) => {
                        outcome.errors.push(error);
                        None
                    }
                };
                self.report.push(outcome);
                next
            }
            YoursAction::Edit { id, meta } => {
                let i = self.position(&id)?;
                let mut article = (*self.articles[i].article).clone();
                // The editor checks the fields before sending them; a bad one changes nothing.
                meta.apply(&mut article).ok()?;
                if article == *self.articles[i].article {
                    return None;
                }
                self.articles[i].article = Rc::new(article);
                self.put(i);
                Some(self.rebuild())
            }
            YoursAction::Delete(id) => {
                let i = self.position(&id)?;
                let stored = self.articles.remove(i);
                self.owe(stored.key, Write::Delete);
                self.deleted = Some((i, stored));
                Some(self.rebuild())
            }
            YoursAction::Undo => {
                let (i, stored) = self.deleted.take()?;
                let i = i.min(self.articles.len());
                self.articles.insert(i, stored);
                self.put(i);
                Some(self.rebuild())
            }
            YoursAction::Stored(results) => {
                for (seq, result) in results {
                    self.settle(seq, result);
                }
                None
            }
            YoursAction::DismissReport => {
                self.report.clear();
                None
            }
        }
    }

    fn loaded(
        &mut self,
        result: Result<Vec<(crate::storage::RecordKey, String)>, String>,
    ) -> Option<Library> {
        use crate::storage::RecordKey;
        let records = match result {
            Ok(records) => records,
            Err(error) => {
                self.status = StoreStatus::Unavailable(error);
                return None;
            }
        };
        self.status = StoreStatus::Ready;
        let mut articles = Vec::new();
        for (key, raw) in records {
            if let RecordKey::Number(n) = key {
                self.next_key = self.next_key.max(n.saturating_add(1));
            }
            match (key, from_record(&raw)) {
                (RecordKey::Number(key), Ok(article)) => articles.push(Stored {
                    key,
                    article: Rc::new(article),
                    saved: Saved::Yes,
                }),
                (key, Ok(_)) => self.unreadable.push(Unreadable {
                    key: key.to_string(),
                    raw,
                    error: "The record's key is not one Parallax writes.".to_string(),
                }),
                (key, Err(error)) => self.unreadable.push(Unreadable {
                    key: key.to_string(),
                    raw,
                    error: error.to_string(),
                }),
            }
        }
        // Anything added before the store answered stays, after what was stored, under fresh
        // keys. Its writes were held back (see `writable`) and are owed again under those keys.
        self.outbox.clear();
        let added_meanwhile = std::mem::take(&mut self.articles);
        self.articles = articles;
        for mut stored in added_meanwhile {
            stored.key = self.take_key();
            self.articles.push(stored);
            self.put(self.articles.len() - 1);
        }
        Some(self.rebuild())
    }

    fn import(
        &mut self,
        articles: Vec<Article>,
        library: &Library,
        outcome: &mut Outcome,
    ) -> Option<Library> {
        let mut next: Option<Library> = None;
        for article in articles {
            if self.articles.iter().any(|s| *s.article == article) {
                outcome.notes.push(format!(
                    "“{}” is already among your articles: not added again.",
                    article.title
                ));
                continue;
            }
            let current = next.as_ref().unwrap_or(library);
            let known = self.fingerprints.len();
            self.fingerprints.extend(
                current.articles()[known..]
                    .iter()
                    .map(|a| Rc::new(fingerprint(a))),
            );
            let mut print = fingerprint(&article);
            for d in near_duplicates_among(&print, &self.fingerprints) {
                let other = &current.articles()[d.index];
                outcome.duplicates.push(Duplicate {
                    id: String::new(),
                    of: other.id.clone(),
                    of_title: other.title.clone(),
                    similarity: d.similarity,
                });
            }
            let mut grown = next.take().unwrap_or_else(|| library.clone());
            let mut article = article;
            article.id = grown.add(article.clone());
            print.id = article.id.clone();
            self.fingerprints.push(Rc::new(print));
            for d in outcome.duplicates.iter_mut().filter(|d| d.id.is_empty()) {
                d.id = article.id.clone();
            }
            outcome
                .added
                .push((article.id.clone(), article.title.clone()));
            let key = self.take_key();
            self.articles.push(Stored {
                key,
                article: Rc::new(article),
                saved: Saved::Pending,
            });
            self.put(self.articles.len() - 1);
            next = Some(grown);
        }
        next
    }

    /// Records how the write `seq` went.
    fn settle(&mut self, seq: u64, result: Result<(), String>) {
        let Some(at) = self.outbox.iter().position(|op| op.seq == seq) else {
            return;
        };
        let op = self.outbox.remove(at);
        // A later write to the same record decides its state.
        let superseded = self.outbox.iter().any(|o| o.key == op.key);
        if let (Write::Put(_), false) = (&op.write, superseded) {
            if let Some(s) = self.articles.iter_mut().find(|s| s.key == op.key) {
                s.saved = match result {
                    Ok(()) => Saved::Yes,
                    Err(error) => Saved::Failed(storage_message(&error)),
                };
            }
        }
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|s| s.article.id == id)
    }

    fn take_key(&mut self) -> u32 {
        let key = self.next_key;
        self.next_key += 1;
        key
    }

    /// Owes the store the current state of article `i`.
    fn put(&mut self, i: usize) {
        let stored = &mut self.articles[i];
        stored.saved = Saved::Pending;
        let (key, record) = (stored.key, to_record(&stored.article));
        self.owe(key, Write::Put(record.into()));
    }

    fn owe(&mut self, key: u32, write: Write) {
        self.outbox.push(StoreOp {
            seq: self.next_seq,
            key,
            write,
        });
        self.next_seq += 1;
    }

    /// The embedded library plus the reader's articles. Ids were made unique when each article
    /// joined, so they normally come out unchanged; one added before the store answered may
    /// clash with a stored one, and then takes the id the library gives it, and that is saved.
    fn rebuild(&mut self) -> Library {
        self.fingerprints.clear();
        let mut library = (*self.base).clone();
        let mut renamed = Vec::new();
        for (i, stored) in self.articles.iter_mut().enumerate() {
            let id = library.add((*stored.article).clone());
            if id != stored.article.id {
                Rc::make_mut(&mut stored.article).id = id;
                renamed.push(i);
            }
        }
        for i in renamed {
            self.put(i);
        }
        library
    }
}

/// The store's error in the reader's terms; a full disk is the one they can act on.
fn storage_message(error: &str) -> String {
    if error.contains("QuotaExceeded") || error.to_lowercase().contains("quota") {
        "Not saved: this browser's storage for Parallax is full. The article stays until you close the page; export your articles to keep it.".to_string()
    } else {
        format!("Not saved: the browser's storage refused it ({error}). The article stays until you close the page; export your articles to keep it.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::{Location, Route, SearchParams};
    use crate::state::{Action, AppState};
    use crate::storage::RecordKey;
    use parallax_core::clean::clean_article;
    use parallax_core::corpus::Corpus;
    use yew::Reducible;

    const STORM: &str = "Storm hits the coast\n\nA storm hit the northern coast at dawn on Tuesday, flooding roads and cutting power to 40,000 homes, the regional government said.";
    const MARKETS: &str = "Markets rally on rate hopes\n\nStocks rose sharply on Wednesday as traders bet that the central bank would cut interest rates before the summer.";

    fn fresh() -> Rc<AppState> {
        let corpus = Corpus::from_articles(vec![clean_article("storm.txt", STORM)]);
        Rc::new(AppState::new(
            Library::build(corpus),
            Location::new(Route::Yours, SearchParams::default()),
        ))
    }

    fn ready() -> Rc<AppState> {
        fresh().reduce(yours(YoursAction::Loaded(Ok(Vec::new()))))
    }

    fn yours(action: YoursAction) -> Action {
        Action::Yours(action)
    }

    fn imported(source: &str, raw: &str) -> Action {
        yours(YoursAction::Imported {
            source: source.into(),
            continued: false,
            result: Ok((vec![clean_article(source, raw)], Vec::new())),
        })
    }

    fn hits(s: &AppState, query: &str) -> usize {
        s.library.search(query, &Default::default(), 10).total
    }

    #[test]
    fn an_imported_article_joins_search_and_is_owed_to_the_store() {
        let s = ready().reduce(imported("markets.txt", MARKETS));
        assert_eq!(hits(&s, "interest rates"), 1);
        assert!(s.yours.contains("markets-rally-on-rate-hopes"));
        assert_eq!(s.yours.articles[0].saved, Saved::Pending);
        let op = s.yours.outbox.last().expect("a write is owed");
        let Write::Put(record) = &op.write else {
            panic!("expected a put, got {op:?}");
        };
        assert_eq!(
            from_record(record).as_ref(),
            Ok(&*s.yours.articles[0].article)
        );
        let seq = op.seq;
        let s = s.reduce(yours(YoursAction::Stored(vec![(seq, Ok(()))])));
        assert_eq!(s.yours.articles[0].saved, Saved::Yes);
        assert!(s.yours.outbox.is_empty());
    }

    // Regression: issue 5, "storage quota exceeded (say so; keep what was already saved)".
    #[test]
    fn a_refused_write_says_so_and_keeps_the_article_for_this_visit() {
        let s = ready().reduce(imported("markets.txt", MARKETS));
        let seq = s.yours.outbox[0].seq;
        let s = s.reduce(yours(YoursAction::Stored(vec![(
            seq,
            Err("QuotaExceededError: The quota has been exceeded.".into()),
        )])));
        match &s.yours.articles[0].saved {
            Saved::Failed(why) => assert!(why.contains("storage for Parallax is full"), "{why}"),
            other => panic!("expected a failure, got {other:?}"),
        }
        assert_eq!(s.yours.unsaved(), 1);
        assert_eq!(hits(&s, "interest rates"), 1, "the article is still there");
    }

    #[test]
    fn delete_then_undo_puts_the_article_back_in_its_place() {
        let s = ready()
            .reduce(imported("markets.txt", MARKETS))
            .reduce(imported(
                "other.txt",
                "Harvest begins\n\nFarmers began the wheat harvest early.",
            ));
        let first_key = s.yours.articles[0].key;
        let s = s.reduce(yours(YoursAction::Delete(
            "markets-rally-on-rate-hopes".into(),
        )));
        assert_eq!(hits(&s, "interest rates"), 0);
        assert_eq!(s.yours.articles.len(), 1);
        assert_eq!(
            s.yours.outbox.last().map(|op| (&op.write, op.key)),
            Some((&Write::Delete, first_key))
        );
        let s = s.reduce(yours(YoursAction::Undo));
        assert_eq!(hits(&s, "interest rates"), 1);
        assert_eq!(
            s.yours.articles[0].key, first_key,
            "back in first place, same record"
        );
        assert!(matches!(
            s.yours.outbox.last().map(|op| &op.write),
            Some(Write::Put(_))
        ));
        assert!(s.yours.deleted.is_none());
    }

    #[test]
    fn editing_metadata_reindexes_and_a_bad_date_changes_nothing() {
        let s = ready().reduce(imported("markets.txt", MARKETS));
        let id = "markets-rally-on-rate-hopes".to_string();
        let mut meta = Meta::of(&s.yours.articles[0].article);
        meta.date = "next tuesday".into();
        assert!(meta.check().unwrap_err().contains("next tuesday"));
        let before = s.yours.outbox.len();
        let s = s.reduce(yours(YoursAction::Edit {
            id: id.clone(),
            meta: meta.clone(),
        }));
        assert_eq!(
            s.yours.outbox.len(),
            before,
            "nothing owed for a refused edit"
        );
        meta.date = "2025-12-19".into();
        meta.title = "Shares climb as rate cut nears".into();
        meta.outlet = "The Ledger".into();
        let s = s.reduce(yours(YoursAction::Edit {
            id: id.clone(),
            meta,
        }));
        let article = &s.yours.get(&id).expect("same id after an edit").article;
        assert_eq!(article.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(
            article.published.map(|d| d.to_string()).as_deref(),
            Some("2025-12-19")
        );
        assert_eq!(hits(&s, "shares climb"), 1, "the new title is searchable");
        assert_eq!(hits(&s, "outlet:ledger"), 1);
    }

    // Regression: issue 5, "stored data that no longer parses (keep the raw record, offer its
    // export, never wipe it)".
    #[test]
    fn unreadable_records_are_kept_and_never_written_over() {
        let good = to_record(&clean_article("markets.txt", MARKETS));
        let s = fresh().reduce(yours(YoursAction::Loaded(Ok(vec![
            (RecordKey::Number(3), good),
            (RecordKey::Number(7), "{\"title\": \"half a rec".into()),
            (RecordKey::Other("stray".into()), "{}".into()),
        ]))));
        assert_eq!(s.yours.status, StoreStatus::Ready);
        assert_eq!(s.yours.articles.len(), 1);
        assert_eq!(hits(&s, "interest rates"), 1);
        let kept: Vec<(&str, &str)> = s
            .yours
            .unreadable
            .iter()
            .map(|u| (u.key.as_str(), u.raw.as_str()))
            .collect();
        assert_eq!(kept, [("7", "{\"title\": \"half a rec"), ("stray", "{}")]);
        assert!(s.yours.outbox.is_empty(), "loading owes the store nothing");
        let s = s.reduce(imported(
            "other.txt",
            "Harvest begins\n\nFarmers began the wheat harvest early.",
        ));
        assert_eq!(
            s.yours.outbox[0].key, 8,
            "a new record never takes an unreadable one's key"
        );
    }

    #[test]
    fn articles_added_before_the_store_answers_get_keys_after_the_stored_ones() {
        let s = fresh().reduce(imported(
            "other.txt",
            "Harvest begins\n\nFarmers began the wheat harvest early.",
        ));
        assert!(
            !s.yours.writable(),
            "no write before the stored keys are known"
        );
        let stored = to_record(&clean_article("markets.txt", MARKETS));
        let s = s.reduce(yours(YoursAction::Loaded(Ok(vec![(
            RecordKey::Number(1),
            stored,
        )]))));
        let keys: Vec<u32> = s.yours.articles.iter().map(|a| a.key).collect();
        assert_eq!(keys, [1, 2]);
        let owed: Vec<u32> = s.yours.outbox.iter().map(|op| op.key).collect();
        assert_eq!(owed, [2], "the stored record is not overwritten");
        assert_eq!(hits(&s, "harvest"), 1);
        assert_eq!(hits(&s, "interest rates"), 1);
    }

    #[test]
    fn an_article_added_before_the_store_answers_never_shares_an_id_with_a_stored_one() {
        let s = fresh().reduce(imported("markets.txt", MARKETS));
        let stored = to_record(&clean_article("other-markets.txt", MARKETS));
        let s = s.reduce(yours(YoursAction::Loaded(Ok(vec![(
            RecordKey::Number(1),
            stored,
        )]))));
        let ids: Vec<&str> = s
            .yours
            .articles
            .iter()
            .map(|a| a.article.id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "markets-rally-on-rate-hopes",
                "markets-rally-on-rate-hopes-2"
            ]
        );
        for id in ids {
            assert!(
                s.library.corpus().get(id).is_some(),
                "{id} is in the library"
            );
        }
        let Some(Write::Put(record)) = s.yours.outbox.last().map(|op| &op.write) else {
            panic!("the renamed article is saved under its new id");
        };
        assert_eq!(
            from_record(record).unwrap().id,
            "markets-rally-on-rate-hopes-2"
        );
    }

    #[test]
    fn the_same_article_imported_twice_is_added_once() {
        let s = ready()
            .reduce(imported("markets.txt", MARKETS))
            .reduce(imported("markets.txt", MARKETS));
        assert_eq!(s.yours.articles.len(), 1);
        let last = s.yours.report.last().expect("a report");
        assert!(last.added.is_empty());
        assert!(
            last.notes[0].contains("already among your articles"),
            "{:?}",
            last.notes
        );
    }

    // Regression: issue 5, "near-duplicates (the same wire story in two outlets) are flagged on
    // import, not dropped".
    #[test]
    fn a_near_duplicate_is_flagged_and_kept() {
        let wire = "Floods cut power along the coast\n\nFeatured\n\nA storm hit the northern coast at dawn on Tuesday, flooding roads and cutting power to 40,000 homes, the regional government said.";
        let s = ready().reduce(imported("wire.txt", wire));
        let last = s.yours.report.last().expect("a report");
        assert_eq!(last.added.len(), 1, "kept");
        let d = last
            .duplicates
            .first()
            .expect("flagged as a near-duplicate");
        assert_eq!(
            (d.id.as_str(), d.of.as_str()),
            (last.added[0].0.as_str(), "storm-hits-the-coast")
        );
        let s = s.reduce(imported("markets.txt", MARKETS));
        assert!(
            s.yours.report.last().unwrap().duplicates.is_empty(),
            "a different story is not flagged"
        );
    }

    #[test]
    fn one_file_in_several_steps_gives_one_report_line() {
        let step = |continued, raw: &str| {
            yours(YoursAction::Imported {
                source: "export.json".into(),
                continued,
                result: Ok((
                    vec![clean_article("x.txt", raw)],
                    vec![format!("note {continued}")],
                )),
            })
        };
        let s = ready()
            .reduce(yours(YoursAction::Progress(Some(Progress {
                done: 0,
                total: 1,
                current: "export.json".into(),
            }))))
            .reduce(step(false, MARKETS))
            .reduce(step(
                true,
                "Harvest begins\n\nFarmers began the wheat harvest early.",
            ));
        assert_eq!(s.yours.report.len(), 1);
        assert_eq!(s.yours.report[0].added.len(), 2);
        assert_eq!(s.yours.report[0].notes, ["note false", "note true"]);
    }

    #[test]
    fn a_file_that_cannot_be_read_is_reported_and_changes_nothing_else() {
        let s = ready();
        let library = s.library.clone();
        let s = s.reduce(yours(YoursAction::Imported {
            source: "scan.pdf".into(),
            continued: false,
            result: Err("scan.pdf looks like a binary file (PDF), not text.".into()),
        }));
        assert_eq!(s.library, library, "the same library, not a copy");
        assert_eq!(s.yours.report[0].errors.len(), 1);
        assert!(s.yours.outbox.is_empty());
    }
}
