//! Bit-parallel sequence comparison: the longest common subsequence and the longest common run
//! of two token sequences, one of them at most 64 long, a machine word per token of the other
//! instead of a table cell per pair of tokens.

/// Longest sequence handled here, in the shorter of the two.
pub(super) const MAX_LEN: usize = 64;

/// For each item of `a`, the bits `j` of the items of `b` equal to it (`b` has at most
/// [`MAX_LEN`] items). `key` spreads items over a small table (equal items, equal keys), so
/// that each item of `a` is looked up once rather than compared with every item of `b`.
pub(super) fn match_masks<T: PartialEq>(a: &[T], b: &[T], key: impl Fn(&T) -> u64) -> Vec<u64> {
    debug_assert!(b.len() <= MAX_LEN);
    // Open addressing with linear probing, at most half full: per slot, 1 + the first index in
    // `b` of an item (0 when empty); that index's entry in `bits` holds the item's bits. Small
    // entries keep the table cheap to clear, as it is for every pair of sentences scored.
    const SLOTS: usize = 2 * MAX_LEN;
    let mut table = [0u8; SLOTS];
    let mut bits = [0u64; MAX_LEN];
    let slot = |x: &T| (key(x).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 57) as usize;
    for (j, y) in b.iter().enumerate() {
        let mut k = slot(y);
        loop {
            match table[k] {
                0 => {
                    table[k] = j as u8 + 1;
                    bits[j] = 1 << j;
                    break;
                }
                first if b[first as usize - 1] == *y => {
                    bits[first as usize - 1] |= 1 << j;
                    break;
                }
                _ => k = (k + 1) % SLOTS,
            }
        }
    }
    a.iter()
        .map(|x| {
            let mut k = slot(x);
            loop {
                match table[k] {
                    0 => return 0,
                    first if b[first as usize - 1] == *x => return bits[first as usize - 1],
                    _ => k = (k + 1) % SLOTS,
                }
            }
        })
        .collect()
}

/// Length of a longest common subsequence of `a` and a `b` of `m` items, from
/// [`match_masks`]`(a, b)` (Hyyrö's bit-vector algorithm: each zero bit of `v` is one more item
/// of `b` used by the best subsequence so far).
pub(super) fn lcs_len(masks: &[u64], m: usize) -> usize {
    let mut v = !0u64;
    for &mask in masks {
        let u = v & mask;
        v = v.wrapping_add(u) | (v - u);
    }
    let low = if m >= 64 { !0 } else { (1u64 << m) - 1 };
    (!v & low).count_ones() as usize
}

/// The index pairs of a longest common subsequence of `a` and `b` (`b` has at most [`MAX_LEN`]
/// items): those the textbook table of suffix lengths gives when walked from the start, taking
/// a match where there is one, else the step that keeps more in common (`a`'s on a tie). The
/// table is not built: Hyyrö's vectors for the suffixes of `a` against reversed `b` are kept
/// instead, one word per item of `a`, and any entry of the table is a count of zero bits.
pub(super) fn lcs_pairs<T: PartialEq>(
    a: &[T],
    b: &[T],
    key: impl Fn(&T) -> u64,
) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if m == 0 {
        return Vec::new();
    }
    let masks = match_masks(a, b, key);
    // rows[i]: the vector after a[i..] read backwards, against b reversed; rows[n] is for the
    // empty suffix.
    let mut rows = vec![!0u64; n + 1];
    for i in (0..n).rev() {
        let reversed = masks[i].reverse_bits() >> (64 - m);
        let (v, u) = (rows[i + 1], rows[i + 1] & reversed);
        rows[i] = v.wrapping_add(u) | (v - u);
    }
    // The length of a longest common subsequence of a[i..] and b[j..].
    let common = |i: usize, j: usize| {
        let low = if m - j >= 64 {
            !0
        } else {
            (1u64 << (m - j)) - 1
        };
        (!rows[i] & low).count_ones()
    };
    let mut pairs = Vec::with_capacity(common(0, 0) as usize);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if masks[i] >> j & 1 == 1 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if common(i + 1, j) >= common(i, j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Length of a longest common contiguous run of `a` and `b`, from [`match_masks`]`(a, b)`: the
/// textbook table of run lengths, kept only for the matching cells of two rows (a row has a set
/// bit per match), which are few.
pub(super) fn longest_run(masks: &[u64]) -> usize {
    // Two rows side by side, used in turn; slot `j + 1` of a row holds the run ending at
    // column `j` (slot 0 stays 0, for column -1).
    const ROW: usize = MAX_LEN + 1;
    let mut rows = [0u8; 2 * ROW];
    let mut best = 0u8;
    for (i, &bits) in masks.iter().enumerate() {
        let (prev, cur) = if i % 2 == 0 { (ROW, 0) } else { (0, ROW) };
        // The row to fill held the row before the previous one: clear its matches.
        let mut old = if i >= 2 { masks[i - 2] } else { 0 };
        while old != 0 {
            rows[cur + old.trailing_zeros() as usize + 1] = 0;
            old &= old - 1;
        }
        let mut rest = bits;
        while rest != 0 {
            let j = rest.trailing_zeros() as usize;
            let run = rows[prev + j] + 1;
            rows[cur + j + 1] = run;
            best = best.max(run);
            rest &= rest - 1;
        }
    }
    best as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook tables, to check the bit-parallel forms against.
    fn by_table(a: &[u8], b: &[u8]) -> (usize, usize) {
        let (n, m) = (a.len(), b.len());
        let mut lcs = vec![vec![0; m + 1]; n + 1];
        let mut run = vec![vec![0; m + 1]; n + 1];
        let mut longest = 0;
        for i in 1..=n {
            for j in 1..=m {
                if a[i - 1] == b[j - 1] {
                    lcs[i][j] = lcs[i - 1][j - 1] + 1;
                    run[i][j] = run[i - 1][j - 1] + 1;
                    longest = longest.max(run[i][j]);
                } else {
                    lcs[i][j] = lcs[i - 1][j].max(lcs[i][j - 1]);
                }
            }
        }
        (lcs[n][m], longest)
    }

    #[test]
    fn bit_parallel_lengths_equal_the_tables() {
        // A small alphabet makes long and repeated matches common.
        let mut rng = crate::test_rng(0x2545_f491_4f6c_dd1d);
        let mut next = move |k: u64| (rng() % k) as u8;
        for round in 0..2000 {
            let alphabet = [2, 3, 5, 26][round % 4];
            let (n, m) = (next(90) as usize, next(65) as usize);
            let a: Vec<u8> = (0..n).map(|_| next(alphabet)).collect();
            let b: Vec<u8> = (0..m).map(|_| next(alphabet)).collect();
            let masks = match_masks(&a, &b, |&x| u64::from(x));
            let got = (lcs_len(&masks, b.len()), longest_run(&masks));
            assert_eq!(got, by_table(&a, &b), "{a:?} {b:?}");
            // Every item on one key: the table still tells the items apart.
            assert_eq!(match_masks(&a, &b, |_| 7), masks);
        }
    }

    #[test]
    fn a_full_word_of_matches_counts_every_bit() {
        let a: Vec<u32> = (0..64).collect();
        let masks = match_masks(&a, &a, |&x| u64::from(x));
        assert_eq!((lcs_len(&masks, 64), longest_run(&masks)), (64, 64));
        let none = match_masks(&a, &[99; 64], |&x| u64::from(x));
        assert_eq!((lcs_len(&none, 64), longest_run(&none)), (0, 0));
    }
}
