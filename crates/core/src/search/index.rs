//! The inverted index: dictionaries of words and stems, positional postings, compact bytes.
//!
//! Layout. A [`Dict`] maps every folded surface word seen ("deported") to its stem ("deport"),
//! and every stem to a posting list. Surfaces are what prefix and typo matching walk (they are
//! what people type, and Snowball stems like "secur" are not), stems are what scoring counts.
//! One `Dict` holds title and body text; a second holds broken-name joins (approximate only);
//! each document field (`outlet`, `entity`, ...) gets its own.
//!
//! Postings are one byte vector per stem, LEB128 varints, documents in increasing order:
//! `doc gap, count, first position, position gaps...`. Positions count every token (stopwords
//! too, though they are not indexed) so phrases check adjacency; the title takes positions
//! `0..title_len`, the body starts after a gap and each paragraph is followed by one, so phrases
//! never span fields or paragraphs. Appending a new document only appends bytes, which is what
//! makes incremental indexing in the browser cheap.
//!
//! Bytes ([`Index::to_bytes`]): per dictionary, the sorted surfaces front-coded (length shared
//! with the previous key plus the rest), each naming its stem as "drop n bytes, add suffix"
//! (usually one zero byte), the first surface of each stem followed by the stem's postings. A
//! hand-rolled format rather than an fst: the dictionary must stay mutable for incremental adds,
//! and front coding comes within a byte or two per word of an fst here, with no dependency.

use super::rank::{Lengths, Recent};
use super::{Doc, DocNo};
use crate::text::{self, Token, TokenKind, TokenRef};
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::OnceLock;

/// Positions left empty between title and body and after each paragraph or field value.
pub(crate) const GAP: u32 = 8;
const MAGIC: &[u8; 4] = b"PXS1";

/// Per-document numbers needed for scoring.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DocMeta {
    pub id: String,
    /// Title tokens; also the first body position minus [`GAP`].
    pub title_len: u32,
    /// Body tokens over all paragraphs.
    pub body_len: u32,
}

/// One stem's postings.
#[derive(Clone, Debug)]
pub(crate) struct Stem {
    pub text: Box<str>,
    /// Documents in `data`.
    pub df: u32,
    /// Last document in `data`, where the next append continues the gaps from.
    last_doc: Option<DocNo>,
    pub data: Vec<u8>,
    /// Bytes of `text` that every surface word with this stem begins with ("happ" for "happi":
    /// "happy", "happiness"); derived, not serialised.
    shared: u8,
}

impl Stem {
    fn surface(&mut self, word: &str) {
        let n = common_prefix(&self.text, word).min(usize::from(u8::MAX));
        self.shared = self.shared.min(n as u8);
    }

    /// The start that every word indexed under this stem has, as folded text.
    pub fn shared_start(&self) -> &str {
        let mut n = usize::from(self.shared).min(self.text.len());
        while !self.text.is_char_boundary(n) {
            n -= 1;
        }
        &self.text[..n]
    }
}

/// Surfaces, stems and postings for one kind of text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Dict {
    /// Folded surface word -> stem id.
    pub words: BTreeMap<Box<str>, u32>,
    /// Stem text -> stem id.
    pub stem_ids: BTreeMap<Box<str>, u32>,
    pub stems: Vec<Stem>,
    /// `words` by first letter and length; built on first use after a change.
    by_length: OnceLock<ByLength>,
    /// The most frequent stems under each prefix of one or two letters; built on first use
    /// after a change.
    short_prefixes: OnceLock<ShortPrefixes>,
}

/// Per prefix of one or two letters, its most frequent stems as (stem, frequency).
type ShortPrefixes = HashMap<Box<str>, Vec<(u32, u32)>>;

/// How many stems [`Dict::frequent_stems`] keeps per short prefix: one more than any cap asked
/// for, so that one stem can still be left out.
const SHORT_TOP: usize = 25;

/// Surface words laid out for typo search, by first letter and then length in chars: the words
/// within `k` edits of one are read from `2k + 1` runs, not from all that share its first letter
/// (thousands, for every keystroke of a long word).
#[derive(Clone, Debug, Default)]
struct ByLength {
    text: String,
    /// Sorted by (first, chars).
    entries: Vec<LenEntry>,
}

#[derive(Clone, Copy, Debug)]
struct LenEntry {
    first: char,
    chars: u32,
    /// Byte range in `ByLength::text`.
    start: u32,
    end: u32,
    id: u32,
}

impl ByLength {
    fn new(words: &BTreeMap<Box<str>, u32>) -> ByLength {
        let mut out = ByLength::default();
        for (word, &id) in words {
            let Some(first) = word.chars().next() else {
                continue;
            };
            let start = out.text.len() as u32;
            out.text.push_str(word);
            out.entries.push(LenEntry {
                first,
                chars: word.chars().count() as u32,
                start,
                end: out.text.len() as u32,
                id,
            });
        }
        out.entries.sort_by_key(|e| (e.first, e.chars));
        out
    }
}

impl Dict {
    /// Surface words (with their stems) that start with `first` and have `chars` chars.
    pub fn words_by_length(
        &self,
        first: char,
        chars: std::ops::RangeInclusive<usize>,
    ) -> impl Iterator<Item = (&str, u32)> + '_ {
        let table = self.by_length.get_or_init(|| ByLength::new(&self.words));
        let key = |n: usize| (first, u32::try_from(n).unwrap_or(u32::MAX));
        let (lo, hi) = (key(*chars.start()), key(*chars.end()));
        let from = table.entries.partition_point(|e| (e.first, e.chars) < lo);
        let to = table.entries.partition_point(|e| (e.first, e.chars) <= hi);
        table.entries[from..to.max(from)]
            .iter()
            .map(|e| (&table.text[e.start as usize..e.end as usize], e.id))
    }

    fn intern(&mut self, surface: &str, number: bool) -> u32 {
        if let Some(&id) = self.words.get(surface) {
            return id;
        }
        self.by_length.take();
        self.short_prefixes.take();
        let stem = if number {
            surface.to_string()
        } else {
            text::stem(surface)
        };
        let id = self.stem_id(&stem);
        self.words.insert(surface.into(), id);
        self.stems[id as usize].surface(surface);
        id
    }

    fn stem_id(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.stem_ids.get(stem) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.stems.push(Stem {
            text: stem.into(),
            df: 0,
            last_doc: None,
            data: Vec::new(),
            shared: u8::MAX,
        });
        self.stem_ids.insert(stem.into(), id);
        id
    }

    /// Appends one document's sorted positions for `stem`; `doc` must exceed earlier ones.
    fn append(&mut self, stem: u32, doc: DocNo, positions: &[u32]) {
        let s = &mut self.stems[stem as usize];
        let next = match s
            .last_doc
            .or_else(|| Postings::new(&s.data).map(|p| p.doc).last())
        {
            Some(last) => last + 1,
            None => 0,
        };
        debug_assert!(doc >= next, "documents are appended in order");
        put_varint(&mut s.data, u64::from(doc - next));
        put_varint(&mut s.data, positions.len() as u64);
        let mut prev = 0;
        for (k, &p) in positions.iter().enumerate() {
            put_varint(
                &mut s.data,
                u64::from(if k == 0 { p } else { p - prev - 1 }),
            );
            prev = p;
        }
        s.df += 1;
        s.last_doc = Some(doc);
    }

    /// The stems of the words starting with `prefix`, most documents first (then by id), at
    /// most `cap`, `except` left out. A prefix of one or two letters covers thousands of words,
    /// and is asked for on every first keystroke: those are worked out once for all.
    pub fn frequent_stems(&self, prefix: &str, cap: usize, except: Option<u32>) -> Vec<u32> {
        let chars = prefix.chars().count();
        let best: Vec<(u32, u32)> = if (1..=2).contains(&chars) && cap < SHORT_TOP {
            let table = self.short_prefixes.get_or_init(|| {
                let mut table = ShortPrefixes::new();
                for (word, &id) in &self.words {
                    for (i, c) in word.char_indices().take(2) {
                        let top = table.entry(word[..i + c.len_utf8()].into()).or_default();
                        keep_best(top, (self.df(id), id), SHORT_TOP);
                    }
                }
                table
            });
            table.get(prefix).cloned().unwrap_or_default()
        } else {
            let mut top = Vec::with_capacity(cap + 2);
            for (_, &id) in self.with_prefix(prefix) {
                keep_best(&mut top, (self.df(id), id), cap + 1);
            }
            top
        };
        best.into_iter()
            .map(|(_, id)| id)
            .filter(|&id| Some(id) != except)
            .take(cap)
            .collect()
    }

    /// Surface words starting with `prefix`, in sorted order. Both ends of the range are found
    /// once, rather than every word compared with the prefix: a short prefix spans thousands.
    pub fn with_prefix<'a>(
        &'a self,
        prefix: &str,
    ) -> impl Iterator<Item = (&'a Box<str>, &'a u32)> + 'a {
        let end = prefix_end(prefix);
        let end = end.as_deref().map_or(Bound::Unbounded, Bound::Excluded);
        self.words.range::<str, _>((Bound::Included(prefix), end))
    }

    pub fn postings(&self, stem: u32) -> Postings<'_> {
        Postings::new(self.stems.get(stem as usize).map_or(&[][..], |s| &s.data))
    }

    pub fn df(&self, stem: u32) -> u32 {
        self.stems.get(stem as usize).map_or(0, |s| s.df)
    }

    fn add_all(&mut self, doc: DocNo, occ: &mut [(u32, u32)]) {
        // Document counts change.
        self.short_prefixes.take();
        occ.sort_unstable();
        let mut positions = Vec::new();
        for run in occ.chunk_by(|a, b| a.0 == b.0) {
            positions.clear();
            positions.extend(run.iter().map(|o| o.1));
            positions.dedup();
            self.append(run[0].0, doc, &positions);
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        // Surfaces in sorted order, front-coded. Each names its stem as "drop n bytes, add
        // suffix" (usually a single zero byte) and the first surface of a stem carries its postings,
        // so stems cost nothing extra and Snowball-only strings ("secur") are never stored.
        let mut carried = vec![false; self.stems.len()];
        put_varint(out, self.words.len() as u64);
        let mut prev: &str = "";
        for (key, &id) in &self.words {
            let shared = common_prefix(prev, key);
            put_pair(out, shared, key.len() - shared);
            out.extend_from_slice(&key.as_bytes()[shared..]);
            prev = key;
            let stem = &self.stems[id as usize];
            let keep = common_prefix(key, &stem.text);
            let add = &stem.text[keep..];
            let carries = !std::mem::replace(&mut carried[id as usize], true);
            let tag = ((key.len() - keep) as u64) << 2
                | u64::from(!add.is_empty()) << 1
                | u64::from(carries);
            put_varint(out, tag);
            if !add.is_empty() {
                put_str(out, add);
            }
            if carries {
                put_varint(out, u64::from(stem.df));
                out.extend_from_slice(&stem.data);
            }
        }
    }

    fn read(r: &mut Reader) -> Result<Dict, String> {
        let n = r.len()?;
        let mut dict = Dict::default();
        let mut words = Vec::with_capacity(n);
        let mut key = String::new();
        for _ in 0..n {
            let (shared, len) = r.pair()?;
            let rest = r.bytes(len)?;
            if shared > key.len() || !key.is_char_boundary(shared) {
                return Err("corrupt search index: bad key prefix".into());
            }
            key.truncate(shared);
            key.push_str(std::str::from_utf8(rest).map_err(|_| "corrupt search index: bad utf-8")?);
            let tag = r.varint()?;
            let add = if tag & 2 != 0 { r.str()? } else { "" };
            let cut = usize::try_from(tag >> 2).unwrap_or(usize::MAX);
            let keep = key
                .len()
                .checked_sub(cut)
                .filter(|&k| key.is_char_boundary(k));
            let keep = keep.ok_or("corrupt search index: bad stem suffix")?;
            let id = if keep == key.len() && add.is_empty() {
                dict.stem_id(&key)
            } else {
                dict.stem_id(&format!("{}{add}", &key[..keep]))
            };
            if tag & 1 != 0 {
                let df = r.varint()? as u32;
                // Postings are self-delimiting given df, so no length is stored.
                let mut it = Postings::new(&r.b[r.at..]);
                let mut last = None;
                for _ in 0..df {
                    last = Some(
                        it.next()
                            .ok_or("corrupt search index: truncated postings")?
                            .doc,
                    );
                }
                let data = r.bytes(it.at)?;
                let s = &mut dict.stems[id as usize];
                s.df = df;
                s.data = data.to_vec();
                s.last_doc = last;
            }
            dict.stems[id as usize].surface(&key);
            words.push((Box::<str>::from(key.as_str()), id));
        }
        dict.words = words.into_iter().collect();
        Ok(dict)
    }
}

/// Iterator over one stem's postings.
#[derive(Clone)]
pub(crate) struct Postings<'a> {
    data: &'a [u8],
    at: usize,
    next_doc: u64,
}

/// One document's entry in a posting list.
pub(crate) struct Posting<'a> {
    pub doc: DocNo,
    pub count: u32,
    bytes: &'a [u8],
}

impl<'a> Postings<'a> {
    fn new(data: &'a [u8]) -> Self {
        Postings {
            data,
            at: 0,
            next_doc: 0,
        }
    }
}

impl<'a> Iterator for Postings<'a> {
    type Item = Posting<'a>;

    fn next(&mut self) -> Option<Posting<'a>> {
        let gap = get_varint(self.data, &mut self.at)?;
        let count = get_varint(self.data, &mut self.at)?;
        let doc = self
            .next_doc
            .checked_add(gap)
            .filter(|&d| d < u64::from(u32::MAX))?;
        self.next_doc = doc + 1;
        let start = self.at;
        self.at = skip_varints(self.data, self.at, count)?;
        Some(Posting {
            doc: doc as DocNo,
            count: count as u32,
            bytes: &self.data[start..self.at],
        })
    }
}

impl Posting<'_> {
    /// How many positions are below `limit`: the title's, when `limit` is its length.
    pub fn count_below(&self, limit: u32) -> u32 {
        self.positions().take_while(|&p| p < limit).count() as u32
    }

    /// Absolute positions, increasing.
    pub fn positions(&self) -> impl Iterator<Item = u32> + '_ {
        let mut at = 0;
        let mut prev: Option<u32> = None;
        std::iter::from_fn(move || {
            let v = get_varint(self.bytes, &mut at)? as u32;
            let p = match prev {
                None => v,
                Some(q) => q.saturating_add(v).saturating_add(1),
            };
            prev = Some(p);
            Some(p)
        })
    }
}

/// A searchable index of documents; see the module docs for the layout.
///
/// Serde serialises it as one byte string in the [`Index::to_bytes`] form.
#[derive(Clone, Debug, Default)]
pub struct Index {
    pub(crate) docs: Vec<DocMeta>,
    pub(crate) title_tokens: u64,
    pub(crate) body_tokens: u64,
    pub(crate) text: Dict,
    pub(crate) joins: Dict,
    pub(crate) fields: BTreeMap<String, Dict>,
    /// Derived from `docs` on first use after a change.
    pub(crate) lengths: OnceLock<Lengths>,
    pub(crate) recent: Recent,
}

/// Whether two adjacent tokens look like one name broken in two ("BUK ELE'S", "Bu Kele"), and
/// so get their concatenation indexed as an approximate term.
///
/// Both fragments capitalised, neither a stopword, each at most 4 letters (5+ together), with
/// only spaces or one hyphen between. Why so narrow: every join is an extra posting, and in
/// lowercase prose short neighbours are ordinary words ("new law"); capitalised short fragments
/// are rare outside names and shouty headlines, so the index grows by a few terms per document.
pub(crate) fn joinable(text: &str, a: TokenRef, b: TokenRef) -> bool {
    const MAX_FRAGMENT: usize = 4;
    if a.kind != TokenKind::Word || b.kind != TokenKind::Word {
        return false;
    }
    let (la, lb) = (a.norm.chars().count(), b.norm.chars().count());
    if la > MAX_FRAGMENT || lb > MAX_FRAGMENT || la + lb < 5 {
        return false;
    }
    let capital = |t: TokenRef| {
        text[t.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    if !capital(a) || !capital(b) || text::is_stopword(a.norm) || text::is_stopword(b.norm) {
        return false;
    }
    // A possessive ends a name ("ELE'S IRON" is not one word).
    if a.end - a.start != a.norm.len() && text[a.start..a.end].contains(['\'', '’']) {
        return false;
    }
    let between = &text[a.end..b.start];
    let hyphens = between
        .chars()
        .filter(|&c| matches!(c, '-' | '‐' | '‑'))
        .count();
    !between.is_empty()
        && between.chars().count() <= 3
        && hyphens <= 1
        && between
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
}

/// The folded concatenation a join is indexed under.
pub(crate) fn join_norm(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Indexes one more document and returns its number (0, 1, 2, ... in order of adding).
    pub fn add(&mut self, doc: &Doc) -> DocNo {
        let no = self.docs.len() as DocNo;
        let texts: Vec<&str> = std::iter::once(doc.title)
            .chain(doc.body.iter().map(String::as_str))
            .collect();
        let toks: Vec<Vec<Token>> = texts.iter().map(|t| text::tokenize(t)).collect();
        // Each distinct word of the document is looked up in the dictionary once.
        let mut seen: HashMap<&str, Option<u32>> = HashMap::new();
        let (mut occ, mut jocc) = (Vec::new(), Vec::new());
        let mut pos = 0;
        for (s, ts) in texts.iter().zip(&toks) {
            for (k, t) in ts.iter().enumerate() {
                let p = pos + k as u32;
                let id = *seen
                    .entry(t.norm.as_str())
                    .or_insert_with(|| intern_token(&mut self.text, t));
                if let Some(id) = id {
                    occ.push((id, p));
                }
                if let Some(next) = ts
                    .get(k + 1)
                    .filter(|next| joinable(s, t.as_ref(), next.as_ref()))
                {
                    let id = self.joins.intern(&join_norm(&t.norm, &next.norm), false);
                    jocc.push((id, p));
                }
            }
            pos += ts.len() as u32 + GAP;
        }
        let title_len = toks[0].len() as u32;
        let body_len = toks[1..].iter().map(|t| t.len() as u32).sum::<u32>();
        self.text.add_all(no, &mut occ);
        self.joins.add_all(no, &mut jocc);

        let mut by_field: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for (name, value) in &doc.fields {
            by_field
                .entry(name.to_ascii_lowercase())
                .or_default()
                .push(value);
        }
        for (name, values) in by_field {
            let dict = self.fields.entry(name).or_default();
            let mut focc = Vec::new();
            let mut fpos = 0;
            for v in values {
                let toks = text::tokenize(v);
                for (k, t) in toks.iter().enumerate() {
                    if let Some(id) = intern_token(dict, t) {
                        focc.push((id, fpos + k as u32));
                    }
                }
                fpos += toks.len() as u32 + GAP;
            }
            dict.add_all(no, &mut focc);
        }

        self.title_tokens += u64::from(title_len);
        self.body_tokens += u64::from(body_len);
        self.lengths.take();
        self.recent.clear();
        self.docs.push(DocMeta {
            id: doc.id.to_string(),
            title_len,
            body_len,
        });
        no
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// No documents yet.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The id a document was added with.
    pub fn doc_id(&self, doc: DocNo) -> Option<&str> {
        self.docs.get(doc as usize).map(|d| d.id.as_str())
    }

    /// Distinct folded words in titles and bodies.
    pub fn word_count(&self) -> usize {
        self.text.words.len()
    }

    /// The compact serialised form; [`Index::from_bytes`] reads it back.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_varint(&mut out, self.docs.len() as u64);
        for d in &self.docs {
            put_str(&mut out, &d.id);
            put_varint(&mut out, u64::from(d.title_len));
            put_varint(&mut out, u64::from(d.body_len));
        }
        self.text.write(&mut out);
        self.joins.write(&mut out);
        put_varint(&mut out, self.fields.len() as u64);
        for (name, dict) in &self.fields {
            put_str(&mut out, name);
            dict.write(&mut out);
        }
        out
    }

    /// Reads [`Index::to_bytes`] output. Documents can be added to the result.
    pub fn from_bytes(b: &[u8]) -> Result<Self, String> {
        let rest = b
            .strip_prefix(MAGIC)
            .ok_or("not a Parallax search index (bad magic)")?;
        let mut r = Reader { b: rest, at: 0 };
        let n = r.len()?;
        let mut idx = Index::new();
        for _ in 0..n {
            let id = r.str()?.to_string();
            let title_len = r.varint()? as u32;
            let body_len = r.varint()? as u32;
            idx.title_tokens += u64::from(title_len);
            idx.body_tokens += u64::from(body_len);
            idx.docs.push(DocMeta {
                id,
                title_len,
                body_len,
            });
        }
        idx.text = Dict::read(&mut r)?;
        idx.joins = Dict::read(&mut r)?;
        for _ in 0..r.len()? {
            let name = r.str()?.to_string();
            let dict = Dict::read(&mut r)?;
            idx.fields.insert(name, dict);
        }
        if r.at != r.b.len() {
            return Err("corrupt search index: trailing bytes".into());
        }
        Ok(idx)
    }
}

/// Adds `c` (df, stem) to `top`, which holds at most `cap` distinct entries, most documents
/// first (then lower stem): most candidates fall short of the last one at a glance.
fn keep_best(top: &mut Vec<(u32, u32)>, c: (u32, u32), cap: usize) {
    let better = |a: (u32, u32), b: (u32, u32)| a.0 > b.0 || a.0 == b.0 && a.1 < b.1;
    if top.len() == cap && !top.last().is_some_and(|&l| better(c, l)) {
        return;
    }
    let at = top.partition_point(|&k| better(k, c));
    if top.get(at) != Some(&c) {
        top.insert(at, c);
        top.truncate(cap);
    }
}

/// The least string above every string that starts with `prefix` (`None`: there is none, or
/// the prefix is empty): the prefix with its last char that has a successor replaced by it.
fn prefix_end(prefix: &str) -> Option<String> {
    let mut end = prefix.to_string();
    while let Some(c) = end.pop() {
        if let Some(next) = (u32::from(c) + 1..=u32::from(char::MAX)).find_map(char::from_u32) {
            end.push(next);
            return Some(end);
        }
    }
    None
}

fn intern_token(dict: &mut Dict, t: &Token) -> Option<u32> {
    match t.kind {
        TokenKind::Number => Some(dict.intern(&t.norm, true)),
        TokenKind::Word if text::is_stopword(&t.norm) => None,
        TokenKind::Word => Some(dict.intern(&t.norm, false)),
    }
}

/// Equal when they serialise identically (stem numbering is an in-memory detail).
impl PartialEq for Index {
    fn eq(&self, other: &Self) -> bool {
        self.to_bytes() == other.to_bytes()
    }
}

impl serde::Serialize for Index {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.to_bytes())
    }
}

impl<'de> serde::Deserialize<'de> for Index {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Index;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("search index bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, b: &[u8]) -> Result<Index, E> {
                Index::from_bytes(b).map_err(E::custom)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Index, A::Error> {
                let mut b = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(x) = seq.next_element::<u8>()? {
                    b.push(x);
                }
                Index::from_bytes(&b).map_err(serde::de::Error::custom)
            }
        }
        d.deserialize_bytes(V)
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(n) {
        n -= 1;
    }
    n
}

pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Position after `n` varints from `at`, found by counting terminator bytes (high bit clear),
/// eight bytes at a time while that cannot overshoot: common words have long position lists,
/// and skipping them is most of the work of a prefix query.
fn skip_varints(data: &[u8], mut at: usize, mut n: u64) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = data.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        let ends = u64::from((!word & HIGH).count_ones());
        if ends >= n {
            break;
        }
        n -= ends;
        at += 8;
    }
    while n > 0 {
        let b = *data.get(at)?;
        at += 1;
        if b < 0x80 {
            n -= 1;
        }
    }
    Some(at)
}

fn get_varint(b: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *b.get(*at)?;
        *at += 1;
        v |= u64::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Some(v);
        }
    }
    None
}

/// Two small lengths in one byte (a nibble each), spilling into varints past 14.
fn put_pair(out: &mut Vec<u8>, a: usize, b: usize) {
    out.push((a.min(15) as u8) << 4 | b.min(15) as u8);
    for v in [a, b] {
        if v >= 15 {
            put_varint(out, (v - 15) as u64);
        }
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Result<u64, String> {
        get_varint(self.b, &mut self.at).ok_or_else(|| "corrupt search index: truncated".into())
    }

    fn len(&mut self) -> Result<usize, String> {
        let n = self.varint()? as usize;
        // Every counted item and every string byte takes at least one byte of input.
        if n > self.b.len().saturating_sub(self.at) {
            return Err("corrupt search index: length out of range".into());
        }
        Ok(n)
    }

    fn pair(&mut self) -> Result<(usize, usize), String> {
        let b = *self.bytes(1)?.first().unwrap_or(&0);
        let mut v = [usize::from(b >> 4), usize::from(b & 15)];
        for x in &mut v {
            if *x == 15 {
                *x = x.saturating_add(usize::try_from(self.varint()?).unwrap_or(usize::MAX));
            }
        }
        Ok((v[0], v[1]))
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len());
        let end = end.ok_or("corrupt search index: truncated")?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn str(&mut self) -> Result<&'a str, String> {
        let n = self.len()?;
        std::str::from_utf8(self.bytes(n)?).map_err(|_| "corrupt search index: bad utf-8".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_prefix_lists_exactly_the_words_starting_with_it() {
        let mut dict = Dict::default();
        let words = [
            "pre",
            "prf",
            "pres",
            "president",
            "prez",
            "pr",
            "p",
            "q",
            "pré",
            "pr\u{10ffff}",
            "pr\u{10ffff}a",
            "ps",
            "\u{d7ff}",
            "\u{d7ff}x",
            "\u{e000}",
        ];
        for w in words {
            dict.intern(w, false);
        }
        for prefix in [
            "",
            "p",
            "pr",
            "pre",
            "pres",
            "prez",
            "prx",
            "pr\u{10ffff}",
            "\u{d7ff}",
            "z",
        ] {
            let got: Vec<&str> = dict.with_prefix(prefix).map(|(k, _)| &**k).collect();
            let mut want: Vec<&str> = words
                .into_iter()
                .filter(|w| w.starts_with(prefix))
                .collect();
            want.sort_unstable();
            assert_eq!(got, want, "prefix {prefix:?}");
        }
    }

    #[test]
    fn skip_varints_matches_decoding_one_by_one() {
        let values: Vec<u64> = (0..300)
            .map(|i| (i * 37 % 1000) as u64 * if i % 5 == 0 { 1000 } else { 1 })
            .collect();
        let mut data = Vec::new();
        for &v in &values {
            put_varint(&mut data, v);
        }
        for n in [0, 1, 7, 8, 9, 63, 64, 65, 299, 300] {
            let mut at = 0;
            for _ in 0..n {
                get_varint(&data, &mut at).expect("valid");
            }
            assert_eq!(skip_varints(&data, 0, n as u64), Some(at), "n = {n}");
        }
        assert_eq!(skip_varints(&data, 0, 301), None, "past the end");
    }
}
