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
        store::registrations::set_status_and_seats(txn, id, SeatState::Confirmed, seats, now)
            .await?;
        super::picks::on_event_promotion(txn, id, now).await?;
        let reg = store::registrations::by_id(txn, id)
            .await?
            .ok_or(AppError::NotFound)?
            .registration;
        notices::tell(
            txn,
            event,
            &reg,
            Notice::Promoted {
                session: None,
                attendees: Vec::new(),
            },
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

/// An organizer moves one waiting registration up by hand, out of turn (a speaker's guest, a
/// partner's member), when its seats are free.
pub async fn promote_by_organizer(
    db: &Db,
    who: &Principal,
    slug: &str,
    registration_id: i64,
    now: DateTime<Utc>,
) -> AppResult<Registration> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let event = store::events::by_id_for_update(&txn, event.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let reg = store::registrations::by_id(&txn, registration_id)
        .await?
        .filter(|s| s.registration.event_id == event.id)
        .ok_or(AppError::NotFound)?
        .registration;
    if !reg.participation.is_waiting() {
        return Err(AppError::conflict("not_waitlisted", Vec::new()));
    }
    if !store::events::take_seats(&txn, event.id, reg.participation.seats()).await? {
        return Err(AppError::conflict(
            "not_enough_seats",
            crate::error_args![("seats", reg.participation.seats())],
        ));
    }
    store::registrations::set_status_and_seats(
        &txn,
        reg.id,
        SeatState::Confirmed,
        reg.participation.seats(),
        now,
    )
    .await?;
    // Its attendees' sessions are taken now too, where they have room.
    super::picks::on_event_promotion(&txn, reg.id, now).await?;
    notices::tell(
        &txn,
        &event,
        &reg,
        Notice::Promoted {
            session: None,
            attendees: Vec::new(),
        },
        Copies::Active,
        now,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        registration_id,
        by = who.user_id,
        "promoted by the organizer"
    );
    Ok(store::registrations::by_id(db, registration_id)
        .await?
        .ok_or(AppError::NotFound)?
        .registration)
}

/// Sends the registration's current state again (confirmed or waiting), to the contact and
/// the attendees: "I never got the email".
pub async fn resend(
    db: &Db,
    who: &Principal,
    slug: &str,
    registration_id: i64,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let reg = store::registrations::by_id(&txn, registration_id)
        .await?
        .filter(|s| s.registration.event_id == event.id)
        .ok_or(AppError::NotFound)?
        .registration;
    // The address owners of a duplicate were told at the time; their own registrations are
    // what to resend.
    if reg.participation.is_duplicate() {
        return Err(holds_nothing());
    }
    let Some(welcome) = Notice::welcome_for(&reg.participation) else {
        return Err(AppError::conflict("registration_cancelled", Vec::new()));
    };
    let sent = notices::tell(&txn, &event, &reg, welcome, Copies::Active, now).await?;
    txn.commit().await?;
    Ok(sent)
}
