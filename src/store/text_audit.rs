//! Every column that holds text a person typed, read back whole for `uketsuke doctor`: rows
//! written before the text checks may hold what the checks now refuse.
use sea_orm::{ConnectionTrait, DbErr, Statement};

/// How a column's text is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    OneLine,
    ManyLines,
    /// JSON whose strings are answers (many lines each).
    Json,
}

/// (table, key column, text column, shape).
pub const TEXT_COLUMNS: &[(&str, &str, &str, Shape)] = &[
    ("registrations", "id", "company_name", Shape::OneLine),
    ("registrations", "id", "company_name_kana", Shape::OneLine),
    ("registrations", "id", "city", Shape::OneLine),
    ("registrations", "id", "street", Shape::OneLine),
    ("registrations", "id", "contact_name", Shape::OneLine),
    ("registrations", "id", "contact_kana", Shape::OneLine),
    ("registrations", "id", "contact_department", Shape::OneLine),
    ("registrations", "id", "contact_title", Shape::OneLine),
    ("registrations", "id", "contact_email", Shape::OneLine),
    ("registrations", "id", "contact_phone", Shape::OneLine),
    ("registrations", "id", "affiliation", Shape::OneLine),
    ("registrations", "id", "answers", Shape::Json),
    ("attendees", "id", "name", Shape::OneLine),
    ("attendees", "id", "kana", Shape::OneLine),
    ("attendees", "id", "department", Shape::OneLine),
    ("attendees", "id", "title", Shape::OneLine),
    ("attendees", "id", "email", Shape::OneLine),
    ("events", "id", "title_ja", Shape::OneLine),
    ("events", "id", "title_en", Shape::OneLine),
    ("events", "id", "description_ja", Shape::ManyLines),
    ("events", "id", "description_en", Shape::ManyLines),
    ("events", "id", "venue_name_ja", Shape::OneLine),
    ("events", "id", "venue_name_en", Shape::OneLine),
    ("events", "id", "venue_address_ja", Shape::OneLine),
    ("events", "id", "venue_address_en", Shape::OneLine),
    ("events", "id", "venue_map_url", Shape::OneLine),
    ("events", "id", "online_url", Shape::OneLine),
    ("events", "id", "purpose_of_use_ja", Shape::ManyLines),
    ("events", "id", "purpose_of_use_en", Shape::ManyLines),
    ("event_sessions", "id", "title_ja", Shape::OneLine),
    ("event_sessions", "id", "title_en", Shape::OneLine),
    ("event_sessions", "id", "room_ja", Shape::OneLine),
    ("event_sessions", "id", "room_en", Shape::OneLine),
    ("event_sessions", "id", "speaker", Shape::OneLine),
    ("event_questions", "id", "label_ja", Shape::OneLine),
    ("event_questions", "id", "label_en", Shape::OneLine),
    ("announcements", "id", "subject_ja", Shape::OneLine),
    ("announcements", "id", "subject_en", Shape::OneLine),
    ("announcements", "id", "body_ja", Shape::ManyLines),
    ("announcements", "id", "body_en", Shape::ManyLines),
    (
        "declarations",
        "registration_id",
        "other_commitment",
        Shape::OneLine,
    ),
    (
        "declarations",
        "registration_id",
        "statement",
        Shape::ManyLines,
    ),
    ("declarations", "registration_id", "note", Shape::ManyLines),
    (
        "campaign_entries",
        "registration_id",
        "other_action",
        Shape::OneLine,
    ),
    (
        "exhibitor_profiles",
        "registration_id",
        "positions",
        Shape::ManyLines,
    ),
    (
        "exhibitor_profiles",
        "registration_id",
        "hiring_fields",
        Shape::OneLine,
    ),
    (
        "student_profiles",
        "registration_id",
        "field",
        Shape::OneLine,
    ),
    (
        "certification_applications",
        "registration_id",
        "measures",
        Shape::ManyLines,
    ),
    ("certification_documents", "id", "filename", Shape::OneLine),
    (
        "certification_scores",
        "registration_id",
        "comment",
        Shape::ManyLines,
    ),
    (
        "certification_categories",
        "event_id",
        "name_ja",
        Shape::OneLine,
    ),
    (
        "certification_categories",
        "event_id",
        "name_en",
        Shape::OneLine,
    ),
    ("organizations", "id", "name_ja", Shape::OneLine),
    ("organizations", "id", "name_en", Shape::OneLine),
    ("users", "id", "display_name", Shape::OneLine),
    ("outbox", "id", "recipient_name", Shape::OneLine),
    ("experts", "id", "name", Shape::OneLine),
    ("experts", "id", "affiliation", Shape::OneLine),
    (
        "dispatch_requests",
        "registration_id",
        "issue",
        Shape::ManyLines,
    ),
    ("dispatch_visits", "id", "place", Shape::OneLine),
    ("dispatch_visits", "id", "outcome", Shape::ManyLines),
];

/// Every non-null value of one column with its row's key, in key order.
pub async fn values(
    db: &impl ConnectionTrait,
    table: &str,
    key: &str,
    column: &str,
) -> Result<Vec<(i64, String)>, DbErr> {
    // The names come from TEXT_COLUMNS above, never from input.
    let sql = format!(
        "SELECT {key} AS k, {column} AS v FROM {table} WHERE {column} IS NOT NULL ORDER BY {key}"
    );
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get::<i64>("", "k")?, r.try_get::<String>("", "v")?)))
        .collect()
}
