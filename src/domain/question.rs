//! Questions an organizer adds to an event's form, and the answers to them.
use super::text::required_text;
use super::{Bilingual, Language, ValidationErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

labelled_enum! {
    pub enum QuestionKind {
        Text = "text" => "label-question-kind-text";
        SingleChoice = "single_choice" => "label-question-kind-single-choice";
        MultipleChoice = "multiple_choice" => "label-question-kind-multiple-choice";
        YesNo = "yes_no" => "label-question-kind-yes-no";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionOption {
    /// Stable value stored in answers.
    pub value: String,
    pub label_ja: String,
    pub label_en: String,
}

impl QuestionOption {
    pub fn label(&self, lang: Language) -> &str {
        lang.pick(&self.label_ja, &self.label_en)
    }
}

/// A question as the organizer defines it, before it has an id.
#[derive(Debug, Clone, Default)]
pub struct QuestionInput {
    pub kind: Option<QuestionKind>,
    pub label_ja: Option<String>,
    pub label_en: Option<String>,
    pub required: bool,
    pub options: Vec<QuestionOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionSpec {
    pub kind: QuestionKind,
    pub label: Bilingual,
    pub required: bool,
    pub options: Vec<QuestionOption>,
}

impl QuestionSpec {
    /// `prefix` names the question in errors, e.g. `questions.2`.
    pub fn parse(prefix: &str, input: QuestionInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let kind = input.kind;
        if kind.is_none() {
            errors.add(&format!("{prefix}.kind"), "choose_one");
        }
        let ja = required_text(
            &mut errors,
            &format!("{prefix}.label_ja"),
            input.label_ja.as_deref(),
            300,
        );
        let en = required_text(
            &mut errors,
            &format!("{prefix}.label_en"),
            input.label_en.as_deref(),
            300,
        );
        let choice = matches!(
            kind,
            Some(QuestionKind::SingleChoice | QuestionKind::MultipleChoice)
        );
        let mut options = Vec::new();
        if choice {
            if input.options.len() < 2 || input.options.len() > 50 {
                errors.add(&format!("{prefix}.options"), "options_count");
            }
            for (i, o) in input.options.into_iter().enumerate() {
                let field = format!("{prefix}.options.{i}");
                let value = o.value.trim().to_owned();
                let valid = !value.is_empty()
                    && value.len() <= 64
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if !valid {
                    errors.add(&format!("{field}.value"), "invalid_value");
                }
                if options.iter().any(|x: &QuestionOption| x.value == value) {
                    errors.add(&format!("{field}.value"), "duplicate_value");
                }
                let label_ja = required_text(
                    &mut errors,
                    &format!("{field}.label_ja"),
                    Some(&o.label_ja),
                    200,
                );
                let label_en = required_text(
                    &mut errors,
                    &format!("{field}.label_en"),
                    Some(&o.label_en),
                    200,
                );
                options.push(QuestionOption {
                    value,
                    label_ja: label_ja.unwrap_or_default(),
                    label_en: label_en.unwrap_or_default(),
                });
            }
        }
        errors.into_result(|| QuestionSpec {
            kind: kind.expect("checked"),
            label: Bilingual {
                ja: ja.expect("checked"),
                en: en.expect("checked"),
            },
            required: input.required,
            options,
        })
    }
}

/// A stored question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: i64,
    pub position: i32,
    pub spec: QuestionSpec,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    YesNo(bool),
    Text(String),
    Choices(Vec<String>),
}

/// The answers to an event's questions, keyed by question id.
pub type Answers = BTreeMap<i64, Answer>;

/// Checks raw answers (`question id → the values sent`, as a form or JSON gives them) against
/// the questions. Errors are named `answers.<question id>`.
pub fn parse_answers(
    questions: &[Question],
    raw: &BTreeMap<i64, Vec<String>>,
) -> Result<Answers, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut answers = Answers::new();
    for q in questions {
        let field = format!("answers.{}", q.id);
        let values: Vec<&str> = raw
            .get(&q.id)
            .map(|v| {
                v.iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if values.is_empty() {
            if q.spec.required {
                errors.add(&field, "answer_required");
            }
            continue;
        }
        let known = |v: &str| q.spec.options.iter().any(|o| o.value == v);
        let answer = match q.spec.kind {
            QuestionKind::Text => {
                let text = match super::text::clean(&values.join("\n"), super::text::Lines::Many) {
                    Ok(text) => text,
                    Err(fault) => {
                        fault.record(&mut errors, &field);
                        continue;
                    }
                };
                if text.chars().count() > 2000 {
                    errors.add_with(&field, "too_long", crate::error_args![("max", 2000)]);
                    continue;
                }
                Answer::Text(text)
            }
            QuestionKind::YesNo => match values.as_slice() {
                ["yes"] | ["true"] => Answer::YesNo(true),
                ["no"] | ["false"] => Answer::YesNo(false),
                _ => {
                    errors.add(&field, "invalid_choice");
                    continue;
                }
            },
            QuestionKind::SingleChoice if values.len() == 1 && known(values[0]) => {
                Answer::Choices(vec![values[0].to_owned()])
            }
            QuestionKind::MultipleChoice if values.iter().all(|v| known(v)) => {
                let mut chosen: Vec<String> = Vec::new();
                for v in values {
                    if !chosen.iter().any(|c| c == v) {
                        chosen.push(v.to_owned());
                    }
                }
                Answer::Choices(chosen)
            }
            _ => {
                errors.add(&field, "invalid_choice");
                continue;
            }
        };
        answers.insert(q.id, answer);
    }
    if let Some(unknown) = raw
        .keys()
        .find(|id| !questions.iter().any(|q| q.id == **id))
    {
        errors.add(&format!("answers.{unknown}"), "unknown_question");
    }
    errors.into_result(|| answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: i64, kind: QuestionKind, required: bool) -> Question {
        let opt = |v: &str| QuestionOption {
            value: v.into(),
            label_ja: v.into(),
            label_en: v.into(),
        };
        Question {
            id,
            position: 0,
            spec: QuestionSpec {
                kind,
                label: Bilingual {
                    ja: "質問".into(),
                    en: "Question".into(),
                },
                required,
                options: vec![opt("a"), opt("b"), opt("c")],
            },
        }
    }

    #[test]
    fn answers_are_checked_against_their_questions() {
        let questions = [
            q(1, QuestionKind::Text, true),
            q(2, QuestionKind::SingleChoice, true),
            q(3, QuestionKind::MultipleChoice, false),
            q(4, QuestionKind::YesNo, true),
        ];
        let raw = BTreeMap::from([
            (1, vec!["参加目的".to_owned()]),
            (2, vec!["b".to_owned()]),
            (3, vec!["a".to_owned(), "c".to_owned(), "a".to_owned()]),
            (4, vec!["no".to_owned()]),
        ]);
        let answers = parse_answers(&questions, &raw).unwrap();
        assert_eq!(answers[&3], Answer::Choices(vec!["a".into(), "c".into()]));
        assert_eq!(answers[&4], Answer::YesNo(false));

        let bad = BTreeMap::from([
            (2, vec!["a".to_owned(), "b".to_owned()]),
            (3, vec!["zzz".to_owned()]),
            (9, vec!["x".to_owned()]),
        ]);
        let errors = parse_answers(&questions, &bad).unwrap_err();
        for f in [
            "answers.1",
            "answers.2",
            "answers.3",
            "answers.4",
            "answers.9",
        ] {
            assert!(errors.has(f), "{f}");
        }
    }

    #[test]
    fn choice_questions_need_distinct_options() {
        let input = QuestionInput {
            kind: Some(QuestionKind::SingleChoice),
            label_ja: Some("参加方法".into()),
            label_en: Some("How will you join?".into()),
            required: true,
            options: vec![
                QuestionOption {
                    value: "x".into(),
                    label_ja: "会場".into(),
                    label_en: "On site".into()
                };
                2
            ],
        };
        assert!(
            QuestionSpec::parse("questions.0", input)
                .unwrap_err()
                .has("questions.0.options.1.value")
        );
    }
}
