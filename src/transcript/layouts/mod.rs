//! One parser per transcript layout; each turns text into the one `Call` model.

pub mod bilingual;
