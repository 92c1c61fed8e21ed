//! One parser per transcript layout; each turns text into the one `Call` model.

pub mod alphamemo;
pub mod bilingual;
pub mod common;
pub mod fool;
pub mod generic;
pub mod html;
pub mod inline;
pub mod json;
pub mod markdown;
pub mod seeking_alpha;
pub mod streetevents;
pub mod subtitles;
pub mod tagged;
pub mod tokens;
pub mod yaml;
