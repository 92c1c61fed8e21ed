//! `callpress watch` and `callpress serve`: rebuild on every change to the sources,
//! incrementally; serve the output with live reload and an error overlay.

pub mod http;
pub mod rebuild;
pub mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::build::{BuildOptions, BuildReport};
use crate::error::{Error, Result};
use http::{Live, LiveEvent};
use rebuild::{RebuildReport, Session};

/// How to watch and serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site and build settings (`base_url` is set to the server's address).
    pub build: BuildOptions,
    /// Serve over HTTP (`serve`), or only rebuild (`watch`).
    pub http: bool,
    /// Address to listen on.
    pub interface: IpAddr,
    /// First port to try; the next free one within 20 is taken.
    pub port: u16,
}

/// Messages for the terminal.
pub trait Log: Send + Sync {
    /// A line of progress.
    fn info(&self, message: &str);
    /// A warning or an error.
    fn problem(&self, message: &str);
}

/// Runs until Ctrl-C: builds, then rebuilds on every change; serves when asked to.
pub fn run(options: ServeOptions, log: Arc<dyn Log>) -> Result<()> {
    if let Some(warning) = exposure_warning(&options) {
        log.problem(&warning);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Serve {
            address: options.interface.to_string(),
            source: e,
        })?;
    let mut build = options.build.clone();
    // Watch events carry absolute paths; compare them with an absolute root.
    build.root = build.root.canonicalize().map_err(|e| Error::read(&build.root, e))?;
    let listener = if options.http {
        let listener = bind(options.interface, options.port)?;
        let addr = listener.local_addr().map_err(|e| Error::Serve {
            address: options.interface.to_string(),
            source: e,
        })?;
        build.base_url = Some(format!("http://{}/", display_addr(addr)));
        Some(listener)
    } else {
        None
    };
    let live = Live::new();
    let watcher = watch::watch(&build.root)?;
    let (session, output) = match Session::start(build.clone()) {
        Ok((session, report)) => {
            log_build(&*log, &report);
            let output = session.output().to_path_buf();
            (Some(session), output)
        }
        Err(e) => {
            log.problem(&format!("Error: {e}"));
            live.publish(LiveEvent::Failure(e.to_string()));
            (None, default_output(&build))
        }
    };
    let rebuild_live = live.clone();
    let rebuild_log = log.clone();
    std::thread::spawn(move || rebuild_loop(session, build, watcher, rebuild_live, rebuild_log));
    let serve_log = log.clone();
    runtime.block_on(async move {
        let log = serve_log;
        let stop = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        match listener {
            Some(listener) => {
                let address = listener
                    .local_addr()
                    .map_or_else(|_| options.interface.to_string(), display_addr);
                let serve_error = |source| Error::Serve {
                    address: address.clone(),
                    source,
                };
                let listener = tokio::net::TcpListener::from_std(listener).map_err(serve_error)?;
                log.info(&format!(
                    "Serving {} at http://{address}/ (Ctrl-C to stop)",
                    output.display()
                ));
                axum::serve(listener, http::router(&output, live))
                    .with_graceful_shutdown(stop)
                    .await
                    .map_err(serve_error)
            }
            None => {
                log.info("Watching for changes (Ctrl-C to stop)");
                stop.await;
                Ok(())
            }
        }
    })?;
    log.info("Stopped.");
    Ok(())
}

/// The output folder when the first build failed: the one `build` would use (site.toml's
/// `output_dir`), so that the folder served is the one later rebuilds write.
fn default_output(build: &BuildOptions) -> PathBuf {
    build.output.clone().unwrap_or_else(|| {
        crate::config::SiteConfig::load(&build.root)
            .map_or_else(|_| build.root.join("public"), |c| c.output_path(&build.root))
    })
}

/// The first line `serve` prints when it listens beyond this machine: the live-reload
/// stream and the error overlay show file paths and snippets of the site's content.
fn exposure_warning(options: &ServeOptions) -> Option<String> {
    (options.http && !options.interface.is_loopback()).then(|| {
        format!(
            "Warning: listening on {}, reachable from the network: anyone who can reach it sees the \
             live-reload stream and the error overlay (file paths and snippets of your content). \
             Use --interface 127.0.0.1 to keep them on this machine.",
            options.interface
        )
    })
}

fn display_addr(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
    }
}

/// How many ports after the asked one `serve` tries when it is taken.
const FURTHER_PORTS: u16 = 20;

/// Binds `port`, or the next free one of the following [`FURTHER_PORTS`].
fn bind(interface: IpAddr, port: u16) -> Result<std::net::TcpListener> {
    let mut last = None;
    let end = port.saturating_add(FURTHER_PORTS);
    for p in port..=end {
        match std::net::TcpListener::bind((interface, p)).and_then(|l| l.set_nonblocking(true).map(|()| l)) {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
    }
    Err(Error::Bind {
        address: display_addr(SocketAddr::new(interface, port)),
        tried: end - port,
        source: last.unwrap_or_else(|| std::io::Error::other("no port to try")),
    })
}

fn rebuild_loop(
    mut session: Option<Session>,
    build: BuildOptions,
    watcher: watch::Watcher,
    live: Arc<Live>,
    log: Arc<dyn Log>,
) {
    while let Ok(mut changed) = watcher.changes.recv() {
        // Everything that arrived while the last rebuild ran is one more change.
        while let Ok(more) = watcher.changes.recv_timeout(Duration::from_millis(1)) {
            changed.extend(more);
        }
        changed.sort();
        changed.dedup();
        let outcome = match session.as_mut() {
            Some(s) => s.apply(&changed),
            None => Session::start(build.clone()).map(|(s, report)| {
                session = Some(s);
                RebuildReport {
                    full: true,
                    files_read: report.calls + report.pages,
                    warnings: report.warnings,
                    ..RebuildReport::default()
                }
            }),
        };
        match outcome {
            Ok(report) => {
                for (path, w) in &report.warnings {
                    log.problem(&format!("{}:{}: warning: {}", path.display(), w.line, w.message));
                }
                // Tell the pages first: the line below is what scripts and tests wait for.
                live.publish(LiveEvent::Reload);
                log.info(&format!(
                    "Rebuilt in {} ms ({}): {} file(s) read, {} file(s) written",
                    report.elapsed.as_millis(),
                    if report.full { "whole site" } else { "incremental" },
                    report.files_read,
                    report.files_written
                ));
            }
            Err(e) => {
                live.publish(LiveEvent::Failure(e.to_string()));
                log.problem(&format!("Error: {e}\n(still serving the last good build)"));
            }
        }
    }
}

fn log_build(log: &dyn Log, report: &BuildReport) {
    for (path, w) in &report.warnings {
        log.problem(&format!("{}:{}: warning: {}", path.display(), w.line, w.message));
    }
    log.info(&format!(
        "Built {} call(s) and {} page(s) into {}",
        report.calls,
        report.pages,
        report.output.display()
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_that_cannot_be_bound_is_a_bind_error_naming_it() {
        // 192.0.2.1 (TEST-NET-1) is never this machine's: every port fails at once.
        let interface: IpAddr = "192.0.2.1".parse().unwrap();
        let err = bind(interface, 1111).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Bind {
                    tried: FURTHER_PORTS,
                    ..
                }
            ),
            "{err:?}"
        );
        let message = err.to_string();
        assert!(
            message.starts_with("cannot listen on 192.0.2.1:1111 (nor on the next 20 ports)"),
            "{message}"
        );
        assert!(message.contains("--port"), "{message}");
    }

    #[test]
    fn a_folder_that_cannot_be_watched_is_a_watch_error_naming_it() {
        let missing = std::env::temp_dir().join("callpress-no-such-site-to-watch");
        let err = watch::watch(&missing).err().expect("watching a missing folder fails");
        assert!(matches!(&err, Error::Watch { path, .. } if *path == missing), "{err:?}");
        assert!(err.to_string().contains("cannot watch for changes"), "{err}");
    }
}
