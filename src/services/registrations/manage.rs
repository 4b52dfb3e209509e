//! What a registrant does later through the manage link: change attendees and answers, cancel.
use super::*;

/// Cancels the given attendees, or all of them (`None`). Freed seats go to the waiting list
/// in the same transaction. Cancelling what is cancelled already is harmless.
pub async fn cancel(
    db: &Db,
    token: &str,
    attendee_ids: Option<&[i64]>,
    now: DateTime<Utc>,
) -> AppResult<Managed> {
    let txn = store::begin_write(db).await?;
    let (reg, event) = lookup_locked(&txn, token).await?;
    cancel_locked(&txn, &reg, &event, attendee_ids, None, now).await?;
    txn.commit().await?;
    by_token(db, token).await
}

/// An organizer cancels a whole registration from the roster (a no-show list, a duplicate
/// company, a request by phone). The registrant is told, as when they cancel themselves.
pub async fn cancel_by_organizer(
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
    cancel_locked(&txn, &reg, &event, None, None, now).await?;
    txn.commit().await?;
    tracing::info!(
        registration_id,
        by = who.user_id,
        "registration cancelled by the organizer"
    );
    Ok(store::registrations::by_id(db, registration_id)
        .await?
        .ok_or(AppError::NotFound)?
        .registration)
}

/// An organizer moves a registration to another of their own events: a company that cannot
/// come on the day takes a later date, or a full session sends people to one with room. Its
/// active attendees take seats there (or the waiting list, if that event keeps one) as a new
/// registration with its own manage link; here it is cancelled, its seats go to this event's
/// waiting list, and the registrant is told both in two emails, each with its calendar entry.
/// Answers stay with the original, whose questions they answer. Both events are locked, the
/// lower id first, so moves in opposite directions cannot deadlock.
pub async fn move_by_organizer(
    db: &Db,
    links: &ManageLinks,
    who: &Principal,
    slug: &str,
    registration_id: i64,
    to_slug: &str,
    now: DateTime<Utc>,
) -> AppResult<Registration> {
    let bad_target = |code: &'static str, args| -> AppError {
        ValidationErrors::single_with("to", code, args).into()
    };
    if to_slug.trim().is_empty() || to_slug == slug {
        return Err(bad_target("choose_event", Vec::new()));
    }
    let txn = store::begin_write(db).await?;
    let from = own_event(&txn, who, slug).await?;
    let to = match own_event(&txn, who, to_slug).await {
        Ok(e) => e,
        Err(AppError::NotFound | AppError::Forbidden) => {
            return Err(bad_target("unknown_event", Vec::new()));
        }
        Err(e) => return Err(e),
    };
    let mut locked = Vec::new();
    for id in if from.id < to.id {
        [from.id, to.id]
    } else {
        [to.id, from.id]
    } {
        locked.push(
            store::events::by_id_for_update(&txn, id)
                .await?
                .ok_or(AppError::NotFound)?,
        );
    }
    let (from, to) = if locked[0].id == from.id {
        (locked.remove(0), locked.remove(0))
    } else {
        let to = locked.remove(0);
        (locked.remove(0), to)
    };
    // A consultation desk needs a slot chosen: the registrant books one there themselves.
    if store::event_sessions::of_event(&txn, to.id)
        .await?
        .iter()
        .any(|s| s.spec.exclusive)
    {
        return Err(bad_target(
            "slot_booking",
            crate::error_args![("event", to.spec.title.clone())],
        ));
    }
    if to.status != EventStatus::Published || to.spec.ends_at <= now {
        return Err(bad_target(
            "not_open",
            crate::error_args![("event", to.spec.title.clone())],
        ));
    }
    let reg = store::registrations::by_id(&txn, registration_id)
        .await?
        .filter(|s| s.registration.event_id == from.id)
        .ok_or(AppError::NotFound)?
        .registration;
    // Seats move to seats for the same audience: a seminar registration cannot become a
    // declaration, a campaign entry or a student's visit, nor a booth a seminar seat.
    let shape = reg.shape();
    if !shape.takes_seats()
        || crate::domain::Shape::of(to.spec.kind, false) != shape
        || to.spec.audience != reg.audience
    {
        return Err(bad_target(
            "move_other_shape",
            crate::error_args![("event", to.spec.title.clone())],
        ));
    }
    let people: Vec<Attendee> = reg
        .attendees
        .iter()
        .filter(|a| a.status == AttendeeStatus::Active)
        .cloned()
        .collect();
    if reg.participation.is_duplicate() {
        return Err(holds_nothing());
    }
    if reg.participation.is_withdrawn() || people.is_empty() {
        return Err(AppError::conflict("cancelled", Vec::new()));
    }
    let emails: Vec<&str> = people.iter().map(|a| a.email.as_str()).collect();
    let taken = store::registrations::active_emails(&txn, to.id, &emails).await?;
    if !taken.is_empty() {
        let names: Vec<&str> = people
            .iter()
            .filter(|a| taken.contains(&a.email))
            .map(|a| a.name.as_str())
            .collect();
        return Err(bad_target(
            "already_registered_there",
            crate::error_args![("names", names.join(", "))],
        ));
    }
    let seats = people.len() as u32;
    let status = if store::events::take_seats_with_room(&txn, to.id, seats, seats).await? {
        SeatState::Confirmed
    } else if to.spec.waitlist_enabled {
        SeatState::Waitlisted
    } else {
        return Err(bad_target(
            "target_full",
            crate::error_args![("event", to.spec.title.clone()), ("seats", seats)],
        ));
    };
    let token = links.issue();
    let moved = store::registrations::copy_to_event(
        &txn,
        reg.id,
        store::registrations::MovedTo {
            event_id: to.id,
            status,
            seats,
            token_hash: &token.hash,
            token_sealed: &token.sealed,
        },
        &people,
        now,
    )
    .await?;
    cancel_locked(&txn, &reg, &from, None, Some(&to), now).await?;
    // A move is between events with seats: the moved registration holds one or waits.
    let welcome = match status {
        SeatState::Waitlisted => Notice::Waitlisted,
        _ => Notice::Confirmed,
    };
    notices::tell(&txn, &to, &moved, welcome, Copies::Active, now).await?;
    txn.commit().await?;
    tracing::info!(
        registration_id,
        moved_to = moved.id,
        from = from.id,
        to = to.id,
        by = who.user_id,
        "registration moved by the organizer"
    );
    Ok(moved)
}

/// The cancellation itself, in a transaction that holds the event row.
async fn cancel_locked(
    txn: &impl ConnectionTrait,
    reg: &Registration,
    event: &Event,
    attendee_ids: Option<&[i64]>,
    moved_to: Option<&Event>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if reg.participation.is_duplicate() {
        return Err(holds_nothing());
    }
    // In a registration that also holds seats, duplicates are attendees to the registrant
    // (who is never told), so they can be cancelled like any other; only active ones give
    // seats back.
    let open: Vec<&Attendee> = reg
        .attendees
        .iter()
        .filter(|a| a.status != AttendeeStatus::Cancelled)
        .collect();
    let chosen: Vec<&Attendee> = match attendee_ids {
        None => open.clone(),
        Some(ids) => {
            if ids
                .iter()
                .any(|id| !reg.attendees.iter().any(|a| a.id == *id))
            {
                return Err(ValidationErrors::single("attendee", "unknown_attendee").into());
            }
            open.iter()
                .copied()
                .filter(|a| ids.contains(&a.id))
                .collect()
        }
    };
    // A company's own application (a booth, a campaign entry, a declaration, a dispatch
    // request) names nobody: withdrawing it withdraws the whole.
    let whole_application = attendee_ids.is_none() && !reg.shape().has_attendees() && reg.is_live();
    if chosen.is_empty() && !whole_application {
        return Ok(());
    }
    // Once an expert is assigned, visits are arranged (and counted, and reported): the
    // company asks the organizer rather than withdrawing the request itself.
    if let Some((state, _)) = reg.participation.dispatch()
        && state != crate::domain::DispatchState::Requested
    {
        return Err(AppError::conflict("dispatch_assigned", Vec::new()));
    }
    let ids: Vec<i64> = chosen.iter().map(|a| a.id).collect();
    store::registrations::cancel_attendees(txn, &ids, now).await?;
    let freed = chosen
        .iter()
        .filter(|a| a.status == AttendeeStatus::Active)
        .count() as u32;
    if reg.participation.holds_seats() && freed > 0 {
        store::events::release_seats(txn, event.id, freed).await?;
    }
    let left_open = open.len() - chosen.len();
    let status = if left_open == 0 {
        SeatState::Cancelled
    } else {
        store::registrations::status_column(&reg.participation)
    };
    store::registrations::set_status_and_seats(
        txn,
        reg.id,
        status,
        reg.participation.seats() - freed,
        now,
    )
    .await?;
    if left_open == 0 {
        picks::release_all(txn, event, reg.id, now).await?;
    } else {
        picks::follow_attendees(txn, event, reg.id, now).await?;
    }
    let left = left_open as u32;
    let attendees: Vec<String> = chosen.iter().map(|a| a.name.clone()).collect();
    // What the message announces, as data: the mail edge writes it in the reader's words.
    let notice = match moved_to {
        Some(to) => Notice::Moved {
            to: crate::domain::MovedTo::Event {
                title: (&to.spec.title).into(),
                starts_at: to.spec.starts_at,
                ends_at: to.spec.ends_at,
            },
            attendees,
        },
        None => Notice::Cancelled {
            attendees,
            all: left == 0,
        },
    };
    notices::tell(txn, event, reg, notice, Copies::Only(&chosen), now).await?;
    if left == 0 {
        // An internship offer withdrawn: the applications still standing are declined.
        crate::services::internships::offer_withdrawn(txn, event, reg, now).await?;
    }
    promote_waitlist(txn, event, now).await
}

/// Changes attendees and answers through the manage link, within the company limit and the
/// seats there are.
pub async fn change(
    db: &Db,
    token: &str,
    change: RegistrationChange,
    now: DateTime<Utc>,
) -> AppResult<Managed> {
    let txn = store::begin_write(db).await?;
    let (reg, event) = lookup_locked(&txn, token).await?;
    if reg.participation.is_duplicate() {
        return Err(holds_nothing());
    }
    if !reg.is_live() {
        return Err(AppError::conflict("registration_cancelled", Vec::new()));
    }
    if now >= event.spec.starts_at || event.status == EventStatus::Cancelled {
        return Err(AppError::gone("changes_closed", Vec::new()));
    }

    if let Some(raw) = &change.answers {
        let questions = store::questions::of_event(&txn, event.id).await?;
        let answers = parse_answers(&questions, raw)?;
        store::registrations::set_answers(&txn, reg.id, &answers, now).await?;
    }

    let mut removed: Vec<i64> = Vec::new();
    // Campaigns, declarations and booths are the company's: there are no attendees to change.
    if change.attendees.is_some() && !reg.shape().has_attendees() {
        return Err(ValidationErrors::single("attendees", "not_for_campaign").into());
    }
    if let Some(list) = change.attendees {
        if reg.audience == crate::domain::Audience::Individuals {
            return Err(ValidationErrors::single("attendees", "individual_registration").into());
        }
        let plan = plan_attendees(&reg, list)?;
        removed.clone_from(&plan.removed);
        let new_emails: Vec<&str> = plan.added.iter().map(|p| p.email.as_str()).collect();
        // This registration's own addresses are not someone else's: an attendee removed and
        // added again in one change is simply re-added (the removal runs first).
        let own: HashSet<&str> = reg.attendees.iter().map(|a| a.email.as_str()).collect();
        let duplicates: HashSet<String> =
            store::registrations::active_emails(&txn, event.id, &new_emails)
                .await?
                .into_iter()
                .filter(|e| !own.contains(e.as_str()))
                .collect();
        let added_active = plan
            .added
            .iter()
            .filter(|p| !duplicates.contains(p.email.as_str()))
            .count() as u32;
        let kept_active = plan
            .kept
            .iter()
            .filter(|a| a.status == AttendeeStatus::Active)
            .count() as u32;
        let seats = kept_active + added_active;
        // Limits and room are judged on the attendees listed, as at registration.
        let listed = (plan.kept.len() + plan.added.len()) as u32;
        let listed_before = reg
            .attendees
            .iter()
            .filter(|a| a.status != AttendeeStatus::Cancelled)
            .count() as u32;
        if listed as usize > MAX_ATTENDEES {
            return Err(ValidationErrors::single_with(
                "attendees",
                "too_many_attendees",
                crate::error_args![("max", MAX_ATTENDEES)],
            )
            .into());
        }
        if listed == 0 {
            return Err(ValidationErrors::single("attendees", "last_attendee").into());
        }
        if let Some(limit) = event.spec.per_company_limit
            && listed > limit
        {
            return Err(too_many(limit, 0).into());
        }
        if let Some(cn) = reg
            .company
            .as_ref()
            .and_then(|c| c.corporate_number.as_deref())
        {
            let others =
                store::registrations::active_attendees_of_company(&txn, event.id, cn, Some(reg.id))
                    .await? as u32;
            if let Some(limit) = event.spec.per_company_limit
                && others + listed > limit
            {
                return Err(too_many(limit, others).into());
            }
        }
        let old = reg.participation.seats();
        let (take, give) = (seats.saturating_sub(old), old.saturating_sub(seats));
        let room = listed.saturating_sub(listed_before).max(take);
        if reg.participation.holds_seats()
            && room > 0
            && !store::events::take_seats_with_room(&txn, event.id, take, room).await?
        {
            return Err(AppError::conflict(
                "not_enough_seats",
                crate::error_args![("seats", room)],
            ));
        }
        if reg.participation.holds_seats() && give > 0 {
            store::events::release_seats(&txn, event.id, give).await?;
        }
        store::registrations::cancel_attendees(&txn, &plan.removed, now).await?;
        for kept in &plan.kept {
            store::registrations::update_attendee(&txn, kept).await?;
        }
        let next_position = reg.attendees.iter().map(|a| a.position).max().unwrap_or(0) + 1;
        let added: Vec<Attendee> = plan
            .added
            .iter()
            .map(|p| Attendee {
                id: 0,
                position: 0,
                name: p.name.clone(),
                kana: p.kana_text().to_owned(),
                department: p.department.clone(),
                title: p.title.clone(),
                email: p.email.as_str().to_owned(),
                status: if duplicates.contains(p.email.as_str()) {
                    AttendeeStatus::Duplicate
                } else {
                    AttendeeStatus::Active
                },
            })
            .collect();
        store::registrations::insert_attendees(&txn, reg.id, event.id, next_position, &added, now)
            .await?;
        store::registrations::set_status_and_seats(
            &txn,
            reg.id,
            store::registrations::status_column(&reg.participation),
            seats,
            now,
        )
        .await?;
        picks::follow_attendees(&txn, &event, reg.id, now).await?;
        for p in plan
            .added
            .iter()
            .filter(|p| duplicates.contains(p.email.as_str()))
        {
            notify(
                &txn,
                event.id,
                reg.id,
                p.email.as_str(),
                &p.name,
                reg.lang,
                Notice::AlreadyRegistered,
                now,
            )
            .await?;
        }
    }
    let mut changed = store::registrations::by_id(&txn, reg.id)
        .await?
        .ok_or(AppError::NotFound)?
        .registration;
    // Sessions last, with the seats the change left.
    let mut dropped = Vec::new();
    if change.sessions.is_some() || !change.attendee_sessions.is_empty() {
        picks::reselect(
            &txn,
            &event,
            &changed,
            change.sessions.as_deref(),
            &change.attendee_sessions,
            now,
        )
        .await?;
        let before = std::mem::take(&mut changed.picks);
        changed = store::registrations::by_id(&txn, reg.id)
            .await?
            .ok_or(AppError::NotFound)?
            .registration;
        dropped = crate::calendar::dropped_sessions(&before, &changed.picks);
    }
    // The message cancels the calendar entries of the sessions given up.
    let changed_notice = Notice::Changed {
        dropped_sessions: dropped,
    };
    notices::tell(&txn, &event, &changed, changed_notice, Copies::Active, now).await?;
    // Those taken off hear it themselves; the contact's message lists who stays.
    let removed: Vec<&Attendee> = reg
        .attendees
        .iter()
        .filter(|a| removed.contains(&a.id) && a.status == AttendeeStatus::Active)
        .collect();
    if !removed.is_empty() {
        let attendees: Vec<String> = removed.iter().map(|a| a.name.clone()).collect();
        notices::tell_attendees(
            &txn,
            &event,
            &reg,
            Notice::Cancelled {
                attendees,
                all: false,
            },
            &removed,
            now,
        )
        .await?;
    }
    promote_waitlist(&txn, &event, now).await?;
    txn.commit().await?;
    by_token(db, token).await
}

struct AttendeePlan {
    kept: Vec<Attendee>,
    added: Vec<Person>,
    removed: Vec<i64>,
}

fn plan_attendees(
    reg: &Registration,
    list: Vec<AttendeeChange>,
) -> Result<AttendeePlan, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut kept = Vec::new();
    let mut added = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (i, change) in list.into_iter().enumerate() {
        let Some(person) = errors.take(parse_attendee(i, change.person)) else {
            continue;
        };
        if !seen.insert(person.email.as_str().to_owned()) {
            errors.add(&format!("attendees.{i}.email"), "duplicate_attendee");
            continue;
        }
        match change.id {
            Some(id) => match reg
                .attendees
                .iter()
                .find(|a| a.id == id && a.status != AttendeeStatus::Cancelled)
            {
                Some(existing) if existing.email == person.email.as_str() => kept.push(Attendee {
                    kana: person.kana_text().to_owned(),
                    name: person.name,
                    department: person.department,
                    title: person.title,
                    ..existing.clone()
                }),
                Some(_) => errors.add(&format!("attendees.{i}.email"), "email_fixed"),
                None => errors.add(&format!("attendees.{i}.id"), "unknown_attendee"),
            },
            None => added.push(person),
        }
    }
    let removed = reg
        .attendees
        .iter()
        .filter(|a| a.status != AttendeeStatus::Cancelled && !kept.iter().any(|k| k.id == a.id))
        .map(|a| a.id)
        .collect();
    errors.into_result(|| AttendeePlan {
        kept,
        added,
        removed,
    })
}
