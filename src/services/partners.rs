//! Partner roles: the organizer asks an organization to co-host, back, cooperate or publicise;
//! that organization answers.
use super::events::own_event;
use super::notices;
use crate::domain::notice::{PartnerRequestNote, Titles};
use crate::domain::{
    Notice, OrgCode, Partner, PartnerNote, PartnerRole, PartnerState, Principal, UserRole,
    ValidationErrors,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db, partners::NewPartner};
use chrono::{DateTime, Utc};

/// Asks `org_code` to take `role` in the caller's event, with a note. The request waits for
/// the partner; its admins are emailed, in the same transaction.
#[allow(clippy::too_many_arguments)]
pub async fn invite(
    db: &Db,
    who: &Principal,
    slug: &str,
    org_code: &str,
    role: PartnerRole,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Vec<Partner>> {
    let mut errors = ValidationErrors::new();
    if role == PartnerRole::Organizer {
        errors.add("role", "organizer_is_fixed");
    }
    let note = errors.take(PartnerNote::parse(note)).flatten();
    if !errors.is_empty() {
        return Err(errors.into());
    }
    let code = OrgCode::parse(org_code)?;
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let organization = store::organizations::by_code(&txn, &code)
        .await?
        .ok_or_else(|| {
            ValidationErrors::single_with(
                "organization",
                "unknown_organization",
                crate::error_args![("code", format!("{code}"))],
            )
        })?;
    if organization.id == event.organizer_id {
        return Err(ValidationErrors::single("organization", "is_organizer").into());
    }
    let existing = store::partners::of_event(&txn, event.id).await?;
    let new = NewPartner {
        event_id: event.id,
        organization_id: organization.id,
        role,
        state: PartnerState::Requested,
        display_order: existing.len() as i32,
        requested_by: Some(who.user_id),
        note: note.clone(),
    };
    store::partners::insert(&txn, new, now).await.map_err(|e| {
        if store::is_unique_violation(&e) {
            AppError::conflict(
                "partner_exists",
                crate::error_args![(
                    "name",
                    crate::domain::Bilingual {
                        ja: organization.name_ja.clone(),
                        en: organization.name_en.clone()
                    }
                )],
            )
        } else {
            e.into()
        }
    })?;
    let request = PartnerRequestNote {
        role,
        organizer: organization_titles(&txn, event.organizer_id).await?,
        partner: Titles {
            ja: organization.name_ja.clone(),
            en: organization.name_en.clone(),
        },
        note: note.map(|n| n.as_str().to_owned()),
        by: staff_name(&txn, who.user_id).await?,
    };
    // The organization answers through its admins: each is told.
    for admin in store::users::of_organization(&txn, organization.id)
        .await?
        .into_iter()
        .filter(|u| u.disabled_at.is_none() && u.role == UserRole::Admin.code())
    {
        notices::tell_staff(
            &txn,
            event.id,
            (&admin.email, &admin.display_name),
            Notice::PartnerRequested {
                request: request.clone(),
            },
            now,
        )
        .await?;
    }
    let partners = store::partners::of_event(&txn, event.id).await?;
    txn.commit().await?;
    Ok(partners)
}

/// An organization's names, as a notice carries them.
async fn organization_titles(
    txn: &impl sea_orm::ConnectionTrait,
    organization_id: i64,
) -> AppResult<Titles> {
    let org = store::organizations::by_ids(txn, &[organization_id])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(Titles {
        ja: org.name_ja,
        en: org.name_en,
    })
}

/// A staff member's display name; empty if the account is gone.
async fn staff_name(txn: &impl sea_orm::ConnectionTrait, user_id: i64) -> AppResult<String> {
    Ok(store::users::by_id(txn, user_id)
        .await?
        .map(|u| u.display_name)
        .unwrap_or_default())
}

/// The partner organization approves or declines the role it was asked to take. Only a user
/// of that organization who may manage events can answer.
pub async fn decide(
    db: &Db,
    who: &Principal,
    slug: &str,
    org_code: &str,
    approve: bool,
    now: DateTime<Utc>,
) -> AppResult<Vec<Partner>> {
    let code = OrgCode::parse(org_code)?;
    let txn = store::begin_write(db).await?;
    let event = store::events::by_slug(&txn, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let organization = store::organizations::by_code(&txn, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    if organization.id != who.organization_id || !who.role.manages_events() {
        return Err(AppError::Forbidden);
    }
    let state = if approve {
        PartnerState::Approved
    } else {
        PartnerState::Declined
    };
    let asked = store::partners::asked(&txn, event.id, organization.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !store::partners::decide(&txn, event.id, organization.id, state, who.user_id, now).await? {
        return Err(AppError::NotFound);
    }
    // Whoever asked hears the answer; a request from before requests were signed goes to
    // the organizer's admins.
    let requester = match asked.requested_by {
        Some(id) => store::users::by_id(&txn, id)
            .await?
            .filter(|u| u.disabled_at.is_none())
            .into_iter()
            .collect::<Vec<_>>(),
        None => Vec::new(),
    };
    let recipients = if requester.is_empty() {
        store::users::of_organization(&txn, event.organizer_id)
            .await?
            .into_iter()
            .filter(|u| u.disabled_at.is_none() && u.role == UserRole::Admin.code())
            .collect()
    } else {
        requester
    };
    let request = PartnerRequestNote {
        role: asked.role,
        organizer: organization_titles(&txn, event.organizer_id).await?,
        partner: Titles {
            ja: organization.name_ja.clone(),
            en: organization.name_en.clone(),
        },
        note: asked.note,
        by: staff_name(&txn, who.user_id).await?,
    };
    for user in recipients {
        notices::tell_staff(
            &txn,
            event.id,
            (&user.email, &user.display_name),
            Notice::PartnerAnswered {
                request: request.clone(),
                approved: approve,
            },
            now,
        )
        .await?;
    }
    let partners = store::partners::of_event(&txn, event.id).await?;
    txn.commit().await?;
    tracing::info!(event_id = event.id, organization = %code, ?state, "partner role decided");
    Ok(partners)
}

/// A request to the staff member's organization, with the event it is about and the
/// organization that asks.
pub struct RequestToUs {
    pub event: crate::domain::Event,
    pub organizer: Option<crate::domain::Organization>,
    pub request: store::partners::Request,
}

impl RequestToUs {
    /// Waiting for this organization's answer.
    pub fn pending(&self) -> bool {
        self.request.state == PartnerState::Requested
    }
}

/// Every role the staff member's organization was asked to take, for its partner page: those
/// waiting for an answer first, then the rest, newest first.
pub async fn requests_to_us(db: &Db, who: &Principal) -> AppResult<Vec<RequestToUs>> {
    let mut out = Vec::new();
    for request in store::partners::requests_to(db, who.organization_id).await? {
        if let Some(event) = store::events::by_id(db, request.event_id).await? {
            let organizer = store::organizations::by_ids(db, &[event.organizer_id])
                .await?
                .pop();
            out.push(RequestToUs {
                event,
                organizer,
                request,
            });
        }
    }
    out.sort_by_key(|r| !r.pending());
    Ok(out)
}

/// How many requests wait for the staff member's organization to answer.
pub async fn pending_for_us(db: &Db, who: &Principal) -> AppResult<usize> {
    Ok(store::partners::requests_to(db, who.organization_id)
        .await?
        .iter()
        .filter(|r| r.state == PartnerState::Requested)
        .count())
}

/// `decide` for the staff member's own organization, by event slug.
pub async fn decide_for_us(
    db: &Db,
    who: &Principal,
    slug: &str,
    approve: bool,
    now: DateTime<Utc>,
) -> AppResult<Vec<Partner>> {
    let org = store::organizations::by_ids(db, &[who.organization_id])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    decide(db, who, slug, org.code.as_str(), approve, now).await
}

/// A partner of the organizer's event with when it was asked and answered, and by whom.
pub struct PartnerRow {
    pub partner: Partner,
    pub decision: Option<store::partners::Decision>,
}

/// The partners of the caller's own event, in display order, and the organizations it could
/// still invite.
pub async fn of_own_event(
    db: &Db,
    who: &Principal,
    slug: &str,
) -> AppResult<(Vec<PartnerRow>, Vec<crate::domain::Organization>)> {
    let event = own_event(db, who, slug).await?;
    let mut decisions = store::partners::decisions_of_event(db, event.id).await?;
    let partners = store::partners::of_event(db, event.id).await?;
    let invitable = store::organizations::all(db)
        .await?
        .into_iter()
        .filter(|o| {
            o.id != event.organizer_id && !partners.iter().any(|p| p.organization.id == o.id)
        })
        .collect();
    let rows = partners
        .into_iter()
        .map(|partner| PartnerRow {
            decision: decisions.remove(&partner.organization.id),
            partner,
        })
        .collect();
    Ok((rows, invitable))
}

/// Moves a partner one place earlier (`up`) or later in the order names are shown in.
pub async fn move_partner(
    db: &Db,
    who: &Principal,
    slug: &str,
    org_code: &str,
    up: bool,
) -> AppResult<()> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let mut ids: Vec<i64> = store::partners::of_event(&txn, event.id)
        .await?
        .iter()
        .map(|p| p.organization.id)
        .collect();
    let org = store::organizations::by_code(&txn, &OrgCode::parse(org_code)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let i = ids
        .iter()
        .position(|id| *id == org.id)
        .ok_or(AppError::NotFound)?;
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    if let Some(j) = j.filter(|j| *j < ids.len()) {
        ids.swap(i, j);
        store::partners::reorder(&txn, event.id, &ids).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The organizer withdraws a request or a role; the public page stops naming the partner.
pub async fn withdraw(db: &Db, who: &Principal, slug: &str, org_code: &str) -> AppResult<()> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let org = store::organizations::by_code(&txn, &OrgCode::parse(org_code)?)
        .await?
        .ok_or(AppError::NotFound)?;
    if !store::partners::remove(&txn, event.id, org.id).await? {
        return Err(AppError::NotFound);
    }
    txn.commit().await?;
    tracing::info!(event_id = event.id, organization = %org.code, "partner withdrawn");
    Ok(())
}
