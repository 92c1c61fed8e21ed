//! The site as a whole: where each page lives (URLs, slugs) and the listings across calls.

pub mod history;
pub mod listings;
pub mod people;
pub mod search;
pub mod urls;
