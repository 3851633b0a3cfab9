//! The sentence-pair matcher: how likely two sentences report the same thing.
//!
//! Each sentence is [`prepare`](Preparer::prepare)d once into hash sets (stems, n-grams,
//! numbers, names), so scoring a pair is one pass of table probes, a few linear merges and one
//! small LCS, with no string allocation. The score is a logistic model over [`FEATURE_NAMES`]
//! whose weights were fitted on the MRPC training pairs (see `weights.rs`).

use super::bits;
use super::idf::Idf;
use super::weights::{THRESHOLD, WEIGHTS};
use crate::extract;
use crate::text::{self, TokenKind};

/// Names of the features [`features`] returns, in order; the last is the bias.
pub const FEATURE_NAMES: [&str; NUM_FEATURES] = [
    "idf_overlap_min",
    "idf_overlap_max",
    "soft_idf_overlap_min",
    "soft_idf_overlap_max",
    "word_dice",
    "bigram_dice",
    "trigram_dice",
    "lcs_min",
    "lcs_max",
    "char4_dice",
    "length_gap",
    "numbers_mismatch",
    "numbers_equal",
    "names_mismatch",
    "negation_mismatch",
    "unmatched_idf_max",
    "unmatched_idf_min",
    "idf_overlap_product",
    "content_bigram_dice",
    "unmatched_count_max",
    "unmatched_count_min",
    "lcs_min_sq",
    "char4_dice_sq",
    "soft_overlap_min_sq",
    "numbers_unmatched",
    "names_unmatched",
    "longest_run_min",
    "bias",
];

/// How many features [`features`] returns.
pub const NUM_FEATURES: usize = 28;

/// One sentence reduced to what the matcher compares. Built by [`Preparer::prepare`].
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    /// Word and number tokens.
    pub len: usize,
    /// Stem hash of each token, in order.
    seq: Vec<u64>,
    /// Positions of the content tokens (words, not stopwords), in order.
    content_tokens: Vec<u32>,
    /// Distinct content stems (no stopwords) with their IDF weight, sorted by hash.
    content: Vec<(u64, f32)>,
    /// Sorted character bigrams of the folded form of each content stem's first occurrence, for
    /// the spelling-tolerant match of rare words the stemmer does not unify ([`soft_mass`]),
    /// indexed by `spellings`.
    grams: Vec<u32>,
    /// Each content word's bigrams in `grams`, parallel to `content`.
    spellings: Vec<Spelling>,
    /// Sum of `content` weights.
    content_mass: f32,
    /// Distinct stems including stopwords.
    words: Vec<u64>,
    /// The sets the features count shared items of, distinct, in one list, each item's set in
    /// its low bits ([`Set`]): one pass of probes (see [`Probe`]) counts them all.
    items: Vec<u64>,
    /// How many items each [`Set`] has.
    sizes: [u32; SETS],
    negations: u32,
}

/// The sets of [`Prepared::items`], as the tag in an item's low [`TAG_BITS`].
#[derive(Clone, Copy)]
enum Set {
    /// Distinct stems including stopwords.
    Words = 1,
    Bigrams,
    /// Bigrams of the content stems alone, in order.
    ContentBigrams,
    Trigrams,
    /// Character 4-grams of the folded sentence.
    Chars,
    /// Values of numbers (digits or number words, with scale words applied).
    Numbers,
    /// Capitalised words not opening the sentence: the names in it.
    Names,
}

/// One more than there are sets: tag 0 is none, so that no item is [`EMPTY`].
const SETS: usize = 8;
const TAG_BITS: u32 = 3;
const TAG: u64 = (1 << TAG_BITS) - 1;

/// A hash as an item of `set`: the hash loses its low bits to the tag, which leaves sixty-one
/// bits, still far from colliding within the few hundred items of a sentence.
fn tagged(hash: u64, set: Set) -> u64 {
    hash & !TAG | set as u64
}

impl Prepared {
    /// Distinct content stems with their weights, sorted by stem hash.
    pub fn content(&self) -> &[(u64, f32)] {
        &self.content
    }

    /// Total IDF weight of the content stems.
    pub fn content_mass(&self) -> f32 {
        self.content_mass
    }

    /// Distinct stem hashes, stopwords included, sorted: the sentence as a document for IDF counts.
    pub fn stems(&self) -> &[u64] {
        &self.words
    }

    /// The stem hash of each token of the sentence, in order.
    pub fn stem_seq(&self) -> &[u64] {
        &self.seq
    }

    /// Positions of the content tokens (words, not stopwords), in order.
    pub fn content_tokens(&self) -> &[u32] {
        &self.content_tokens
    }

    fn grams_of(&self, w: Spelling) -> &[u32] {
        &self.grams[w.start as usize..w.start as usize + w.len as usize]
    }

    /// Sets the content weights from `idf`.
    pub fn weigh(&mut self, idf: &Idf) {
        for c in &mut self.content {
            c.1 = idf.weight(c.0);
        }
        self.content_mass = self.content.iter().map(|c| c.1).sum();
    }
}

/// Turns sentences into [`Prepared`] form, caching what it learns of each distinct word so that
/// a long article stems and classifies each word once.
#[derive(Default)]
pub struct Preparer {
    words: WordTable,
    /// Character bigrams of the cached words, each word's a range given by its [`Word`].
    grams: Vec<u32>,
    /// Finds the distinct items of a sentence.
    distinct: Probe,
    /// The characters [`char_ngrams`] keeps of a sentence.
    kept: Vec<u32>,
    /// The stem of the word being learned.
    stem: String,
}

/// The words a [`Preparer`] has seen, by folded form: open addressing over their hashes, which
/// tokens are looked up by many times per sentence (a general map's hashing and probing cost
/// several times as much here).
#[derive(Default)]
struct WordTable {
    /// Index + 1 into `words`; 0 is an empty slot. A power of two long, at most half full.
    slots: Vec<u32>,
    words: Vec<(u64, Box<str>, Word)>,
}

impl WordTable {
    fn get(&self, hash: u64, norm: &str) -> Option<Word> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut k = hash as usize & mask;
        loop {
            let (h, w, word) = self.words.get(self.slots[k].checked_sub(1)? as usize)?;
            if *h == hash && **w == *norm {
                return Some(*word);
            }
            k = (k + 1) & mask;
        }
    }

    fn insert(&mut self, hash: u64, norm: &str, word: Word) {
        if 2 * (self.words.len() + 1) > self.slots.len() {
            let mut slots = vec![0u32; (2 * self.slots.len()).max(1024)];
            let mask = slots.len() - 1;
            for (n, (h, _, _)) in self.words.iter().enumerate() {
                let mut k = *h as usize & mask;
                while slots[k] != 0 {
                    k = (k + 1) & mask;
                }
                slots[k] = n as u32 + 1;
            }
            self.slots = slots;
        }
        let mask = self.slots.len() - 1;
        let mut k = hash as usize & mask;
        while self.slots[k] != 0 {
            k = (k + 1) & mask;
        }
        self.words.push((hash, norm.into(), word));
        self.slots[k] = self.words.len() as u32;
    }
}

/// What [`Preparer`] knows of a folded word.
#[derive(Clone, Copy)]
struct Word {
    stem: u64,
    stop: bool,
    negation: bool,
    /// A number word that can start a spelled-out number.
    number: bool,
    /// Its bigrams in the preparer's `grams`.
    spelling: Spelling,
}

/// Where a word's sorted character bigrams are (`start..start + len` of a `grams` list), with
/// their [`gram_signature`] and how many of them landed on a signature bit already set.
#[derive(Clone, Copy, Debug, Default)]
struct Spelling {
    start: u32,
    len: u16,
    spare: u16,
    sig: u64,
}

impl Preparer {
    pub fn new() -> Self {
        Preparer::default()
    }

    fn word(&mut self, norm: &str) -> Word {
        let hash = hash_str(norm);
        if let Some(w) = self.words.get(hash, norm) {
            return w;
        }
        text::stem_into(norm, &mut self.stem);
        let stem = hash_str(&self.stem);
        let start = self.grams.len();
        push_char_bigrams(norm, &mut self.grams);
        let grams = &self.grams[start..];
        let sig = gram_signature(grams);
        let w = Word {
            spelling: Spelling {
                start: start as u32,
                len: grams.len() as u16,
                spare: (grams.len() - sig.count_ones() as usize) as u16,
                sig,
            },
            stem,
            stop: text::is_stopword(norm),
            negation: is_negation(norm),
            number: extract::small_word(norm).is_some(),
        };
        self.words.insert(hash, norm, w);
        w
    }

    /// Reduces one sentence to the sets the features compare, weighted by `idf`.
    pub fn prepare(&mut self, sentence: &str, idf: &Idf) -> Prepared {
        let mut p = self.prepare_unweighted(sentence);
        p.weigh(idf);
        p
    }

    /// Like [`prepare`](Self::prepare), leaving the IDF weights to a later [`Prepared::weigh`],
    /// for when the weights depend on the sentences themselves.
    pub fn prepare_unweighted(&mut self, sentence: &str) -> Prepared {
        self.prepare_parts(sentence, &text::tokenize(sentence), &text::fold(sentence))
    }

    /// [`prepare_unweighted`](Self::prepare_unweighted) of a sentence already tokenised and
    /// folded (`tokens` is `text::tokenize(sentence)`, `folded` is `text::fold(sentence)`).
    pub fn prepare_parts(
        &mut self,
        sentence: &str,
        tokens: &[text::Token],
        folded: &str,
    ) -> Prepared {
        let mut p = Prepared {
            len: tokens.len(),
            ..Prepared::default()
        };
        p.seq.reserve(tokens.len());
        let mut content: Vec<(u64, Word, usize)> = Vec::with_capacity(tokens.len());
        let mut numbers = false;
        let mut names = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let w = self.word(&t.norm);
            p.seq.push(w.stem);
            if t.kind == TokenKind::Word && !w.stop {
                content.push((w.stem, w, i));
                p.content_tokens.push(i as u32);
            }
            if w.negation {
                p.negations += 1;
            }
            numbers |= t.kind == TokenKind::Number || w.number;
            let first = sentence[t.start..].chars().next().unwrap_or(' ');
            if i > 0 && first.is_uppercase() && !w.stop {
                names.push(w.stem);
            }
        }
        // Room for every set: about one 4-gram per character, and three n-grams per token.
        let mut items = Vec::with_capacity(folded.len() + 4 * tokens.len());
        char_ngrams(folded, &mut self.kept, &mut items);
        items.extend(
            content
                .windows(2)
                .map(|w| tagged(mix(w[0].0, w[1].0), Set::ContentBigrams)),
        );
        content.sort_unstable_by_key(|c| (c.0, c.2));
        content.dedup_by_key(|c| c.0);
        p.spellings.reserve(content.len());
        for (_, w, _) in &content {
            let at = w.spelling.start as usize;
            p.spellings.push(Spelling {
                start: p.grams.len() as u32,
                ..w.spelling
            });
            p.grams
                .extend_from_slice(&self.grams[at..at + w.spelling.len as usize]);
        }
        p.content = content.into_iter().map(|(h, _, _)| (h, 0.0)).collect();
        p.words = sorted_set(p.seq.clone());
        items.extend(p.words.iter().map(|&h| tagged(h, Set::Words)));
        items.extend(
            p.seq
                .windows(2)
                .map(|w| tagged(mix(w[0], w[1]), Set::Bigrams)),
        );
        items.extend(
            p.seq
                .windows(3)
                .map(|w| tagged(mix(mix(w[0], w[1]), w[2]), Set::Trigrams)),
        );
        // Only a number token or a number word can start a number.
        if numbers {
            // Mixed first: the tag takes the low bits, which the bits of round values share.
            items.extend(number_values(tokens).into_iter().map(|v| {
                tagged(
                    v.to_bits().wrapping_mul(0x9e37_79b9_7f4a_7c15),
                    Set::Numbers,
                )
            }));
        }
        items.extend(names.iter().map(|&h| tagged(h, Set::Names)));
        self.distinct.load_distinct(&mut items);
        for &x in &items {
            p.sizes[(x & TAG) as usize] += 1;
        }
        p.items = items;
        p
    }
}

/// The feature vector of a sentence pair; symmetric in its arguments.
pub fn features(a: &Prepared, b: &Prepared) -> [f64; NUM_FEATURES] {
    features_and_overlap(a, b).0
}

/// [`features`], with the content words the two sentences share: their IDF mass and count.
pub(crate) fn features_and_overlap(
    a: &Prepared,
    b: &Prepared,
) -> ([f64; NUM_FEATURES], (f64, usize)) {
    let mut probe = Probe::default();
    probe.load(a);
    features_and_overlap_probed(a, &probe, b)
}

/// [`features_and_overlap`] of the sentence loaded into `probe` and `b`.
pub(crate) fn features_and_overlap_probed(
    a: &Prepared,
    probe: &Probe,
    b: &Prepared,
) -> ([f64; NUM_FEATURES], (f64, usize)) {
    features_of_shared(a, b, probe.shared(&b.items))
}

/// One sentence's items in an open-addressing table, for scoring it against many others: each
/// item of another is then one probe, independent of the others, where a merge of the two
/// lists waits on each comparison before the next load.
#[derive(Default)]
pub(crate) struct Probe {
    /// Those in use are the first `mask + 1`, a power of two, at most a quarter full once
    /// loaded: most probes end at their first slot.
    slots: Vec<u64>,
    mask: usize,
    /// The slots in use, emptied one by one by the next `clear`: a sentence has a few hundred
    /// items, and filling the whole table anew for each cost more than all its probes.
    filled: Vec<u32>,
}

/// An empty slot: its tag is none of the [`Set`]s, so no item equals it.
const EMPTY: u64 = 0;

impl Probe {
    /// Makes this the table of `p`'s items.
    pub(crate) fn load(&mut self, p: &Prepared) {
        self.clear(p.items.len(), 4);
        for &x in &p.items {
            self.insert(x);
        }
    }

    /// Makes this the table of `items`, and leaves in `items` the first of each distinct item,
    /// in order.
    fn load_distinct(&mut self, items: &mut Vec<u64>) {
        // Up to half full: a table cleared for every sentence, most of whose items are distinct
        // at first sight.
        self.clear(items.len(), 2);
        items.retain(|&x| self.insert(x));
    }

    /// Empties the table, making room for `n` items in at least `spread` times as many slots.
    fn clear(&mut self, n: usize, spread: usize) {
        let len = (spread * n).next_power_of_two().max(64);
        for &k in &self.filled {
            self.slots[k as usize] = EMPTY;
        }
        self.filled.clear();
        // The table keeps the largest length it had, so a sentence costs its own size.
        if self.slots.len() < len {
            self.slots.resize(len, EMPTY);
        }
        self.mask = len - 1;
    }

    /// Adds `x`; false if it is there already.
    #[inline(always)]
    fn insert(&mut self, x: u64) -> bool {
        let slots = self.slots.as_mut_slice();
        let mask = self.mask;
        let mut k = probe_slot(x, mask);
        while slots[k] != EMPTY {
            if slots[k] == x {
                return false;
            }
            k = (k + 1) & mask;
        }
        slots[k] = x;
        self.filled.push(k as u32);
        true
    }

    /// How many items of each [`Set`] the loaded items and the distinct `items` share.
    fn shared(&self, items: &[u64]) -> [u32; SETS] {
        let slots = self.slots.as_slice();
        let mask = self.mask;
        let mut n = [0u32; SETS];
        for &y in items {
            let mut k = probe_slot(y, mask);
            let mut x = slots[k];
            // Rarely taken, the table being sparse; a found item is counted without a branch,
            // as whether an item is shared is as unpredictable as a coin toss.
            while x != y && x != EMPTY {
                k = (k + 1) & mask;
                x = slots[k];
            }
            n[(y & TAG) as usize] += u32::from(x == y);
        }
        n
    }
}

fn probe_slot(item: u64, mask: usize) -> usize {
    (item.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask
}

/// [`features_and_overlap`] given how many items of each [`Set`] the two share.
fn features_of_shared(
    a: &Prepared,
    b: &Prepared,
    shared: [u32; SETS],
) -> ([f64; NUM_FEATURES], (f64, usize)) {
    // The unmatched words of both sides in one buffer, on the stack for all but the longest
    // sentences: this runs for every pair of sentences scored.
    let need = a.content.len() + b.content.len();
    let (mut stack, mut heap) = ([0u32; 128], Vec::new());
    let buf: &mut [u32] = if need <= stack.len() {
        &mut stack[..need]
    } else {
        heap.resize(need, 0);
        &mut heap
    };
    let ((shared_mass, shared_count), ua, ub) = content_overlap(a, b, buf);
    let ma = a.content_mass as f64;
    let mb = b.content_mass as f64;
    let cover_a = ratio(shared_mass, ma);
    let cover_b = ratio(shared_mass, mb);
    let soft = soft_mass(a, b, ua, ub);
    let soft_a = ratio(shared_mass + soft, ma).min(1.0);
    let soft_b = ratio(shared_mass + soft, mb).min(1.0);
    let (lcs, run) = lcs_and_run(&a.seq, &b.seq);
    let lcs = lcs as f64;
    let (la, lb) = (a.len.max(1) as f64, b.len.max(1) as f64);
    let sizes = |set: Set| {
        let k = set as usize;
        (shared[k] as usize, a.sizes[k] as usize, b.sizes[k] as usize)
    };
    let dice = |set: Set| {
        let (n, x, y) = sizes(set);
        if x + y == 0 {
            0.0
        } else {
            2.0 * n as f64 / (x + y) as f64
        }
    };
    let (numbers_shared, numbers_a, numbers_b) = sizes(Set::Numbers);
    let numbers_total = numbers_a + numbers_b;
    let numbers_mismatch = if numbers_total == 0 {
        0.0
    } else {
        (numbers_total - 2 * numbers_shared) as f64 / (numbers_total - numbers_shared) as f64
    };
    let numbers_equal = if numbers_a > 0 && numbers_shared == numbers_a && numbers_a == numbers_b {
        1.0
    } else {
        0.0
    };
    let (names_shared, names_a, names_b) = sizes(Set::Names);
    let names_total = names_a + names_b;
    let names_mismatch = if names_total == 0 {
        0.0
    } else {
        (names_total - 2 * names_shared) as f64 / (names_total - names_shared) as f64
    };
    let negation_mismatch = if (a.negations % 2) != (b.negations % 2) {
        1.0
    } else {
        0.0
    };
    let chars = dice(Set::Chars);
    let unmatched_a = (ma - shared_mass - soft).max(0.0);
    let unmatched_b = (mb - shared_mass - soft).max(0.0);
    let features = [
        cover_a.min(cover_b),
        cover_a.max(cover_b),
        soft_a.min(soft_b),
        soft_a.max(soft_b),
        dice(Set::Words),
        dice(Set::Bigrams),
        dice(Set::Trigrams),
        lcs / la.max(lb),
        lcs / la.min(lb),
        chars,
        (la - lb).abs() / la.max(lb),
        numbers_mismatch,
        numbers_equal,
        names_mismatch,
        negation_mismatch,
        // Scaled so that one rare unmatched word is about 1.
        unmatched_a.max(unmatched_b) / 8.0,
        unmatched_a.min(unmatched_b) / 8.0,
        cover_a * cover_b,
        dice(Set::ContentBigrams),
        (a.content.len() - shared_count).max(b.content.len() - shared_count) as f64 / 4.0,
        (a.content.len() - shared_count).min(b.content.len() - shared_count) as f64 / 4.0,
        (lcs / la.min(lb)).powi(2),
        chars.powi(2),
        soft_a.min(soft_b).powi(2),
        (numbers_a.max(numbers_b) - numbers_shared) as f64,
        (names_a.max(names_b) - names_shared) as f64,
        run as f64 / la.min(lb),
        1.0,
    ];
    (features, (shared_mass, shared_count))
}

/// Probability that the pair reports the same thing, from the compiled-in weights.
pub fn probability(features: &[f64; NUM_FEATURES]) -> f64 {
    probability_with(features, &WEIGHTS)
}

/// Probability under a given weight vector (used when fitting the weights).
pub fn probability_with(features: &[f64; NUM_FEATURES], weights: &[f64; NUM_FEATURES]) -> f64 {
    let z: f64 = features.iter().zip(weights).map(|(f, w)| f * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Score of a pair of prepared sentences, 0..1.
pub fn score(a: &Prepared, b: &Prepared) -> f64 {
    probability(&features(a, b))
}

/// Whether a score means "same claim", at the threshold tuned by cross-validation.
pub fn is_match(score: f64) -> bool {
    score >= THRESHOLD
}

/// Scores two raw sentences with the built-in IDF table: the one-off convenience form.
pub fn sentence_score(a: &str, b: &str) -> f64 {
    let idf = Idf::builtin();
    let mut prep = Preparer::new();
    let (pa, pb) = (prep.prepare(a, idf), prep.prepare(b, idf));
    score(&pa, &pb)
}

fn ratio(x: f64, total: f64) -> f64 {
    if total > 0.0 {
        x / total
    } else {
        0.0
    }
}

fn is_negation(norm: &str) -> bool {
    matches!(
        norm,
        "not" | "no" | "never" | "none" | "nobody" | "nothing" | "neither" | "nor"
    ) || norm.ends_with("n't")
}

/// FNV-1a: small, stable across platforms, and good enough for sets of a few hundred items.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(17) ^ b).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn sorted_set(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

/// IDF mass of content words (five letters or more) left unmatched on both sides that are
/// spelled alike (character bigram Dice ≥ 0.6): name variants and derivations the stemmer keeps
/// apart ("Salvadoran" / "Salvador"). Each word is used once, greedily by similarity. `ua` and
/// `ub` are the unmatched words from [`content_overlap`].
fn soft_mass(a: &Prepared, b: &Prepared, ua: &[u32], ub: &mut [u32]) -> f64 {
    // Slices, not vectors, are indexed below: a vector's indexing is a call at the size-first
    // optimisation level the app is built with.
    let (sa, sb) = (a.spellings.as_slice(), b.spellings.as_slice());
    let mut mass = 0.0;
    for &i in ua.iter() {
        let x = sa[i as usize];
        let la = x.len as usize;
        let mut best = (0.6, usize::MAX);
        for (k, &j) in ub.iter().enumerate() {
            if j & USED != 0 {
                continue;
            }
            let y = sb[j as usize];
            let lb = y.len as usize;
            // Dice ≥ 0.6 needs the shorter word to have at least 3/7 of the pair's bigrams, and
            // at least 3/10 of them shared, of which the signatures give a bound: most pairs
            // are ruled out without the merge.
            let most = (x.sig & y.sig).count_ones() as usize + x.spare.min(y.spare) as usize;
            if 7 * la.min(lb) < 3 * (la + lb) || 10 * most < 3 * (la + lb) {
                continue;
            }
            let s = sorted_dice(a.grams_of(x), b.grams_of(y));
            if s >= best.0 {
                best = (s, k);
            }
        }
        if best.1 != usize::MAX {
            let j = ub[best.1] as usize;
            ub[best.1] |= USED;
            mass += a.content[i as usize].1.min(b.content[j].1) as f64 * best.0;
        }
    }
    mass
}

/// Marks a word of [`soft_mass`]'s buffer as matched already.
const USED: u32 = 1 << 31;

/// One merge of the two sentences' content stems: their shared IDF mass (the smaller of the two
/// weights, which are equal for one IDF table) and count; and, split out of `buf`, the content
/// words of `a` not in `b` and those of `b` not in `a`, as indices in content order, of the words
/// with at least four bigrams (shorter words are not compared by spelling). `buf` holds at least
/// as many items as both sides have content words.
fn content_overlap<'b>(
    a: &Prepared,
    b: &Prepared,
    buf: &'b mut [u32],
) -> ((f64, usize), &'b mut [u32], &'b mut [u32]) {
    let (x, y) = (a.content.as_slice(), b.content.as_slice());
    let (sa, sb) = (a.spellings.as_slice(), b.spellings.as_slice());
    // Those of `a` from the front, those of `b` from the back (then turned around).
    let (mut i, mut j, mut na, mut nb) = (0, 0, 0, 0);
    let (mut mass, mut shared) = (0.0f64, 0);
    let end = buf.len();
    while i < x.len() || j < y.len() {
        if j == y.len() || i < x.len() && x[i].0 < y[j].0 {
            if sa[i].len >= 4 {
                buf[na] = i as u32;
                na += 1;
            }
            i += 1;
        } else if i == x.len() || y[j].0 < x[i].0 {
            if sb[j].len >= 4 {
                nb += 1;
                buf[end - nb] = j as u32;
            }
            j += 1;
        } else {
            mass += x[i].1.min(y[j].1) as f64;
            shared += 1;
            i += 1;
            j += 1;
        }
    }
    let (ua, rest) = buf.split_at_mut(na);
    let ub = &mut rest[end - na - nb..];
    ub.reverse();
    ((mass, shared), ua, ub)
}

/// Appends the sorted character bigrams of a word to `out`, each packed into a `u32`
/// (collisions are harmless here).
fn push_char_bigrams(word: &str, out: &mut Vec<u32>) {
    let start = out.len();
    let mut prev: Option<char> = None;
    for c in word.chars() {
        if let Some(p) = prev {
            out.push((p as u32).wrapping_mul(0x9e37_79b1) ^ c as u32);
        }
        prev = Some(c);
    }
    out[start..].sort_unstable();
}

/// One bit per bucket of a word's bigrams. Two words sharing `n` bigrams (as multisets) share at
/// least `n - min(spare)` bits, a word's spare being its bigrams minus its bits (the bigrams
/// that landed on a bit already set): a bound on their Dice without merging them.
fn gram_signature(grams: &[u32]) -> u64 {
    grams
        .iter()
        .fold(0, |sig, &g| sig | 1 << (g.wrapping_mul(0x9e37_79b1) >> 26))
}

/// Dice coefficient of two sorted multisets.
fn sorted_dice(ga: &[u32], gb: &[u32]) -> f64 {
    if ga.is_empty() || gb.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < ga.len() && j < gb.len() {
        match ga[i].cmp(&gb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * n as f64 / (ga.len() + gb.len()) as f64
}

/// Lengths of the longest common subsequence and of the longest common contiguous run: bit-parallel
/// when one sentence is short enough, as nearly all are; else in one pass over two rows of memory.
fn lcs_and_run(a: &[u64], b: &[u64]) -> (usize, usize) {
    if a.is_empty() || b.is_empty() {
        return (0, 0);
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.len() <= bits::MAX_LEN {
        let masks = bits::match_masks(long, short, |&h| h);
        return (
            bits::lcs_len(&masks, short.len()),
            bits::longest_run(&masks),
        );
    }
    let m = b.len();
    let mut rows = vec![0u16; 2 * (m + 1)];
    let (lcs, run) = rows.split_at_mut(m + 1);
    let mut best_run = 0u16;
    for &x in a {
        let mut diag_lcs = 0u16;
        let mut diag_run = 0u16;
        for j in 0..m {
            let (up_lcs, up_run) = (lcs[j + 1], run[j + 1]);
            if x == b[j] {
                lcs[j + 1] = diag_lcs + 1;
                run[j + 1] = diag_run + 1;
                best_run = best_run.max(diag_run + 1);
            } else {
                lcs[j + 1] = up_lcs.max(lcs[j]);
                run[j + 1] = 0;
            }
            diag_lcs = up_lcs;
            diag_run = up_run;
        }
    }
    (lcs[m] as usize, best_run as usize)
}

/// Adds the [`Set::Chars`] items of the folded sentence, unsorted: its character 4-grams,
/// letters and digits only, words separated by one space, which catch shared names and word
/// pieces the tokenizer splits differently.
fn char_ngrams(folded: &str, kept: &mut Vec<u32>, out: &mut Vec<u64>) {
    // The characters kept first, then their windows: plain loops writing into a buffer sized
    // up front, where a push per character stays a call at the size-first optimisation level.
    kept.clear();
    kept.resize(folded.len(), 0);
    let buf = kept.as_mut_slice();
    let mut n = 0;
    // Most sentences are ASCII: their bytes are their characters.
    if folded.is_ascii() {
        for b in folded.bytes() {
            keep_char(buf, &mut n, u32::from(b), b.is_ascii_alphanumeric());
        }
    } else {
        for c in folded.chars() {
            keep_char(buf, &mut n, c as u32, c.is_alphanumeric());
        }
    }
    kept.truncate(n);
    const PRIME: u64 = 0x0100_0000_01b3;
    out.extend(kept.windows(4).map(|w| {
        let h = (((u64::from(w[0]).wrapping_mul(PRIME) ^ u64::from(w[1])).wrapping_mul(PRIME)
            ^ u64::from(w[2]))
        .wrapping_mul(PRIME))
            ^ u64::from(w[3]);
        // Mixed first (a bijection: sets compare the same), as the tag takes the low bits.
        tagged(h.wrapping_mul(0x9e37_79b9_7f4a_7c15), Set::Chars)
    }));
}

/// One character for [`char_ngrams`], kept after the `n` in `buf`: letters and digits, any
/// other run as one space (none first).
#[inline(always)]
fn keep_char(buf: &mut [u32], n: &mut usize, c: u32, alphanumeric: bool) {
    if alphanumeric {
        buf[*n] = c;
        *n += 1;
    } else if *n > 0 && buf[*n - 1] != u32::from(b' ') {
        buf[*n] = u32::from(b' ');
        *n += 1;
    }
}

/// Numeric values in a token list: digit numbers ("1,537", "2.5") and spelled-out numbers ("two
/// hundred"), each multiplied by a following scale word ("2.5 billion").
pub(crate) fn number_values(tokens: &[text::Token]) -> Vec<f64> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let mut value = if t.kind == TokenKind::Number {
            i += 1;
            text::parse_number(&t.norm).unwrap_or(f64::NAN)
        } else if let Some((v, used)) = spelled_number(&tokens[i..]) {
            i += used;
            v
        } else {
            i += 1;
            continue;
        };
        if value.is_nan() {
            continue;
        }
        while let Some(m) = tokens.get(i).and_then(|t| scale(&t.norm)) {
            value *= m;
            i += 1;
        }
        out.push(value);
    }
    out
}

/// Scale words, plus the financial-wire abbreviations common in MRPC-style news.
fn scale(norm: &str) -> Option<f64> {
    match norm {
        "mln" => Some(1e6),
        "bln" => Some(1e9),
        _ => extract::scale_word(norm),
    }
}

/// A spelled-out number at the start of `tokens`: "two hundred", "forty five", "a dozen" is left
/// out on purpose ("one" alone is too often a pronoun to count, so it needs a scale word).
fn spelled_number(tokens: &[text::Token]) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    let mut any_scale = false;
    for t in tokens {
        if let Some(v) = extract::small_word(&t.norm) {
            current += v;
        } else if t.norm == "hundred" && used > 0 {
            current *= 100.0;
            any_scale = true;
        } else if matches!(t.norm.as_str(), "thousand" | "million" | "billion") && used > 0 {
            total += current * scale(&t.norm).unwrap_or(1.0);
            current = 0.0;
            any_scale = true;
        } else {
            break;
        }
        used += 1;
    }
    if used == 0 {
        return None;
    }
    let value = total + current;
    if value == 1.0 && !any_scale && used == 1 {
        return None;
    }
    Some((value, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<f64> {
        number_values(&text::tokenize(s))
    }

    #[test]
    fn spelled_and_digit_numbers_get_the_same_value() {
        assert_eq!(values("over two hundred people"), vec![200.0]);
        assert_eq!(values("over 200 people"), vec![200.0]);
        assert_eq!(values("$2.5 billion in 1998"), vec![2.5e9, 1998.0]);
        assert_eq!(values("forty five thousand"), vec![45_000.0]);
    }

    #[test]
    fn a_lone_one_is_not_counted_as_a_number() {
        assert!(values("one of the prisons").is_empty());
    }

    #[test]
    fn paraphrase_scores_above_unrelated_sentence() {
        let a = "Amrozi accused his brother, whom he called the witness, of deliberately distorting his evidence.";
        let b = "Referring to him as only the witness, Amrozi accused his brother of deliberately distorting his evidence.";
        let c = "The central bank raised interest rates by half a point on Tuesday.";
        assert!(sentence_score(a, b) > 0.5, "{}", sentence_score(a, b));
        assert!(sentence_score(a, c) < 0.2, "{}", sentence_score(a, c));
        assert!(is_match(sentence_score(a, b)));
        assert!(!is_match(sentence_score(a, c)));
    }

    #[test]
    fn score_is_symmetric() {
        let a = "Kast visited the prison on Friday.";
        let b = "On Friday the president-elect toured the mega-prison.";
        assert!((sentence_score(a, b) - sentence_score(b, a)).abs() < 1e-12);
    }

    #[test]
    fn changed_number_lowers_the_score() {
        let a = "The facility received over 250 Venezuelans deported from the United States.";
        let b = "The facility received over 200 Venezuelans deported from the United States.";
        assert!(sentence_score(a, b) < sentence_score(a, a));
    }

    #[test]
    fn negation_lowers_the_score() {
        let a = "The minister said the plan would raise taxes.";
        let b = "The minister said the plan would not raise taxes.";
        let idf = Idf::builtin();
        let mut prep = Preparer::new();
        let (pa, pb) = (prep.prepare(a, idf), prep.prepare(b, idf));
        assert_eq!(features(&pa, &pb)[14], 1.0);
        assert!(sentence_score(a, b) < sentence_score(a, a));
    }

    #[test]
    fn lcs_and_run_measure_shared_order() {
        assert_eq!(lcs_and_run(&[1, 2, 3, 4, 5], &[1, 9, 3, 4, 5, 2]), (4, 3));
        assert_eq!(lcs_and_run(&[1, 2], &[3, 4]), (0, 0));
        assert_eq!(lcs_and_run(&[], &[3, 4]), (0, 0));
    }

    fn char_bigrams(word: &str) -> Vec<u32> {
        let mut g = Vec::new();
        push_char_bigrams(word, &mut g);
        g
    }

    fn bigram_dice(a: &str, b: &str) -> f64 {
        sorted_dice(&char_bigrams(a), &char_bigrams(b))
    }

    #[test]
    fn signatures_never_rule_out_words_spelled_alike() {
        let words = [
            "salvadoran",
            "salvador",
            "salvadorans",
            "deported",
            "deportation",
            "deportees",
            "venezuelan",
            "venezuela",
            "prison",
            "prisons",
            "imprisoned",
            "mississippi",
            "bananas",
            "banana",
            "aaaaaaaa",
            "aaaab",
            "kast",
            "castle",
            "president",
            "presidential",
        ];
        let shared = |a: &[u32], b: &[u32]| {
            let (mut i, mut j, mut n) = (0, 0, 0);
            while i < a.len() && j < b.len() {
                if a[i] == b[j] {
                    n += 1;
                    i += 1;
                    j += 1;
                } else if a[i] < b[j] {
                    i += 1;
                } else {
                    j += 1;
                }
            }
            n
        };
        let mut checked = 0;
        for a in words {
            for b in words {
                let (ga, gb) = (char_bigrams(a), char_bigrams(b));
                let (sa, sb) = (gram_signature(&ga), gram_signature(&gb));
                let spare = |g: &[u32], s: u64| g.len() - s.count_ones() as usize;
                let bound = (sa & sb).count_ones() as usize + spare(&ga, sa).min(spare(&gb, sb));
                assert!(bound >= shared(&ga, &gb), "{a} {b}");
                checked += usize::from(shared(&ga, &gb) > 0);
            }
        }
        assert!(checked > words.len(), "{checked}");
    }

    #[test]
    fn a_preparer_full_of_words_prepares_a_sentence_as_a_new_one_does() {
        let s1 = "Over 250 Venezuelans deported from the United States arrived at CECOT.";
        let s2 = "The Salvadoran prison received more than two hundred Venezuelan deportees.";
        let idf = Idf::builtin();
        let mut used = Preparer::new();
        // Enough distinct words to make the word table grow several times.
        for k in 0..5000 {
            used.prepare(&format!("word{k} other{k} and more{k}"), idf);
        }
        let (ua, ub) = (used.prepare(s1, idf), used.prepare(s2, idf));
        let mut fresh = Preparer::new();
        let (fa, fb) = (fresh.prepare(s1, idf), fresh.prepare(s2, idf));
        assert_eq!(features(&ua, &ub), features(&fa, &fb));
        assert_eq!(ua.stem_seq(), fa.stem_seq());
        assert!(
            features(&fa, &fb)[2] > features(&fa, &fb)[0],
            "a soft match counts"
        );
    }

    #[test]
    fn probed_counts_are_those_of_a_merge_of_the_sorted_sets() {
        let sentences = [
            "Over 250 Venezuelans deported from the United States arrived at CECOT on Sunday.",
            "The Salvadoran prison received more than two hundred Venezuelan deportees, officials said.",
            "CECOT, the mega-prison, holds 40,000 inmates; the the the prison prison is full.",
            "Ärzte in São Paulo zählten 1.537 Fälle, sagte die Ministerin Müller.",
            "",
            // Longer than a probe table's smallest size.
            &"Bukele said the Terrorism Confinement Center would hold gang members for decades. "
                .repeat(6),
        ];
        let idf = Idf::builtin();
        let mut prep = Preparer::new();
        let ps: Vec<Prepared> = sentences.iter().map(|s| prep.prepare(s, idf)).collect();
        let sorted = |p: &Prepared| {
            let mut v = p.items.clone();
            v.sort_unstable();
            v
        };
        let mut probe = Probe::default();
        for a in &ps {
            let x = sorted(a);
            assert!(x.windows(2).all(|w| w[0] != w[1]), "items are distinct");
            probe.load(a);
            for b in &ps {
                let y = sorted(b);
                let mut want = [0u32; SETS];
                let (mut i, mut j) = (0, 0);
                while i < x.len() && j < y.len() {
                    match x[i].cmp(&y[j]) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            want[(x[i] & TAG) as usize] += 1;
                            i += 1;
                            j += 1;
                        }
                    }
                }
                assert_eq!(probe.shared(&b.items), want);
            }
        }
    }

    #[test]
    fn spelling_variants_count_as_soft_matches() {
        assert!(bigram_dice("salvadoran", "salvador") > 0.6);
        assert!(bigram_dice("prison", "budget") < 0.3);
    }
}
