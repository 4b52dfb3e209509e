//! The waiting list moves up whenever seats free.
use super::*;

/// Gives free seats to waiting registrations, first come first, skipping those that do not fit
/// (a party of three waits while a single seat goes to the next person who needs one). An
/// event without a capacity any more takes everyone waiting; a cancelled or started event
/// promotes nobody.
pub(crate) async fn promote_waitlist(
    txn: &impl ConnectionTrait,
    event: &Event,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let current = store::events::by_id_for_update(txn, event.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if current.status == EventStatus::Cancelled || now >= current.spec.starts_at {
        return Ok(());
    }
    let mut free = current
        .spec
        .capacity
        .map_or(u32::MAX, |c| c.get().saturating_sub(current.seats_taken));
    if free == 0 {
        return Ok(());
    }
    for (id, seats) in store::registrations::waitlisted(txn, event.id).await? {
        if seats > free {
            continue;
        }
        if !store::events::take_seats(txn, event.id, seats).await? {
            break;
        }
        free -= seats;
        store::registrations::set_status_and_seats(
            txn,
            id,
            RegistrationStatus::Confirmed,
            seats,
            now,
        )
        .await?;
        let reg = store::registrations::by_id(txn, id)
            .await?
            .ok_or(AppError::NotFound)?
            .registration;
        let payload = json!({});
        notices::tell(
            txn,
            event,
            &reg,
            MessageKind::Promoted,
            payload,
            Copies::Active,
            now,
        )
        .await?;
        tracing::info!(
            event_id = event.id,
            registration_id = id,
            seats,
            "promoted from the waiting list"
        );
        if free == 0 {
            break;
        }
    }
    Ok(())
}
