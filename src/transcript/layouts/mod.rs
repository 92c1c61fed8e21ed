//! One parser per transcript layout; each turns text into the one `Call` model.

pub mod bilingual;
pub mod common;
pub mod dash_headers;
pub mod generic;
pub mod html;
pub mod inline;
pub mod json;
pub mod markdown;
pub mod participant_lists;
pub mod pdf_sections;
pub mod subtitles;
pub mod tagged;
pub mod timestamped_markdown;
pub mod tokens;
pub mod yaml;
