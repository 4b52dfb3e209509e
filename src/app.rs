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

/// Resolves on ctrl-c or SIGTERM. The handlers are installed when this is called, not when
/// the future is first polled: a SIGTERM that comes the moment the server says it listens
/// stops it gracefully instead of killing it.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let (mut interrupt, mut term) = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::interrupt()).ok(),
            signal(SignalKind::terminate()).ok(),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = wait(interrupt.take()) => {},
                _ = wait(term.take()) => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
        tracing::info!("shutting down: finishing requests in flight");
    }
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
