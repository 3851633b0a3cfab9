//! Weights of the sentence-pair matcher, generated: do not edit by hand.
//!
//! Produced by `cargo run --release -p parallax-cli --example mrpc_cv -- --emit crates/core/src/compare`:
//! logistic regression by plain gradient descent on all 4,076 MRPC training pairs plus one synthetic
//! negative per pair (weight 0.5; a sentence with the most overlapping sentence of another pair, so
//! the model has seen topic-only overlap), features as in `matcher::features`, IDF from the same
//! sentences (`idf_table.rs`). The threshold maximises accuracy on the real pairs
//! over 10-fold out-of-fold predictions; 10-fold CV: accuracy 77.11 %, F1 83.43 %.

use super::matcher::NUM_FEATURES;

/// One weight per `matcher::FEATURE_NAMES` entry, bias last.
pub const WEIGHTS: [f64; NUM_FEATURES] = [
    0.957775,  // idf_overlap_min
    0.906710,  // idf_overlap_max
    1.403457,  // soft_idf_overlap_min
    1.296470,  // soft_idf_overlap_max
    0.531397,  // word_dice
    0.243033,  // bigram_dice
    -3.430381, // trigram_dice
    7.812107,  // lcs_min
    1.584574,  // lcs_max
    2.205695,  // char4_dice
    -1.399444, // length_gap
    0.236945,  // numbers_mismatch
    0.183271,  // numbers_equal
    -0.070769, // names_mismatch
    -1.248686, // negation_mismatch
    -0.282427, // unmatched_idf_max
    -0.214952, // unmatched_idf_min
    -2.990033, // idf_overlap_product
    -3.544181, // content_bigram_dice
    0.572782,  // unmatched_count_max
    0.298874,  // unmatched_count_min
    -2.209052, // lcs_min_sq
    2.956020,  // char4_dice_sq
    1.755443,  // soft_overlap_min_sq
    -0.444398, // numbers_unmatched
    0.097024,  // names_unmatched
    0.188063,  // longest_run_min
    -5.463977, // bias
];

/// Scores at or above this mean "same claim".
pub const THRESHOLD: f64 = 0.5495;
