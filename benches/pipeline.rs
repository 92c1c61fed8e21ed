//! Micro-benchmarks of one call through the pipeline (the real 97 KB sample):
//! parse (from text in memory), figures, render, JSON. Run: `cargo bench --bench pipeline`.

use std::path::{Path, PathBuf};

use divan::Bencher;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/amzn-2024-q1-bilingual.txt")
}

fn text() -> String {
    std::fs::read_to_string(sample()).expect("the real sample in ../shared/fixtures")
}

#[divan::bench]
fn parse(bencher: Bencher) {
    let text = text();
    bencher.bench(|| {
        let doc = callpress::content::parse_document(Path::new("amzn.txt"), divan::black_box(text.clone())).unwrap();
        callpress::transcript::parse_document(&doc).unwrap()
    });
}

#[divan::bench]
fn figures(bencher: Bencher) {
    let call = callpress::parse_file(&sample()).unwrap();
    bencher
        .with_inputs(|| call.clone())
        .bench_local_values(|mut c| callpress::figures::extract(&mut c));
}

#[divan::bench]
fn render(bencher: Bencher) {
    let (call, figures) = callpress::analyse_file(&sample()).unwrap();
    let config = callpress::config::SiteConfig::parse("title = \"Bench\"\n", Path::new("site.toml")).unwrap();
    let urls = callpress::site::urls::Urls::new("/");
    let renderer = callpress::render::Renderer::new(callpress::render::Theme::builtin().unwrap(), &config, urls);
    bencher.bench(|| {
        renderer
            .call_page(&call, &figures, "amzn/2024-q1/", Path::new("amzn.txt"))
            .unwrap()
    });
}

#[divan::bench]
fn json(bencher: Bencher) {
    let (call, figures) = callpress::analyse_file(&sample()).unwrap();
    bencher.bench(|| callpress::render::data::call_json(&call, &figures));
}

fn main() {
    divan::main();
}
