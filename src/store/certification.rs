//! Certification calls, applications, their documents, scores and decisions.
use super::corrupt;
use super::entities::certification::{
    application, call, category, choice, document, document_log, score,
};
use super::entities::{event, registration};
use crate::domain::{
    Application, ApplicationRecord, Bilingual, Call, Category, CategoryChoice, CertificationState,
    DocumentMeta, DocumentType, EventKind, EventStatus, Score, SeatState,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

/// The call of a certification event: its categories in order and its validity. `None`
/// before the organizer set them.
pub async fn call_of(db: &impl ConnectionTrait, event_id: i64) -> Result<Option<Call>, DbErr> {
    let Some(c) = call::Entity::find_by_id(event_id).one(db).await? else {
        return Ok(None);
    };
    let categories = category::Entity::find()
        .filter(category::Column::EventId.eq(event_id))
        .order_by_asc(category::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|m| Category {
            code: m.code,
            name: Bilingual {
                ja: m.name_ja,
                en: m.name_en,
            },
        })
        .collect();
    Ok(Some(Call {
        categories,
        valid_from: c.valid_from,
        valid_until: c.valid_until,
    }))
}

/// Replaces the call's settings.
pub async fn set_call(db: &impl ConnectionTrait, event_id: i64, c: &Call) -> Result<(), DbErr> {
    call::Entity::delete_many()
        .filter(call::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    category::Entity::delete_many()
        .filter(category::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    call::Entity::insert(call::ActiveModel {
        event_id: Set(event_id),
        valid_from: Set(c.valid_from),
        valid_until: Set(c.valid_until),
    })
    .exec(db)
    .await?;
    category::Entity::insert_many(c.categories.iter().enumerate().map(|(i, cat)| {
        category::ActiveModel {
            event_id: Set(event_id),
            code: Set(cat.code.clone()),
            name_ja: Set(cat.name.ja.clone()),
            name_en: Set(cat.name.en.clone()),
            position: Set(i as i32),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// Writes a new application with its categories and documents; every document's upload is
/// logged (by the company: no user).
pub async fn insert(
    db: &impl ConnectionTrait,
    registration_id: i64,
    event_id: i64,
    a: &Application,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    application::Entity::insert(application::ActiveModel {
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        measures: Set(a.measures.clone()),
        state: Set(CertificationState::UnderReview.code().to_owned()),
        decided_by: Set(None),
        decided_at: Set(None),
    })
    .exec(db)
    .await?;
    choice::Entity::insert_many(a.categories.iter().map(|code| choice::ActiveModel {
        registration_id: Set(registration_id),
        category_code: Set(code.clone()),
        event_id: Set(event_id),
        certified: Set(None),
    }))
    .exec(db)
    .await?;
    for d in &a.documents {
        let stored = document::Entity::insert(document::ActiveModel {
            registration_id: Set(registration_id),
            event_id: Set(event_id),
            filename: Set(d.filename.clone()),
            content_type: Set(d.kind.content_type().to_owned()),
            size: Set(i32::try_from(d.bytes.len()).map_err(corrupt)?),
            sha256: Set(d.sha256.clone()),
            content: Set(d.bytes.clone()),
            uploaded_at: Set(now),
            ..Default::default()
        })
        .exec(db)
        .await?;
        log(
            db,
            stored.last_insert_id,
            registration_id,
            event_id,
            "upload",
            None,
            now,
        )
        .await?;
    }
    Ok(())
}

/// A document's columns without its bytes: id, registration, name, type, size, digest, time.
type DocumentRow = (i64, i64, String, String, i32, String, DateTime<Utc>);

/// The applications among `ids`, with their state as the review left it.
pub async fn of_registrations(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, (CertificationState, ApplicationRecord)>, DbErr> {
    let mut out = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for chunk in ids.chunks(500) {
        let apps = application::Entity::find()
            .filter(application::Column::RegistrationId.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        let mut choices: HashMap<i64, Vec<CategoryChoice>> = HashMap::new();
        for c in choice::Entity::find()
            .filter(choice::Column::RegistrationId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            choices
                .entry(c.registration_id)
                .or_default()
                .push(CategoryChoice {
                    code: c.category_code,
                    certified: c.certified,
                });
        }
        let mut documents: HashMap<i64, Vec<DocumentMeta>> = HashMap::new();
        let rows: Vec<DocumentRow> = document::Entity::find()
            .select_only()
            .column(document::Column::Id)
            .column(document::Column::RegistrationId)
            .column(document::Column::Filename)
            .column(document::Column::ContentType)
            .column(document::Column::Size)
            .column(document::Column::Sha256)
            .column(document::Column::UploadedAt)
            .filter(document::Column::RegistrationId.is_in(chunk.iter().copied()))
            .order_by_asc(document::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        for (id, reg, filename, content_type, size, sha256, uploaded_at) in rows {
            documents.entry(reg).or_default().push(DocumentMeta {
                id,
                filename,
                kind: DocumentType::from_content_type(&content_type)
                    .ok_or_else(|| corrupt(format!("document {id}: {content_type}")))?,
                size: size.max(0) as u64,
                sha256,
                uploaded_at,
            });
        }
        for a in apps {
            let id = a.registration_id;
            let state: CertificationState = a.state.parse().map_err(corrupt)?;
            out.insert(
                id,
                (
                    state,
                    ApplicationRecord {
                        choices: choices.remove(&id).unwrap_or_default(),
                        measures: a.measures,
                        documents: documents.remove(&id).unwrap_or_default(),
                        decided_at: a.decided_at,
                    },
                ),
            );
        }
    }
    Ok(out)
}

/// Records the reviewers' decision per category. False when the event has no such
/// application.
pub async fn decide(
    db: &impl ConnectionTrait,
    event_id: i64,
    registration_id: i64,
    choices: &[CategoryChoice],
    state: CertificationState,
    by: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = application::Entity::update_many()
        .col_expr(application::Column::State, Expr::value(state.code()))
        .col_expr(application::Column::DecidedBy, Expr::value(by))
        .col_expr(application::Column::DecidedAt, Expr::value(now))
        .filter(application::Column::EventId.eq(event_id))
        .filter(application::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Ok(false);
    }
    for c in choices {
        choice::Entity::update_many()
            .col_expr(choice::Column::Certified, Expr::value(c.certified))
            .filter(choice::Column::RegistrationId.eq(registration_id))
            .filter(choice::Column::CategoryCode.eq(c.code.as_str()))
            .exec(db)
            .await?;
    }
    Ok(true)
}

/// A reviewer's score, replacing the one they gave before.
pub async fn set_score(
    db: &impl ConnectionTrait,
    event_id: i64,
    registration_id: i64,
    reviewer_id: i64,
    s: &Score,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    score::Entity::delete_many()
        .filter(score::Column::RegistrationId.eq(registration_id))
        .filter(score::Column::ReviewerId.eq(reviewer_id))
        .exec(db)
        .await?;
    score::Entity::insert(score::ActiveModel {
        registration_id: Set(registration_id),
        reviewer_id: Set(reviewer_id),
        event_id: Set(event_id),
        score: Set(i16::from(s.value)),
        comment: Set(s.comment.clone()),
        scored_at: Set(now),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// A score as given: by whom, and when.
#[derive(Debug, Clone)]
pub struct GivenScore {
    pub registration_id: i64,
    pub reviewer_id: i64,
    pub score: Score,
    pub at: DateTime<Utc>,
}

pub async fn scores_of_event(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<Vec<GivenScore>, DbErr> {
    score::Entity::find()
        .filter(score::Column::EventId.eq(event_id))
        .order_by_asc(score::Column::ScoredAt)
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            Ok(GivenScore {
                registration_id: m.registration_id,
                reviewer_id: m.reviewer_id,
                score: Score {
                    value: u8::try_from(m.score).map_err(corrupt)?,
                    comment: m.comment,
                },
                at: m.scored_at,
            })
        })
        .collect()
}

/// A document with its bytes.
pub struct StoredDocument {
    pub meta: DocumentMeta,
    pub registration_id: i64,
    pub event_id: i64,
    pub bytes: Vec<u8>,
}

/// Document `id` of registration `registration_id`, if it is one of its.
pub async fn document(
    db: &impl ConnectionTrait,
    registration_id: i64,
    id: i64,
) -> Result<Option<StoredDocument>, DbErr> {
    let Some(m) = document::Entity::find_by_id(id)
        .filter(document::Column::RegistrationId.eq(registration_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(StoredDocument {
        meta: DocumentMeta {
            id: m.id,
            kind: DocumentType::from_content_type(&m.content_type)
                .ok_or_else(|| corrupt(format!("document {}: {}", m.id, m.content_type)))?,
            filename: m.filename,
            size: m.size.max(0) as u64,
            sha256: m.sha256,
            uploaded_at: m.uploaded_at,
        },
        registration_id: m.registration_id,
        event_id: m.event_id,
        bytes: m.content,
    }))
}

/// Logs an upload or a download of a document: by staff (`user_id`) or the company (`None`).
pub async fn log(
    db: &impl ConnectionTrait,
    document_id: i64,
    registration_id: i64,
    event_id: i64,
    action: &str,
    user_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    document_log::Entity::insert(document_log::ActiveModel {
        document_id: Set(document_id),
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        action: Set(action.to_owned()),
        user_id: Set(user_id),
        at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// One line of a document's log.
#[derive(Debug, Clone)]
pub struct LogLine {
    pub document_id: i64,
    pub registration_id: i64,
    pub action: String,
    pub user_id: Option<i64>,
    pub at: DateTime<Utc>,
}

/// The document log of an event's applications, oldest first.
pub async fn log_of_event(db: &impl ConnectionTrait, event_id: i64) -> Result<Vec<LogLine>, DbErr> {
    Ok(document_log::Entity::find()
        .filter(document_log::Column::EventId.eq(event_id))
        .order_by_asc(document_log::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| LogLine {
            document_id: m.document_id,
            registration_id: m.registration_id,
            action: m.action,
            user_id: m.user_id,
            at: m.at,
        })
        .collect())
}

/// A live application with its company.
#[derive(Debug, Clone)]
pub struct Applied {
    pub registration_id: i64,
    pub company: Option<String>,
    pub corporate_number: Option<String>,
    pub state: CertificationState,
    pub record: ApplicationRecord,
}

/// An event's applications of companies that have not withdrawn, oldest first.
pub async fn of_event(db: &impl ConnectionTrait, event_id: i64) -> Result<Vec<Applied>, DbErr> {
    let ids: Vec<i64> = application::Entity::find()
        .select_only()
        .column(application::Column::RegistrationId)
        .filter(application::Column::EventId.eq(event_id))
        .into_tuple()
        .all(db)
        .await?;
    let mut live = super::registrations::live_models(db, &ids).await?;
    let mut records = of_registrations(db, &ids).await?;
    let mut out = Vec::new();
    for id in ids {
        if let (Some(r), Some((state, record))) = (live.remove(&id), records.remove(&id)) {
            out.push(Applied {
                registration_id: id,
                company: r.company_name,
                corporate_number: r.corporate_number,
                state,
                record,
            });
        }
    }
    out.sort_by_key(|a| a.registration_id);
    Ok(out)
}

/// A company certified in one category of a published call.
#[derive(Debug, Clone)]
pub struct CertifiedRow {
    pub event_id: i64,
    pub fiscal_year: i32,
    pub registration_id: i64,
    pub company: String,
    pub corporate_number: Option<String>,
    pub category: String,
    pub decided_at: Option<DateTime<Utc>>,
}

/// Every certification in published calls of companies that have not withdrawn.
pub async fn certified(db: &impl ConnectionTrait) -> Result<Vec<CertifiedRow>, DbErr> {
    let events: HashMap<i64, i32> = event::Entity::find()
        .select_only()
        .column(event::Column::Id)
        .column(event::Column::FiscalYear)
        .filter(event::Column::Kind.eq(EventKind::Certification.code()))
        .filter(event::Column::Status.eq(EventStatus::Published.code()))
        .into_tuple::<(i64, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    if events.is_empty() {
        return Ok(Vec::new());
    }
    let apps = application::Entity::find()
        .filter(application::Column::EventId.is_in(events.keys().copied()))
        .filter(application::Column::State.eq(CertificationState::Certified.code()))
        .all(db)
        .await?;
    let ids: Vec<i64> = apps.iter().map(|a| a.registration_id).collect();
    let mut choices: HashMap<i64, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for c in choice::Entity::find()
            .filter(choice::Column::RegistrationId.is_in(chunk.iter().copied()))
            .filter(choice::Column::Certified.eq(true))
            .all(db)
            .await?
        {
            choices
                .entry(c.registration_id)
                .or_default()
                .push(c.category_code);
        }
    }
    let mut regs: HashMap<i64, registration::Model> = HashMap::new();
    for chunk in ids.chunks(500) {
        for r in registration::Entity::find()
            .filter(registration::Column::Id.is_in(chunk.iter().copied()))
            .filter(registration::Column::Status.ne(SeatState::Cancelled.code()))
            .all(db)
            .await?
        {
            regs.insert(r.id, r);
        }
    }
    let mut out = Vec::new();
    for a in apps {
        let Some(r) = regs.get(&a.registration_id) else {
            continue;
        };
        for code in choices.remove(&a.registration_id).unwrap_or_default() {
            out.push(CertifiedRow {
                event_id: a.event_id,
                fiscal_year: events[&a.event_id],
                registration_id: a.registration_id,
                company: r.company_name.clone().unwrap_or_default(),
                corporate_number: r.corporate_number.clone(),
                category: code,
                decided_at: a.decided_at,
            });
        }
    }
    Ok(out)
}
