//! Putting it together: settings → database → routes → a listening server that stops
//! gracefully.
use crate::config::{LogFormat, Settings};
use crate::http::{AppState, web::Pages};
use crate::store;
use anyhow::Context;
use poem::listener::{Acceptor, Listener, TcpAcceptor, TcpListener};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// Connects to the database (migrating it when configured) and prepares the pages.
pub async fn prepare(settings: Settings) -> anyhow::Result<AppState> {
    let db = store::connect(&settings.database).await?;
    if settings.database.migrate_on_start {
        store::migrate(&db).await?;
    }
    Ok(AppState {
        db,
        links: Arc::new(crate::services::links::ManageLinks::new(
            &settings.secrets.link_key,
        )),
        settings: Arc::new(settings),
        pages: Arc::new(Pages::new().context("templates do not compile")?),
    })
}

/// Binds the listening socket now, so that a taken port is reported before anything else.
pub async fn bind(addr: &str) -> anyhow::Result<(TcpAcceptor, SocketAddr)> {
    let acceptor = TcpListener::bind(addr.to_owned())
        .into_acceptor()
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = acceptor
        .local_addr()
        .into_iter()
        .find_map(|a| a.as_socket_addr().copied())
        .context("the listener has no socket address")?;
    Ok((acceptor, local))
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish (up to the
/// configured timeout).
pub async fn serve(
    state: AppState,
    acceptor: TcpAcceptor,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let timeout = Duration::from_secs(state.settings.server.shutdown_timeout_secs);
    let routes = crate::http::routes(state);
    poem::Server::new_with_acceptor(acceptor)
        .run_with_graceful_shutdown(routes, shutdown, Some(timeout))
        .await
        .context("the server stopped with an error")
}

/// Resolves on ctrl-c or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Structured logs on stderr: `pretty` for people, `json` for collectors. `RUST_LOG` wins
/// over the configured filter.
pub fn init_logging(settings: &Settings) {
    use tracing_subscriber::{EnvFilter, fmt};
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&settings.log.filter));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match settings.log.format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Pretty => builder.compact().try_init(),
    };
}
