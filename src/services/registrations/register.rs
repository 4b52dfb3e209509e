//! New registrations: check, take seats or a place in line, record, queue the notice.
use super::*;

/// Registers for the published event `slug`. With an idempotency key, a repeated request
/// returns the first answer and creates nothing; the same key with other content is refused.
pub async fn register(
    db: &Db,
    links: &ManageLinks,
    slug: &str,
    input: RegistrationInput,
    idempotency_key: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Registered> {
    // Addresses already registered are looked up before the event is locked. Should another
    // registration take one of ours in between, the unique index refuses our insert, and a
    // second attempt sees the address as taken.
    match attempt(db, links, slug, input.clone(), idempotency_key, now).await {
        Err(Attempt::AddressTaken) => {
            match attempt(db, links, slug, input, idempotency_key, now).await {
                Err(Attempt::AddressTaken) => Err(AppError::Internal(anyhow::anyhow!(
                    "an attendee address was taken twice while registering"
                ))),
                Err(Attempt::Failed(e)) => Err(e),
                Ok(r) => Ok(r),
            }
        }
        Err(Attempt::Failed(e)) => Err(e),
        Ok(r) => Ok(r),
    }
}

enum Attempt {
    AddressTaken,
    Failed(AppError),
}

impl<E: Into<AppError>> From<E> for Attempt {
    fn from(e: E) -> Self {
        Attempt::Failed(e.into())
    }
}

async fn attempt(
    db: &Db,
    links: &ManageLinks,
    slug: &str,
    input: RegistrationInput,
    idempotency_key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Registered, Attempt> {
    // Everything that needs no lock happens first: every registration of an event queues on
    // the event row, so the time spent holding it is the event's throughput.
    let fingerprint = fingerprint(&input);
    let picked = (input.sessions.clone(), input.attendee_sessions.clone());
    let mut booths_wanted = input.booths.clone();
    booths_wanted.sort_unstable();
    booths_wanted.dedup();
    let seen = store::events::by_slug(db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    // A retry must find its first answer even after registration closed, so with a key the
    // window is checked only under the lock, after the replay lookup.
    if idempotency_key.is_none() {
        check_open_for_registration(&seen, now)?;
    }
    let questions = store::questions::of_event(db, seen.id).await?;
    // A certification call's categories, which an application chooses from.
    let call = store::certification::call_of(db, seen.id).await?;
    // At a job fair a company applies for a booth; everyone else is a student visitor.
    // At an internship programme a host company posts an offer; everyone else is a student.
    let exhibiting = input.exhibitor.is_some() || input.offer.is_some();
    let rules_of = |event: &Event| {
        let shape = crate::domain::Shape::of(event.spec.kind, exhibiting);
        let booth = matches!(
            shape,
            crate::domain::Shape::Booth | crate::domain::Shape::InternshipOffer
        );
        RegistrationRules {
            audience: if booth {
                crate::domain::Audience::Companies
            } else {
                event.spec.audience
            },
            per_company_limit: event.spec.per_company_limit,
            // The event's questions are for its visitors.
            questions: if booth { &[] } else { &questions },
            shape,
            call: call.as_ref(),
            campaign_period: event
                .spec
                .campaign_period()
                .or_else(|| crate::domain::internship::programme_days(&event.spec)),
        }
    };
    let parsed = RegistrationSpec::parse(input.clone(), &rules_of(&seen));
    let taken_before = match &parsed {
        Ok(spec) => Some(taken_addresses(db, seen.id, spec).await?),
        Err(_) => None,
    };

    let txn = store::begin_write(db).await?;
    let event = store::events::by_slug_for_update(&txn, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(key) = idempotency_key
        && let Some(earlier) = store::registrations::by_idempotency_key(&txn, event.id, key).await?
    {
        if earlier.request_hash.as_deref() != Some(fingerprint.as_str()) {
            return Err(
                ValidationErrors::single("idempotency_key", "idempotency_key_reused").into(),
            );
        }
        let token = links
            .unseal(&earlier.token_sealed)
            .map_err(AppError::Internal)?;
        txn.commit().await?;
        return Ok(registered(db, earlier.registration, event, token, true).await?);
    }
    check_open_for_registration(&event, now)?;
    // The organizer may have changed the rules in between; then check again under the lock.
    let unchanged = (event.spec.audience, event.spec.per_company_limit)
        == (seen.spec.audience, seen.spec.per_company_limit);
    let (spec, duplicates) = match (unchanged, parsed, taken_before) {
        // An address seen taken may have been freed since; confirm those few under the lock.
        // (One taken since is caught by the unique index and a second attempt.)
        (true, Ok(spec), Some(taken)) if taken.is_empty() => (spec, taken),
        (true, Ok(spec), Some(taken)) => {
            let seen_taken: Vec<&str> = taken.iter().map(String::as_str).collect();
            let still = store::registrations::active_emails(&txn, event.id, &seen_taken).await?;
            (spec, still)
        }
        (true, Err(errors), _) => return Err(AppError::from(errors).into()),
        _ => {
            let spec = RegistrationSpec::parse(input, &rules_of(&event))?;
            let taken = taken_addresses(&txn, event.id, &spec).await?;
            (spec, taken)
        }
    };
    let chosen = picks::chosen(
        &txn,
        event.id,
        &picks::requested(&picked.0, &picked.1, spec.attendees.len()),
    )
    .await?;
    // Nothing but addresses registered already: a double submit, or someone typing another's
    // address. It takes nothing, so no limit or room can refuse it; it is recorded and
    // answered as what it is.
    let only_duplicates = spec.only_duplicates(&duplicates);
    // Judged on every attendee named; seats are taken for those not registered already.
    let wanted = spec.attendees.len() as u32;
    let seats = wanted - duplicates.len() as u32;
    if !only_duplicates {
        check_company_limit(&txn, &event, &spec, wanted, None).await?;
    }
    if spec.shape().once_per_company()
        && let Some(cn) = spec.corporate_number()
        && store::registrations::active_by_corporate_number(&txn, event.id, cn.as_str()).await?
    {
        return Err(AppError::from(ValidationErrors::single(
            "company.corporate_number",
            "campaign_joined",
        ))
        .into());
    }

    // A student applies to an open offer of this programme, once.
    let host = crate::services::internships::check_application(&txn, &event, &spec).await?;

    let status = if only_duplicates {
        SeatState::Duplicate
    } else if store::events::take_seats_with_room(&txn, event.id, seats, wanted).await? {
        SeatState::Confirmed
    } else if event.spec.waitlist_enabled {
        SeatState::Waitlisted
    } else {
        return Err(Attempt::Failed(AppError::conflict(
            "event_full",
            Vec::new(),
        )));
    };

    let token = links.issue();
    let registration = store::registrations::insert(
        &txn,
        NewRegistration {
            event_id: event.id,
            status,
            spec: &spec,
            seats,
            token_hash: &token.hash,
            token_sealed: &token.sealed,
            consent_version: event.purpose_of_use_version,
            idempotency_key,
            request_hash: Some(&fingerprint),
            walk_in: false,
        },
        &duplicates,
        now,
    )
    .await
    .map_err(|e| {
        if store::is_unique_violation(&e) {
            Attempt::AddressTaken
        } else {
            Attempt::Failed(e.into())
        }
    })?;

    let id = registration.id;
    // A duplicate holds no place in the event's sessions either: the earlier registration
    // holds the person's.
    if status.is_live() {
        picks::take(&txn, &event, &registration, &chosen, now).await?;
    }
    if matches!(spec.part, crate::domain::PartSpec::StudentVisit(_)) && status.is_live() {
        // Only approved booths of this fair can be marked.
        let approved: Vec<i64> = store::job_fairs::exhibitors(&txn, event.id)
            .await?
            .into_iter()
            .filter(|x| x.state == crate::domain::BoothState::Approved)
            .map(|x| x.registration_id)
            .collect();
        let mut booths: Vec<i64> = booths_wanted
            .iter()
            .copied()
            .filter(|b| approved.contains(b))
            .collect();
        booths.sort_unstable();
        booths.dedup();
        if booths.len() != booths_wanted.len() {
            return Err(AppError::from(ValidationErrors::single("booths", "unknown_booth")).into());
        }
        store::job_fairs::insert_interests(&txn, id, &booths).await?;
    }
    if let Some(host) = &host {
        crate::services::internships::tell_host(&txn, &event, host, &registration, now).await?;
    }
    // A duplicate sends no confirmation and no invitation: the owner of each address holds
    // the invitation of their own registration, and hears of this one by the notice below.
    if let Some(welcome) = crate::domain::Notice::welcome(spec.shape(), status) {
        notices::tell(&txn, &event, &registration, welcome, Copies::Active, now).await?;
    }
    for person in spec
        .attendees
        .iter()
        .filter(|p| duplicates.contains(p.email.as_str()))
    {
        notify(
            &txn,
            event.id,
            id,
            person.email.as_str(),
            &person.name,
            spec.lang,
            crate::domain::Notice::AlreadyRegistered,
            now,
        )
        .await?;
    }
    txn.commit().await?;
    tracing::info!(
        event_id = event.id,
        registration_id = id,
        status = status.code(),
        seats,
        "registered"
    );

    Ok(registered(db, registration, event, token.token, false).await?)
}

/// Of the registration's attendee addresses, those another registration of the event holds.
async fn taken_addresses(
    db: &impl ConnectionTrait,
    event_id: i64,
    spec: &RegistrationSpec,
) -> AppResult<HashSet<String>> {
    let emails: Vec<&str> = spec.attendees.iter().map(|p| p.email.as_str()).collect();
    Ok(store::registrations::active_emails(db, event_id, &emails).await?)
}

fn check_open_for_registration(event: &Event, now: DateTime<Utc>) -> AppResult<()> {
    match event.status {
        EventStatus::Draft => return Err(AppError::NotFound),
        EventStatus::Cancelled => {
            return Err(AppError::gone("event_cancelled", Vec::new()));
        }
        EventStatus::Published => {}
    }
    if now < event.spec.registration_opens_at {
        return Err(AppError::gone("registration_not_open", Vec::new()));
    }
    if now >= event.spec.registration_closes_at {
        return Err(AppError::gone("registration_closed", Vec::new()));
    }
    Ok(())
}

async fn registered(
    db: &Db,
    registration: Registration,
    event: Event,
    manage_token: String,
    replayed: bool,
) -> AppResult<Registered> {
    let waitlist_position = if registration.participation.is_waiting() {
        Some(store::registrations::waitlist_position(db, event.id, registration.id).await?)
    } else {
        None
    };
    // Read again: the sessions it took were written after it.
    let registration = store::registrations::by_id(db, registration.id)
        .await?
        .map_or(registration, |s| s.registration);
    Ok(Registered {
        registration,
        event,
        waitlist_position,
        manage_token,
        replayed,
    })
}

/// What makes two requests "the same" for idempotency: their content, not their bytes.
fn fingerprint(input: &RegistrationInput) -> String {
    let canonical = serde_json::to_vec(input).expect("inputs serialize");
    hex::encode(Sha256::digest(&canonical))
}
