//! Declarations and their review.
use super::corrupt;
use super::entities::declaration;
use crate::domain::{Declaration, DeclarationRecord, DeclarationState};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::collections::HashMap;

pub async fn insert(
    db: &impl ConnectionTrait,
    registration_id: i64,
    event_id: i64,
    d: &Declaration,
) -> Result<(), DbErr> {
    declaration::Entity::insert(declaration::ActiveModel {
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        commitments: Set(d.commitment_codes()),
        other_commitment: Set(d.other.clone()),
        statement: Set(d.statement.clone()),
        listed: Set(d.listed),
        state: Set(DeclarationState::UnderReview.code().to_owned()),
        reviewed_by: Set(None),
        reviewed_at: Set(None),
        note: Set(None),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// The company changed what it declares: it goes back to review.
pub async fn update(
    db: &impl ConnectionTrait,
    registration_id: i64,
    d: &Declaration,
) -> Result<(), DbErr> {
    declaration::Entity::update_many()
        .col_expr(
            declaration::Column::Commitments,
            Expr::value(d.commitment_codes()),
        )
        .col_expr(
            declaration::Column::OtherCommitment,
            Expr::value(d.other.clone()),
        )
        .col_expr(
            declaration::Column::Statement,
            Expr::value(d.statement.clone()),
        )
        .col_expr(declaration::Column::Listed, Expr::value(d.listed))
        .col_expr(
            declaration::Column::State,
            Expr::value(DeclarationState::UnderReview.code()),
        )
        .filter(declaration::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records the organizer's review. Returns false when the event has no such declaration.
pub async fn review(
    db: &impl ConnectionTrait,
    event_id: i64,
    registration_id: i64,
    state: DeclarationState,
    by: i64,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = declaration::Entity::update_many()
        .col_expr(declaration::Column::State, Expr::value(state.code()))
        .col_expr(declaration::Column::ReviewedBy, Expr::value(by))
        .col_expr(declaration::Column::ReviewedAt, Expr::value(now))
        .col_expr(
            declaration::Column::Note,
            Expr::value(note.map(str::to_owned)),
        )
        .filter(declaration::Column::EventId.eq(event_id))
        .filter(declaration::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn of_registrations(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, DeclarationRecord>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for m in declaration::Entity::find()
            .filter(declaration::Column::RegistrationId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(m.registration_id, from_model(&m)?);
        }
    }
    Ok(out)
}

/// A live declaration with its company.
#[derive(Debug, Clone)]
pub struct Declared {
    pub registration_id: i64,
    pub company: Option<String>,
    pub record: DeclarationRecord,
}

/// An event's declarations of companies that have not withdrawn, oldest first.
pub async fn of_event(db: &impl ConnectionTrait, event_id: i64) -> Result<Vec<Declared>, DbErr> {
    let rows = declaration::Entity::find()
        .filter(declaration::Column::EventId.eq(event_id))
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.registration_id).collect();
    let mut live = super::registrations::live_models(db, &ids).await?;
    let mut out = Vec::new();
    for m in rows {
        if let Some(r) = live.remove(&m.registration_id) {
            out.push(Declared {
                registration_id: m.registration_id,
                company: r.company_name,
                record: from_model(&m)?,
            });
        }
    }
    out.sort_by_key(|d| d.registration_id);
    Ok(out)
}

fn from_model(m: &declaration::Model) -> Result<DeclarationRecord, DbErr> {
    Ok(DeclarationRecord {
        declaration: Declaration {
            commitments: m
                .commitments
                .split(',')
                .filter(|c| !c.is_empty())
                .map(|c| c.parse().map_err(corrupt))
                .collect::<Result<_, _>>()?,
            other: m.other_commitment.clone(),
            statement: m.statement.clone(),
            listed: m.listed,
        },
        state: m.state.parse().map_err(corrupt)?,
        reviewed_at: m.reviewed_at,
        note: m.note.clone(),
    })
}
