//! Runs figure extraction on one call many times, for a profiler: `cargo run --release
//! --example figures_profile -- FILE [N]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a transcript file");
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(200);
    let call = callpress::parse_file(std::path::Path::new(&path)).expect("a readable transcript");
    let mut figures = 0;
    for _ in 0..n {
        let mut c = call.clone();
        figures += callpress::figures::extract(&mut c).figures.len();
    }
    println!("{figures}");
}
