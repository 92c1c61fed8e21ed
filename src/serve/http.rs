//! The preview server: files from the output folder (axum + tower-http's ServeDir), a
//! Server-Sent Events stream on the same port that tells open pages to reload or to show
//! a build error, and the small script that listens to it, injected only when serving.
//! Responses are gzip-compressed for clients that ask (not the event stream, not images).

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use tokio::sync::broadcast;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

/// The path of the live-reload stream.
pub const LIVE_PATH: &str = "/__callpress/live";

/// What open pages are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveEvent {
    /// A rebuild succeeded: reload.
    Reload,
    /// A rebuild failed: show this message over the page.
    Failure(String),
}

/// State shared by the rebuild loop and the server.
#[derive(Debug)]
pub struct Live {
    /// Sends events to every open page.
    pub events: broadcast::Sender<LiveEvent>,
    /// The last build error, shown to pages opened while it stands.
    pub error: Mutex<Option<String>>,
}

impl Live {
    /// A new, error-free state.
    pub fn new() -> Arc<Live> {
        let (events, _) = broadcast::channel(64);
        Arc::new(Live {
            events,
            error: Mutex::new(None),
        })
    }

    /// Records the outcome of a rebuild and tells the pages.
    pub fn publish(&self, event: LiveEvent) {
        if let Ok(mut error) = self.error.lock() {
            *error = match &event {
                LiveEvent::Reload => None,
                LiveEvent::Failure(m) => Some(m.replace('\r', "")),
            };
        }
        let _ = self.events.send(event);
    }
}

#[derive(Clone)]
struct AppState {
    live: Arc<Live>,
    root: PathBuf,
}

/// The router serving `output`.
pub fn router(output: &Path, live: Arc<Live>) -> Router {
    let root = output.canonicalize().unwrap_or_else(|_| output.to_path_buf());
    let files = ServeDir::new(output).not_found_service(ServeFile::new(output.join(crate::site::urls::NOT_FOUND_FILE)));
    let state = AppState { live, root };
    Router::new()
        .route(LIVE_PATH, get(live_stream))
        .fallback_service(files)
        .layer(middleware::from_fn(inject_live_reload))
        .layer(middleware::from_fn_with_state(state.clone(), stay_inside))
        // Outermost, so that it compresses the page after the live-reload script is in it.
        // Its default predicate leaves Server-Sent Events, images and tiny bodies alone.
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// Refuses requests that resolve outside the output folder (through a symlink, or an
/// encoded `..` that slipped past): 403. ServeDir itself answers plain `..` with 404.
async fn stay_inside(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let raw = request.uri().path().to_string();
    let Ok(decoded) = percent_encoding::percent_decode_str(&raw).decode_utf8() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if decoded.contains('\0') || decoded.contains('\\') || decoded.split('/').any(|s| s == "..") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let candidate = state.root.join(decoded.trim_start_matches('/'));
    if let Ok(real) = candidate.canonicalize()
        && !real.starts_with(&state.root)
    {
        return StatusCode::FORBIDDEN.into_response();
    }
    next.run(request).await
}

/// The script open pages run: reload after a rebuild, show a failed build's message.
const SCRIPT: &str = r#"<script data-callpress-live>
(() => {
  const es = new EventSource("/__callpress/live");
  // Says when the stream is open, so a test can wait for it instead of sleeping.
  es.addEventListener("open", () => { document.documentElement.dataset.callpressLive = "open"; });
  es.addEventListener("reload", () => location.reload());
  es.addEventListener("failure", (e) => {
    let o = document.getElementById("callpress-error");
    if (!o) {
      o = document.createElement("pre");
      o.id = "callpress-error";
      o.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;margin:0;padding:1em 1.2em;background:#3b0d0d;color:#ffe3e3;font:13px/1.45 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647;border-top:3px solid #e5484d";
      document.body.appendChild(o);
    }
    o.textContent = "callpress: the last edit did not build; showing the last good page.\n\n" + e.data;
  });
})();
</script>
"#;

/// Adds [`SCRIPT`] to HTML responses (before `</body>`, or at the end when there is none)
/// and tells browsers not to cache while previewing.
async fn inject_live_reload(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let injectable = matches!(response.status(), StatusCode::OK | StatusCode::NOT_FOUND);
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if !(html && injectable) {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let text = String::from_utf8_lossy(&bytes);
    let injected = match text.rfind("</body>") {
        Some(i) => format!("{}{SCRIPT}{}", &text[..i], &text[i..]),
        None => format!("{text}{SCRIPT}"),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::ETAG);
    parts.headers.remove(header::LAST_MODIFIED);
    Response::from_parts(parts, Body::from(injected))
}

async fn live_stream(State(state): State<AppState>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let current = state.live.error.lock().ok().and_then(|e| e.clone());
    let receiver = state.live.events.subscribe();
    let first = current.map(|m| Event::default().event("failure").data(m.replace('\r', "")));
    let stream = futures_util::stream::unfold((first, receiver), |(first, mut rx)| async move {
        if let Some(event) = first {
            return Some((Ok(event), (None, rx)));
        }
        loop {
            match rx.recv().await {
                // Browsers drop events without data: send some.
                Ok(LiveEvent::Reload) => {
                    return Some((Ok(Event::default().event("reload").data("rebuilt")), (None, rx)));
                }
                Ok(LiveEvent::Failure(m)) => {
                    return Some((
                        Ok(Event::default().event("failure").data(m.replace('\r', ""))),
                        (None, rx),
                    ));
                }
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}
