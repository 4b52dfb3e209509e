//! The questions an organizer adds to an event's registration form.
use super::events::own_event;
use crate::domain::{Principal, Question, QuestionInput, QuestionSpec};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};

pub const MAX_QUESTIONS: usize = 30;

pub async fn add(
    db: &Db,
    who: &Principal,
    slug: &str,
    input: QuestionInput,
) -> AppResult<Vec<Question>> {
    let spec = QuestionSpec::parse("question", input)?;
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let existing = store::questions::of_event(&txn, event.id).await?;
    if existing.len() >= MAX_QUESTIONS {
        return Err(AppError::conflict(
            "too_many_questions",
            crate::error_args![("max", MAX_QUESTIONS)],
        ));
    }
    let position = existing.iter().map(|q| q.position).max().unwrap_or(0) + 1;
    store::questions::insert(&txn, event.id, position, &spec).await?;
    let questions = store::questions::of_event(&txn, event.id).await?;
    txn.commit().await?;
    Ok(questions)
}

/// Removes a question. Answers already given stay with their registrations.
pub async fn remove(
    db: &Db,
    who: &Principal,
    slug: &str,
    question_id: i64,
) -> AppResult<Vec<Question>> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    if !store::questions::delete(&txn, event.id, question_id).await? {
        return Err(AppError::NotFound);
    }
    let questions = store::questions::of_event(&txn, event.id).await?;
    txn.commit().await?;
    Ok(questions)
}

/// The questions of a published event, for its form.
pub async fn of_event(db: &Db, event_id: i64) -> AppResult<Vec<Question>> {
    Ok(store::questions::of_event(db, event_id).await?)
}
