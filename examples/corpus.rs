//! Benchmark corpus generator: N bilingual calls (~95 KB each) made from the real sample
//! in ../shared/fixtures, varied in company, ticker, quarter, date and figures so no two
//! files are alike, plus the same turns as Markdown pages for Hugo.
//!
//! Usage: cargo run --release --example corpus -- N OUT_DIR [SAMPLE]
//! Writes OUT_DIR/callpress/{site.toml,content/*.txt} and OUT_DIR/hugo/{config.toml,content/calls/*.md,layouts/…}.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).ok_or("usage: corpus N OUT_DIR [SAMPLE]")?.parse()?;
    let out = PathBuf::from(args.get(2).ok_or("usage: corpus N OUT_DIR [SAMPLE]")?);
    let sample = args
        .get(3)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/amzn-2024-q1-bilingual.txt"));
    let base = std::fs::read_to_string(&sample).map_err(|e| format!("{}: {e}", sample.display()))?;
    let cp = out.join("callpress");
    let hugo = out.join("hugo");
    std::fs::create_dir_all(cp.join("content"))?;
    std::fs::create_dir_all(hugo.join("content/calls"))?;
    std::fs::create_dir_all(hugo.join("layouts/_default"))?;
    std::fs::write(cp.join("site.toml"), "title = \"Bench\"\nbase_url = \"/\"\n")?;
    write_hugo_theme(&hugo)?;
    for i in 0..n {
        let text = variant(&base, i);
        let file = cp.join("content").join(format!("call-{i:05}.txt"));
        std::fs::write(&file, &text)?;
        let call = callpress::parse_file(&file)?;
        std::fs::write(
            hugo.join("content/calls").join(format!("call-{i:05}.md")),
            markdown(&call),
        )?;
    }
    eprintln!("wrote {n} calls to {}", out.display());
    Ok(())
}

fn ticker(company: usize) -> String {
    let mut t = String::new();
    let mut k = company;
    for _ in 0..4 {
        t.push((b'A' + (k % 26) as u8) as char);
        k /= 26;
    }
    format!("Z{t}")
}

/// Call `i`: company `i / 32`, one of 32 quarters (2019 Q1 … 2026 Q4), its own figures.
fn variant(base: &str, i: usize) -> String {
    let (company, slot) = (i / 32, i % 32);
    let (year, quarter) = (2019 + slot / 4, slot % 4 + 1);
    let months = ["April", "July", "October", "January"];
    let date_year = if quarter == 4 { year + 1 } else { year };
    let day = 10 + i % 18;
    let backlog = 100 + (i * 37) % 900;
    let mut text = base
        .replacen(
            "亞馬遜 (AMZN) 2024 Q1",
            &format!("示例{company}號公司 ({}) {year} Q{quarter}", ticker(company)),
            1,
        )
        .replace(
            "as of today, April 30, 2024",
            &format!("as of today, {} {day}, {date_year}", months[quarter - 1]),
        )
        .replace(
            "2024 年 4 月 30 日",
            &format!("{date_year} 年 {} 月 {day} 日", [4, 7, 10, 1][quarter - 1]),
        );
    let marker =
        "  • Andrew R. Jassy - President, CEO & Director\n\n    Andrew R. Jassy - President, CEO & Director\n\n";
    let extra = format!(
        "{marker}  • Our backlog reached ${backlog} million this quarter, call number {i}.\n\n    本季積壓訂單達到 {} 萬美元,第 {i} 場電話會議。\n\n",
        group_thousands(backlog * 100)
    );
    text = text.replacen(marker, &extra, 1);
    text
}

fn group_thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn markdown(call: &callpress::transcript::Call) -> String {
    let m = &call.meta;
    let mut md = String::with_capacity(120_000);
    let _ = writeln!(
        md,
        "---\ntitle: \"{} {} Q{}\"\ndate: {}\n---\n",
        m.ticker,
        m.year.unwrap_or(0),
        m.quarter.unwrap_or(0),
        m.date.clone().unwrap_or_default()
    );
    for t in &call.turns {
        let name = call.speaker(&t.speaker).map_or("?", |s| s.name.as_str());
        let _ = writeln!(md, "## {name} {{#{}}}\n", t.id);
        for p in &t.paragraphs {
            let _ = writeln!(md, "{}\n", p.text);
            if let Some(tr) = &p.translation {
                let _ = writeln!(md, "{tr}\n");
            }
        }
    }
    md
}

fn write_hugo_theme(dir: &Path) -> std::io::Result<()> {
    std::fs::write(
        dir.join("hugo.toml"),
        "baseURL = \"/\"\ntitle = \"Bench\"\ndisableKinds = [\"taxonomy\", \"term\"]\n[markup.goldmark.parser.attribute]\ntitle = true\n",
    )?;
    std::fs::write(
        dir.join("layouts/_default/single.html"),
        "<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n",
    )?;
    std::fs::write(
        dir.join("layouts/_default/list.html"),
        "<!doctype html><html><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
    )?;
    std::fs::write(
        dir.join("layouts/index.html"),
        "<!doctype html><html><body><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
    )
}
