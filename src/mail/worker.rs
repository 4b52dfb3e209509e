//! The outbox worker: claims due rows, sends them, and records what happened. Several workers
//! may share one PostgreSQL; each row is claimed by one of them at a time. A worker that dies
//! mid-send leaves its rows claimed until the lease runs out, then another sends them again:
//! at most one duplicate, never a loss.
use super::{Composed, Mailer, SendError};
use crate::store::{self, Db};
use chrono::{DateTime, Utc};
use futures_util::FutureExt;
use rand::Rng;
use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;
use tokio::sync::watch;

/// What one pass over the outbox did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

impl Pass {
    pub fn claimed(self) -> usize {
        self.sent + self.retried + self.failed
    }
}

/// Claims and handles one batch of due messages.
pub async fn deliver_due(db: &Db, mailer: &Mailer, now: DateTime<Utc>) -> anyhow::Result<Pass> {
    deliver_due_watched(db, mailer, now, &AtomicI64::new(0)).await
}

/// [`deliver_due`], noting in `current` the outbox id in hand, so that whoever supervises the
/// worker can say which message it was handling if it dies.
async fn deliver_due_watched(
    db: &Db,
    mailer: &Mailer,
    now: DateTime<Utc>,
    current: &AtomicI64,
) -> anyhow::Result<Pass> {
    let settings = &mailer.settings;
    let lease = chrono::Duration::seconds(settings.lease_secs as i64);
    let rows = store::outbox::claim(db, now, settings.batch_size, lease).await?;
    let mut pass = Pass::default();
    let mut events = HashMap::new();
    // Delivered rows are marked together at the end of the pass: one write instead of one per
    // message. A crash before that sends them once more after the lease, as any crash would.
    let mut delivered = Vec::new();
    for row in rows {
        current.store(row.id, Ordering::Relaxed);
        match deliver_one(db, mailer, &row, &mut events).await {
            Ok(()) => {
                delivered.push(row.id);
                pass.sent += 1;
            }
            Err(SendError::Permanent(error)) => {
                tracing::warn!(outbox_id = row.id, error, "message refused for good");
                store::outbox::mark_failed(db, row.id, &error).await?;
                pass.failed += 1;
            }
            Err(SendError::Transient(error)) if row.attempts >= settings.max_attempts => {
                tracing::warn!(
                    outbox_id = row.id,
                    attempts = row.attempts,
                    error,
                    "message given up"
                );
                store::outbox::mark_failed(db, row.id, &error).await?;
                pass.failed += 1;
            }
            Err(SendError::Transient(error)) => {
                let next = Utc::now()
                    + backoff(
                        settings.retry_base_secs,
                        settings.retry_max_secs,
                        row.attempts,
                    );
                tracing::info!(outbox_id = row.id, attempts = row.attempts, %next, error, "message will be retried");
                store::outbox::mark_retry(db, row.id, next, &error).await?;
                pass.retried += 1;
            }
        }
    }
    current.store(0, Ordering::Relaxed);
    store::outbox::mark_sent(db, &delivered, Utc::now()).await?;
    Ok(pass)
}

/// Composes and sends one message. An error or a panic while composing is this message's
/// failure alone (retried, then marked failed with its reason); the batch goes on.
async fn deliver_one(
    db: &Db,
    mailer: &Mailer,
    row: &store::outbox::Claimed,
    events: &mut HashMap<i64, crate::services::catalogue::EventListing>,
) -> Result<(), SendError> {
    let composed = isolated(mailer.compose(db, row, events)).await;
    if composed.is_err() {
        // The cache may hold what a panicking compose half-built.
        events.clear();
    }
    let message = composed.inspect_err(|e| {
        if let SendError::Transient(reason) = e {
            tracing::error!(outbox_id = row.id, reason, "message could not be composed");
        }
    })?;
    mailer.send(&message, row.id).await
}

/// Runs a compose, turning its error or its panic into this message's failure.
async fn isolated(
    compose: impl std::future::Future<Output = anyhow::Result<Composed>>,
) -> Result<Box<lettre::Message>, SendError> {
    match AssertUnwindSafe(compose).catch_unwind().await {
        Ok(Ok(Composed::Ready(message))) => Ok(message),
        Ok(Ok(Composed::Impossible(reason))) => Err(SendError::Permanent(reason)),
        Ok(Err(e)) => Err(SendError::Transient(format!("composing failed: {e:#}"))),
        Err(panic) => Err(SendError::Transient(format!(
            "composing panicked: {}",
            panic_message(panic.as_ref())
        ))),
    }
}

/// What a panic said, when it said it with a string (as `panic!` and `expect` do).
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// `base · 2^(attempts-1)`, at most `max`, with ±20% jitter so that retries of many messages
/// do not arrive together.
pub fn backoff(base_secs: u64, max_secs: u64, attempts: i32) -> chrono::Duration {
    let exponent = attempts.clamp(1, 30) as u32 - 1;
    let delay = base_secs.saturating_mul(1u64 << exponent).min(max_secs) as f64;
    let jitter = rand::rng().random_range(0.8..1.2);
    chrono::Duration::milliseconds((delay * jitter * 1000.0) as i64)
}

/// What a worker does besides sending, every `housekeeping_secs`: queue the reminders that
/// are due, prune the delivery log past its retention, anonymise registrations past their
/// organization's retention, and forget login failures that lock nobody. Returns (queued,
/// pruned).
pub async fn housekeeping(
    db: &Db,
    settings: &crate::config::MailSettings,
    now: DateTime<Utc>,
) -> anyhow::Result<(usize, u64)> {
    let queued = crate::services::reminders::queue_due(db, now)
        .await
        .map_err(|e| anyhow::anyhow!("queueing reminders: {e}"))?
        + crate::services::attendance::queue_due(db, now)
            .await
            .map_err(|e| anyhow::anyhow!("queueing attendance checks: {e}"))?;
    let before = now - chrono::Duration::days(i64::from(settings.retention_days));
    let pruned = store::outbox::prune(db, before).await?;
    // Personal data past each organization's retention (APPI).
    crate::services::retention::purge(db, now)
        .await
        .map_err(|e| anyhow::anyhow!("purging personal data: {e}"))?;
    crate::services::staff::forget_stale_failures(db, now)
        .await
        .map_err(|e| anyhow::anyhow!("pruning the login throttle: {e}"))?;
    if pruned > 0 {
        tracing::info!(pruned, %before, "delivery log pruned");
    }
    Ok((queued, pruned))
}

/// Delivers until `stop` turns true, under supervision: should the delivery loop die (a
/// panic outside any one message), the failure is logged with the outbox id in hand and the
/// loop starts again, so mail never silently stops while the server looks healthy.
pub async fn run(db: Db, mailer: Mailer, stop: watch::Receiver<bool>) {
    let mailer = Arc::new(mailer);
    let current = Arc::new(AtomicI64::new(0));
    tracing::info!("mail worker started");
    supervise(&current, stop.clone(), || {
        deliver_until_stopped(db.clone(), mailer.clone(), current.clone(), stop.clone())
    })
    .await;
    tracing::info!("mail worker stopped");
}

/// Runs the task `start` makes until it ends by itself; restarts it (after a second) each time
/// it panics, unless `stop` has turned true.
pub async fn supervise<F, Fut>(current: &AtomicI64, stop: watch::Receiver<bool>, mut start: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    loop {
        match tokio::spawn(start()).await {
            Ok(()) => return,
            Err(e) => {
                let outbox_id = current.swap(0, Ordering::Relaxed);
                let error = if e.is_panic() {
                    panic_message(e.into_panic().as_ref())
                } else {
                    e.to_string()
                };
                tracing::error!(outbox_id, error, "mail worker died; starting it again");
                if *stop.borrow() {
                    return;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

async fn deliver_until_stopped(
    db: Db,
    mailer: Arc<Mailer>,
    current: Arc<AtomicI64>,
    mut stop: watch::Receiver<bool>,
) {
    let pause = Duration::from_millis(mailer.settings.poll_interval_ms.max(10));
    let every = Duration::from_secs(mailer.settings.housekeeping_secs.max(1));
    let mut last_housekeeping: Option<std::time::Instant> = None;
    loop {
        if *stop.borrow() {
            break;
        }
        if last_housekeeping.is_none_or(|t| t.elapsed() >= every) {
            last_housekeeping = Some(std::time::Instant::now());
            if let Err(e) = housekeeping(&db, &mailer.settings, Utc::now()).await {
                tracing::error!(error = format!("{e:#}"), "mail housekeeping failed");
            }
        }
        let claimed = match deliver_due_watched(&db, &mailer, Utc::now(), &current).await {
            Ok(pass) => pass.claimed(),
            Err(e) => {
                tracing::error!(error = format!("{e:#}"), "mail worker pass failed");
                0
            }
        };
        if claimed == 0 {
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = stop.changed() => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_worker_that_dies_is_started_again_and_says_which_message_it_held() {
        let (_tx, stop) = watch::channel(false);
        let current = AtomicI64::new(0);
        let starts = Arc::new(AtomicI64::new(0));
        let counted = starts.clone();
        supervise(&current, stop, || {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            current.store(41 + n, Ordering::Relaxed);
            async move {
                if n < 2 {
                    panic!("poisoned message {n}");
                }
            }
        })
        .await;
        assert_eq!(starts.load(Ordering::SeqCst), 3);
        // Each death reported (and cleared) the id in hand; the third start ended by itself.
        assert_eq!(current.load(Ordering::Relaxed), 43);
    }

    #[tokio::test]
    async fn a_stopped_worker_is_not_started_again() {
        let (tx, stop) = watch::channel(false);
        tx.send(true).unwrap();
        let current = AtomicI64::new(0);
        let mut starts = 0;
        supervise(&current, stop, || {
            starts += 1;
            async { panic!("dies") }
        })
        .await;
        assert_eq!(starts, 1);
    }

    #[tokio::test]
    async fn a_compose_that_panics_or_fails_is_that_message_s_failure_alone() {
        // What lettre did with a line break in a display name: a panic inside `to()`.
        let panicked =
            isolated(async { panic!("a Display implementation returned an error unexpectedly") })
                .await;
        assert!(matches!(
            panicked,
            Err(SendError::Transient(ref r))
                if r == "composing panicked: a Display implementation returned an error unexpectedly"
        ));
        let failed = isolated(async { Err(anyhow::anyhow!("no such template")) }).await;
        assert!(
            matches!(failed, Err(SendError::Transient(ref r)) if r == "composing failed: no such template")
        );
        let impossible =
            isolated(async { Ok(Composed::Impossible("event 3 is gone".into())) }).await;
        assert!(matches!(impossible, Err(SendError::Permanent(ref r)) if r == "event 3 is gone"));
    }

    #[test]
    fn panic_messages_are_read() {
        let e = std::panic::catch_unwind(|| panic!("at {}", 3)).unwrap_err();
        assert_eq!(panic_message(e.as_ref()), "at 3");
    }

    #[test]
    fn backoff_doubles_within_bounds() {
        for (attempts, low, high) in [
            (1, 24.0, 36.0),
            (2, 48.0, 72.0),
            (3, 96.0, 144.0),
            (20, 2880.0, 4320.0),
        ] {
            let secs = super::backoff(30, 3600, attempts).num_milliseconds() as f64 / 1000.0;
            assert!((low..=high).contains(&secs), "attempt {attempts}: {secs}s");
        }
    }
}
