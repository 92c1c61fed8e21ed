//! Runs figure extraction on one call many times, for a profiler: `cargo run --release
//! --example figures_profile -- FILE [N]`. The first extraction (which compiles the
//! grammar and the lexicon) runs outside [`measured`], so that `valgrind --tool=callgrind
//! --toggle-collect=figures_profile::measured` counts only the steady state.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a transcript file");
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(200);
    let call = callpress::parse_file(std::path::Path::new(&path)).expect("a readable transcript");
    let mut figures = callpress::figures::extract(&mut call.clone()).figures.len();
    for _ in 0..n {
        figures += measured(call.clone());
    }
    println!("{figures}");
}

/// One extraction, the unit the profiler counts.
#[inline(never)]
fn measured(mut call: callpress::transcript::Call) -> usize {
    callpress::figures::extract(&mut call).figures.len()
}
