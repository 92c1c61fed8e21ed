//! The `callpress` command line: parses arguments, calls the library, prints errors.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
