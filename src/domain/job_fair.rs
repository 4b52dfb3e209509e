//! Job fairs and joint company information sessions for international students: exhibitor
//! companies apply for a booth (and wait for the organizer's approval); students register as
//! individuals with their profile, and may mark the booths they want to visit.
use super::ValidationErrors;
use super::text::{optional_text, required_lines, required_text};
use serde::Serialize;

labelled_enum! {
    /// A language spoken at a booth.
    pub enum BoothLanguage {
        Japanese = "ja" => "label-booth-language-ja";
        English = "en" => "label-booth-language-en";
        Chinese = "zh" => "label-booth-language-zh";
        Korean = "ko" => "label-booth-language-ko";
        Vietnamese = "vi" => "label-booth-language-vi";
        Other = "other" => "label-booth-language-other";
    }
}

labelled_enum! {
    /// A student's Japanese, as the JLPT counts it.
    pub enum JapaneseLevel {
        N1 = "n1" => "label-japanese-level-n1";
        N2 = "n2" => "label-japanese-level-n2";
        N3 = "n3" => "label-japanese-level-n3";
        N4 = "n4" => "label-japanese-level-n4";
        N5 = "n5" => "label-japanese-level-n5";
        Native = "native" => "label-japanese-level-native";
        Learning = "learning" => "label-japanese-level-learning";
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ExhibitorInput {
    pub staff_count: Option<String>,
    pub languages: Vec<String>,
    pub positions: Option<String>,
    /// `yes` or `no`.
    pub visa_support: Option<String>,
    pub hiring_fields: Option<String>,
}

/// What a booth needs and offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExhibitorProfile {
    pub staff_count: u32,
    pub languages: Vec<BoothLanguage>,
    pub positions: String,
    pub visa_support: bool,
    pub hiring_fields: Option<String>,
}

impl ExhibitorProfile {
    /// Errors are named `exhibitor.<field>`.
    pub fn parse(input: ExhibitorInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let staff_count = match input
            .staff_count
            .as_deref()
            .map(|s| super::normalize::fold_width(s.trim()).parse::<u32>())
        {
            Some(Ok(n)) if (1..=20).contains(&n) => Some(n),
            _ => {
                errors.add_with(
                    "exhibitor.staff_count",
                    "out_of_range",
                    crate::error_args![("min", 1), ("max", 20)],
                );
                None
            }
        };
        let mut languages = Vec::new();
        for l in &input.languages {
            match l.parse::<BoothLanguage>() {
                Ok(l) if !languages.contains(&l) => languages.push(l),
                Ok(_) => {}
                Err(_) => errors.add("exhibitor.languages", "invalid_choice"),
            }
        }
        if languages.is_empty() && !errors.has("exhibitor.languages") {
            errors.add("exhibitor.languages", "choose_at_least_one");
        }
        languages.sort();
        let positions = required_lines(
            &mut errors,
            "exhibitor.positions",
            input.positions.as_deref(),
            400,
        );
        let visa_support = match input.visa_support.as_deref() {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => {
                errors.add("exhibitor.visa_support", "choose_one");
                None
            }
        };
        let hiring_fields = optional_text(
            &mut errors,
            "exhibitor.hiring_fields",
            input.hiring_fields.as_deref(),
            200,
        );
        match (staff_count, positions, visa_support) {
            (Some(staff_count), Some(positions), Some(visa_support)) if errors.is_empty() => {
                Ok(ExhibitorProfile {
                    staff_count,
                    languages,
                    positions,
                    visa_support,
                    hiring_fields,
                })
            }
            _ => Err(errors),
        }
    }

    pub fn language_codes(&self) -> String {
        self.languages
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct StudentInput {
    pub graduation_year: Option<String>,
    pub japanese_level: Option<String>,
    pub field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StudentProfile {
    pub graduation_year: u16,
    pub japanese_level: JapaneseLevel,
    pub field: String,
}

impl StudentProfile {
    /// Errors are named `student.<field>`.
    pub fn parse(input: StudentInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let graduation_year = match input
            .graduation_year
            .as_deref()
            .map(|s| super::normalize::fold_width(s.trim()).parse::<u16>())
        {
            Some(Ok(y)) if (2000..=2040).contains(&y) => Some(y),
            _ => {
                errors.add("student.graduation_year", "invalid_year");
                None
            }
        };
        let japanese_level = match input.japanese_level.as_deref().map(str::parse) {
            Some(Ok(l)) => Some(l),
            _ => {
                errors.add("student.japanese_level", "choose_one");
                None
            }
        };
        let field = required_text(&mut errors, "student.field", input.field.as_deref(), 100);
        match (graduation_year, japanese_level, field) {
            (Some(graduation_year), Some(japanese_level), Some(field)) if errors.is_empty() => {
                Ok(StudentProfile {
                    graduation_year,
                    japanese_level,
                    field,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_booth_and_a_student_are_checked_field_by_field() {
        let booth = ExhibitorProfile::parse(ExhibitorInput {
            staff_count: Some("３".into()),
            languages: vec!["en".into(), "ja".into()],
            positions: Some("ITエンジニア（正社員）".into()),
            visa_support: Some("yes".into()),
            hiring_fields: None,
        })
        .unwrap();
        assert_eq!(
            (booth.staff_count, booth.language_codes().as_str()),
            (3, "ja,en")
        );
        let bad = ExhibitorProfile::parse(ExhibitorInput::default()).unwrap_err();
        assert_eq!(bad.fields().len(), 4);
        let student = StudentProfile::parse(StudentInput {
            graduation_year: Some("2027".into()),
            japanese_level: Some("n2".into()),
            field: Some("情報工学".into()),
        })
        .unwrap();
        assert_eq!(student.japanese_level, JapaneseLevel::N2);
        assert!(
            StudentProfile::parse(StudentInput {
                graduation_year: Some("27".into()),
                ..Default::default()
            })
            .is_err()
        );
    }
}
