//! The catalogue page under load: requests/s and latency at 64 connections, against a bare
//! poem handler returning a page of the same size in the same run (the ceiling of the HTTP
//! stack on this machine). Prints both and their ratio; the target is ≥ 0.5.
//!
//! `cargo bench --bench catalogue_page` (SQLite); with `UKETSUKE_BENCH_POSTGRES_URL` on
//! PostgreSQL too.
mod common;

use poem::{Route, Server, get, listener::TcpListener, web::Html};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CONNECTIONS: usize = 64;
const SECONDS: u64 = 8;

struct Run {
    requests: usize,
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
}

/// Hammers `url` with `CONNECTIONS` clients for `SECONDS`; every answer must be 200.
async fn load(url: String) -> Run {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONNECTIONS)
        .build()
        .unwrap();
    // Warm up.
    for _ in 0..50 {
        client
            .get(&url)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(SECONDS);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..CONNECTIONS {
        let (client, url) = (client.clone(), url.clone());
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            while Instant::now() < deadline {
                let t = Instant::now();
                let resp = client.get(&url).send().await.unwrap();
                assert_eq!(resp.status(), 200);
                resp.bytes().await.unwrap();
                latencies.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            latencies
        });
    }
    let mut all = Vec::new();
    while let Some(l) = tasks.join_next().await {
        all.extend(l.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |q: f64| all[((all.len() as f64 * q) as usize).min(all.len() - 1)];
    Run {
        requests: all.len(),
        rps: all.len() as f64 / elapsed,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
    }
}

/// The real binary with the demo data; returns it and its base URL.
fn start_app(db_url: &str) -> (std::process::Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_uketsuke"))
        .env("UKETSUKE_ENV", "test")
        .env_remove("RUST_LOG")
        .env("UKETSUKE__DATABASE__URL", db_url)
        .env("UKETSUKE__MAIL__WORKER_IN_SERVE", "false")
        .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            l.strip_prefix("uketsuke is listening on ")
                .map(|r| r.split_whitespace().next().unwrap().to_owned())
        })
        .expect("the server says where it listens");
    std::thread::spawn(move || lines.for_each(drop));
    (child, url)
}

async fn engine(name: &str, pg: Option<&str>) {
    let (db_url, cleanup) = common::database(pg).await;
    let (mut app, url) = start_app(&db_url);
    let page = reqwest::get(format!("{url}/events"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The bare handler: the same bytes, no database, no templates.
    let body = Arc::new(page.clone());
    let bare = {
        let body = body.clone();
        Route::new().at(
            "/events",
            get(poem::endpoint::make_sync(move |_| {
                Html(body.as_str().to_owned())
            })),
        )
    };
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let server =
        tokio::spawn(Server::new(TcpListener::bind(format!("127.0.0.1:{port}"))).run(bare));
    tokio::time::sleep(Duration::from_millis(300)).await;

    let ceiling = load(format!("http://127.0.0.1:{port}/events")).await;
    let ours = load(format!("{url}/events")).await;
    server.abort();
    let _ = app.kill();
    let _ = app.wait();
    cleanup().await;
    println!(
        "{name:<10} page {:>6} bytes | catalogue {:>7.0} req/s p50 {:>6.2} ms p99 {:>6.2} ms ({} requests) | bare {:>7.0} req/s p99 {:>6.2} ms | ratio {:.2} (target ≥ 0.5)",
        page.len(),
        ours.rps,
        ours.p50_ms,
        ours.p99_ms,
        ours.requests,
        ceiling.rps,
        ceiling.p99_ms,
        ours.rps / ceiling.rps
    );
}

#[tokio::main]
async fn main() {
    println!(
        "catalogue page (/events, demo data) vs a bare poem handler, {CONNECTIONS} connections, {SECONDS} s each, {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    engine("sqlite", None).await;
    if let Ok(pg) = std::env::var("UKETSUKE_BENCH_POSTGRES_URL") {
        engine("postgresql", Some(&pg)).await;
    }
}
