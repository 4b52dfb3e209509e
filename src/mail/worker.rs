//! The outbox worker: claims due rows, sends them, and records what happened. Several workers
//! may share one PostgreSQL; each row is claimed by one of them at a time. A worker that dies
//! mid-send leaves its rows claimed until the lease runs out, then another sends them again:
//! at most one duplicate, never a loss.
use super::{Composed, Mailer, SendError};
use crate::store::{self, Db};
use chrono::{DateTime, Utc};
use rand::Rng;
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
    let settings = &mailer.settings;
    let lease = chrono::Duration::seconds(settings.lease_secs as i64);
    let rows = store::outbox::claim(db, now, settings.batch_size, lease).await?;
    let mut pass = Pass::default();
    let mut events = std::collections::HashMap::new();
    // Delivered rows are marked together at the end of the pass: one write instead of one per
    // message. A crash before that sends them once more after the lease, as any crash would.
    let mut delivered = Vec::new();
    for row in rows {
        let outcome = match mailer.compose(db, &row, &mut events).await {
            Ok(Composed::Ready(message)) => mailer.send(&message, row.id).await,
            Ok(Composed::Impossible(reason)) => Err(SendError::Permanent(reason)),
            Err(e) => Err(SendError::Transient(format!("{e:#}"))),
        };
        match outcome {
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
    store::outbox::mark_sent(db, &delivered, Utc::now()).await?;
    Ok(pass)
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
        .map_err(|e| anyhow::anyhow!("queueing reminders: {e}"))?;
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

/// Delivers until `stop` turns true: a pass, then a pause when nothing was due.
pub async fn run(db: Db, mailer: Mailer, mut stop: watch::Receiver<bool>) {
    let pause = Duration::from_millis(mailer.settings.poll_interval_ms.max(10));
    let every = Duration::from_secs(mailer.settings.housekeeping_secs.max(1));
    let mut last_housekeeping: Option<std::time::Instant> = None;
    tracing::info!("mail worker started");
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
        let claimed = match deliver_due(&db, &mailer, Utc::now()).await {
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
    tracing::info!("mail worker stopped");
}

#[cfg(test)]
mod tests {
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
