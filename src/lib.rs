//! Parallax's Yew app: renders the corpus and routes between views. It holds no text logic of
//! its own: cleaning, search and comparison live in `parallax-core` (see ARCHITECTURE.md).

pub mod app;
pub mod components;
pub mod download;
pub mod embedded;
pub mod hooks;
pub mod import;
pub mod route;
pub mod state;
pub mod storage;

pub use app::{App, AppProps};
