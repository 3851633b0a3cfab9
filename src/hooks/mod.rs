mod keys;
mod use_hash_route;
mod use_store;

pub use keys::is_typing;
pub use use_hash_route::{current_location, use_hash_route};
pub use use_store::use_store;
