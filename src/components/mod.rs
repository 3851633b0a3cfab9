mod article_view;
mod compare;
mod home;
mod marked;
mod meta;
mod not_found;
mod yours;

pub use article_view::{ArticleView, ArticleViewProps};
pub use compare::{CompareView, CompareWith};
pub use home::Home;
pub use not_found::NotFound;
pub use yours::YoursView;
