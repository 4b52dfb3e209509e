use super::corrupt;
use super::entities::event_question;
use crate::domain::{Bilingual, Question, QuestionSpec};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

pub async fn of_event(db: &impl ConnectionTrait, event_id: i64) -> Result<Vec<Question>, DbErr> {
    event_question::Entity::find()
        .filter(event_question::Column::EventId.eq(event_id))
        .order_by_asc(event_question::Column::Position)
        .order_by_asc(event_question::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(from_model)
        .collect()
}

pub async fn insert(
    db: &impl ConnectionTrait,
    event_id: i64,
    position: i32,
    spec: &QuestionSpec,
) -> Result<(), DbErr> {
    let model = event_question::ActiveModel {
        event_id: Set(event_id),
        position: Set(position),
        kind: Set(spec.kind.code().to_owned()),
        label_ja: Set(spec.label.ja.clone()),
        label_en: Set(spec.label.en.clone()),
        required: Set(spec.required),
        options: Set(serde_json::to_string(&spec.options).map_err(corrupt)?),
        ..Default::default()
    };
    event_question::Entity::insert(model).exec(db).await?;
    Ok(())
}

/// Removes a question; returns false when the event has no such question.
pub async fn delete(
    db: &impl ConnectionTrait,
    event_id: i64,
    question_id: i64,
) -> Result<bool, DbErr> {
    let result = event_question::Entity::delete_many()
        .filter(event_question::Column::EventId.eq(event_id))
        .filter(event_question::Column::Id.eq(question_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

fn from_model(m: event_question::Model) -> Result<Question, DbErr> {
    Ok(Question {
        id: m.id,
        position: m.position,
        spec: QuestionSpec {
            kind: m.kind.parse().map_err(corrupt)?,
            label: Bilingual {
                ja: m.label_ja,
                en: m.label_en,
            },
            required: m.required,
            options: serde_json::from_str(&m.options).map_err(corrupt)?,
        },
    })
}
