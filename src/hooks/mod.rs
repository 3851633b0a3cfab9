mod use_hash_route;

pub use use_hash_route::{current_location, use_hash_route};
