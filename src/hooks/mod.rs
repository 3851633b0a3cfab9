mod keys;
mod use_hash_route;

pub use keys::is_typing;
pub use use_hash_route::{current_location, use_hash_route};
