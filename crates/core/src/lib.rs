//! Parallax's pure core: everything Parallax knows about text, with no IO and no DOM.
//!
//! The Yew app and the `parallax` CLI are thin shells over this crate. Every function here takes
//! strings or plain data and returns plain data, so it is tested natively with `cargo test` and
//! behaves identically in the browser. See ARCHITECTURE.md for the invariants.

pub mod clean;
pub mod compare;
pub mod corpus;
pub mod extract;
pub mod import;
pub mod library;
pub mod report;
pub mod search;
pub mod text;

/// A small seeded generator (xorshift) for the crate's randomised tests: the same cases on every
/// run and machine.
#[cfg(test)]
pub(crate) fn test_rng(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}
