//! Certification schemes (the Life–Work Balance certified-company scheme first): the
//! organizer opens a call for a fiscal year with its categories; a company applies in one or
//! more of them with its measures and documents; reviewers score it and decide per category;
//! what is certified holds for the call's validity period.
use super::ValidationErrors;
use super::text::{optional_lines, required_lines, required_text};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Serialize, Serializer};
use sha2::{Digest, Sha256};

/// At most this many bytes per document.
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
/// At most this many documents per application.
pub const MAX_DOCUMENTS: usize = 5;
/// At most this many categories per call.
pub const MAX_CATEGORIES: usize = 20;

labelled_enum! {
    /// Where an application stands: under review when made, then certified (in at least one
    /// of its categories) or not certified; withdrawn when the company cancels it.
    pub enum CertificationState {
        UnderReview = "under_review" => "label-certification-state-under-review";
        Certified = "certified" => "label-certification-state-certified";
        NotCertified = "not_certified" => "label-certification-state-not-certified";
        Withdrawn = "withdrawn" => "label-certification-state-withdrawn";
    }
}

impl CertificationState {
    /// A decision applies to an application under review, and may be revised later; a
    /// withdrawn application is final. (Whether a revision changes anything is decided on
    /// the categories: see [`ApplicationRecord::decide`].)
    pub fn can_be_decided(self) -> bool {
        self != CertificationState::Withdrawn
    }
}

/// One category (bumon) of a call, as the organizer set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Category {
    /// Lower-case ASCII letters, digits, `_` and `-`; 1–32 characters.
    pub code: String,
    pub name: super::Bilingual,
}

/// A category as sent, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct CategoryInput {
    pub code: Option<String>,
    pub name_ja: Option<String>,
    pub name_en: Option<String>,
}

/// A call's settings as sent.
#[derive(Debug, Clone, Default)]
pub struct CallInput {
    pub categories: Vec<CategoryInput>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
}

/// A call for applications: its categories in order, and the days (Tokyo) its certificates
/// hold, both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Call {
    pub categories: Vec<Category>,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
}

impl Call {
    /// Errors are named `categories`, `categories.{i}.code`, `…name_ja`, `…name_en`,
    /// `valid_from` and `valid_until`.
    pub fn parse(input: CallInput) -> Result<Call, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        if input.categories.is_empty() {
            errors.add("categories", "choose_at_least_one");
        } else if input.categories.len() > MAX_CATEGORIES {
            errors.add_with(
                "categories",
                "too_many_categories",
                crate::error_args![("max", MAX_CATEGORIES)],
            );
        }
        let mut categories: Vec<Category> = Vec::new();
        for (i, c) in input.categories.into_iter().enumerate() {
            let field = |f: &str| format!("categories.{i}.{f}");
            let code = c.code.as_deref().map(str::trim).unwrap_or_default();
            let code_ok = (1..=32).contains(&code.len())
                && code.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                });
            if code.is_empty() {
                errors.add(&field("code"), "required");
            } else if !code_ok {
                errors.add(&field("code"), "invalid_category_code");
            } else if categories.iter().any(|x| x.code == code) {
                errors.add(&field("code"), "duplicate_category");
            }
            let ja = required_text(&mut errors, &field("name_ja"), c.name_ja.as_deref(), 100);
            let en = required_text(&mut errors, &field("name_en"), c.name_en.as_deref(), 100);
            if let (true, Some(ja), Some(en)) = (code_ok, ja, en) {
                categories.push(Category {
                    code: code.to_owned(),
                    name: super::Bilingual { ja, en },
                });
            }
        }
        if input.valid_from.is_none() {
            errors.add("valid_from", "required");
        }
        if input.valid_until.is_none() {
            errors.add("valid_until", "required");
        }
        if let (Some(from), Some(until)) = (input.valid_from, input.valid_until)
            && until < from
        {
            errors.add("valid_until", "ends_before_start");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Call {
            categories,
            valid_from: input.valid_from.expect("checked"),
            valid_until: input.valid_until.expect("checked"),
        })
    }

    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }

    /// Whether what it grants holds on `day` (Tokyo).
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        (self.valid_from..=self.valid_until).contains(&day)
    }
}

/// What a document really is, by its first bytes, whatever its name or the browser says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DocumentType {
    Pdf,
    Png,
    Jpeg,
}

impl DocumentType {
    /// The type its content shows, or `None` for anything else (an HTML page named `.pdf`).
    pub fn sniff(bytes: &[u8]) -> Option<DocumentType> {
        if bytes.starts_with(b"%PDF-") {
            Some(DocumentType::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(DocumentType::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(DocumentType::Jpeg)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Png => "image/png",
            DocumentType::Jpeg => "image/jpeg",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            DocumentType::Pdf => "pdf",
            DocumentType::Png => "png",
            DocumentType::Jpeg => "jpg",
        }
    }

    pub fn from_content_type(s: &str) -> Option<DocumentType> {
        [DocumentType::Pdf, DocumentType::Png, DocumentType::Jpeg]
            .into_iter()
            .find(|t| t.content_type() == s)
    }
}

/// A file as it arrived: the name the browser gave and the bytes read, or that it was larger
/// than [`MAX_DOCUMENT_BYTES`] (then its bytes were not kept).
#[derive(Debug, Clone, Default)]
pub struct Upload {
    pub filename: String,
    pub bytes: Vec<u8>,
    pub too_large: bool,
}

/// The fingerprint of a request holds a file's name, size and digest, not its bytes.
impl Serialize for Upload {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.filename, self.bytes.len(), sha256_hex(&self.bytes)).serialize(s)
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A checked document: a PDF, PNG or JPEG within the size limit, with a name safe to send
/// back in a `Content-Disposition` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub filename: String,
    pub kind: DocumentType,
    pub bytes: Vec<u8>,
    pub sha256: String,
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.filename, self.kind, &self.sha256).serialize(s)
    }
}

/// A name to give a file back under: the last path segment, one clean line, no quotes,
/// semicolons or backslashes, at most 100 characters, ending in the extension of what it
/// really is.
pub fn safe_filename(name: &str, kind: DocumentType) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    };
    let cleaned: String = stem
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '"' | ';' | '\\' | '/' | '\u{2028}' | '\u{2029}')
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    let stem = if cleaned.is_empty() {
        "document"
    } else {
        cleaned
    };
    format!("{stem}.{}", kind.extension())
}

impl Document {
    /// Errors on `field`: `document_too_large`, `document_type`, `document_empty`.
    pub fn parse(upload: Upload, field: &str) -> Result<Document, ValidationErrors> {
        let max_mb = MAX_DOCUMENT_BYTES / (1024 * 1024);
        if upload.too_large || upload.bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(ValidationErrors::single_with(
                field,
                "document_too_large",
                crate::error_args![
                    ("name", safe_name_for_message(&upload.filename)),
                    ("max", max_mb)
                ],
            ));
        }
        if upload.bytes.is_empty() {
            return Err(ValidationErrors::single_with(
                field,
                "document_empty",
                crate::error_args![("name", safe_name_for_message(&upload.filename))],
            ));
        }
        let Some(kind) = DocumentType::sniff(&upload.bytes) else {
            return Err(ValidationErrors::single_with(
                field,
                "document_type",
                crate::error_args![("name", safe_name_for_message(&upload.filename))],
            ));
        };
        Ok(Document {
            filename: safe_filename(&upload.filename, kind),
            kind,
            sha256: sha256_hex(&upload.bytes),
            bytes: upload.bytes,
        })
    }
}

/// A file's name as an error message may repeat it: one line, at most 100 characters.
fn safe_name_for_message(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).take(100).collect()
}

/// An application as sent.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ApplicationInput {
    pub categories: Vec<String>,
    pub measures: Option<String>,
    pub documents: Vec<Upload>,
}

/// A checked application: at least one of the call's categories, the measures taken, and one
/// to [`MAX_DOCUMENTS`] documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Application {
    pub categories: Vec<String>,
    pub measures: String,
    pub documents: Vec<Document>,
}

impl Application {
    /// Errors are named `certification.categories`, `certification.measures` and
    /// `certification.documents`.
    pub fn parse(input: ApplicationInput, call: &Call) -> Result<Application, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut categories: Vec<String> = Vec::new();
        for c in &input.categories {
            match call.category(c.trim()) {
                Some(cat) if !categories.contains(&cat.code) => categories.push(cat.code.clone()),
                Some(_) => {}
                None => errors.add("certification.categories", "invalid_choice"),
            }
        }
        if categories.is_empty() && !errors.has("certification.categories") {
            errors.add("certification.categories", "choose_at_least_one");
        }
        // In the call's order.
        categories.sort_by_key(|c| call.categories.iter().position(|x| &x.code == c));
        let measures = required_lines(
            &mut errors,
            "certification.measures",
            input.measures.as_deref(),
            4000,
        );
        let mut documents = Vec::new();
        let sent: Vec<Upload> = input
            .documents
            .into_iter()
            .filter(|u| !(u.filename.is_empty() && u.bytes.is_empty() && !u.too_large))
            .collect();
        if sent.is_empty() {
            errors.add("certification.documents", "document_required");
        } else if sent.len() > MAX_DOCUMENTS {
            errors.add_with(
                "certification.documents",
                "too_many_documents",
                crate::error_args![("max", MAX_DOCUMENTS)],
            );
        } else {
            for upload in sent {
                if let Some(d) = errors.take(Document::parse(upload, "certification.documents")) {
                    documents.push(d);
                }
            }
        }
        match measures {
            Some(measures) if errors.is_empty() => Ok(Application {
                categories,
                measures,
                documents,
            }),
            _ => Err(errors),
        }
    }
}

/// A stored document, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentMeta {
    pub id: i64,
    pub filename: String,
    pub kind: DocumentType,
    pub size: u64,
    pub sha256: String,
    pub uploaded_at: DateTime<Utc>,
}

/// A category applied for, and the decision on it once made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryChoice {
    pub code: String,
    pub certified: Option<bool>,
}

/// An application as stored, with its decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplicationRecord {
    pub choices: Vec<CategoryChoice>,
    pub measures: String,
    pub documents: Vec<DocumentMeta>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl ApplicationRecord {
    /// The categories it is certified in.
    pub fn certified(&self) -> impl Iterator<Item = &str> {
        self.choices
            .iter()
            .filter(|c| c.certified == Some(true))
            .map(|c| c.code.as_str())
    }

    /// The decision per category when the reviewers certify `certified` (codes of the
    /// categories applied for; any other is an error), and the state it leads to.
    pub fn decide(
        &self,
        certified: &[String],
    ) -> Result<(Vec<CategoryChoice>, CertificationState), ValidationErrors> {
        if certified
            .iter()
            .any(|c| !self.choices.iter().any(|x| &x.code == c))
        {
            return Err(ValidationErrors::single("certified", "invalid_choice"));
        }
        let choices: Vec<CategoryChoice> = self
            .choices
            .iter()
            .map(|c| CategoryChoice {
                code: c.code.clone(),
                certified: Some(certified.contains(&c.code)),
            })
            .collect();
        let state = if choices.iter().any(|c| c.certified == Some(true)) {
            CertificationState::Certified
        } else {
            CertificationState::NotCertified
        };
        Ok((choices, state))
    }
}

/// A reviewer's score of an application: 1 (weak) to 5 (excellent), with a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub value: u8,
    pub comment: Option<String>,
}

impl Score {
    /// Errors are named `score` and `comment`.
    pub fn parse(value: Option<&str>, comment: Option<&str>) -> Result<Score, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let value = match value.map(str::trim) {
            None | Some("") => {
                errors.add("score", "choose_one");
                None
            }
            Some(v) => match v.parse::<u8>() {
                Ok(n) if (1..=5).contains(&n) => Some(n),
                _ => {
                    errors.add_with(
                        "score",
                        "out_of_range",
                        crate::error_args![("min", 1), ("max", 5)],
                    );
                    None
                }
            },
        };
        let comment = optional_lines(&mut errors, "comment", comment, 2000);
        match value {
            Some(value) if errors.is_empty() => Ok(Score { value, comment }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(code: &str, ja: &str, en: &str) -> CategoryInput {
        CategoryInput {
            code: Some(code.into()),
            name_ja: Some(ja.into()),
            name_en: Some(en.into()),
        }
    }

    fn call() -> Call {
        Call::parse(CallInput {
            categories: vec![
                category("childcare", "育児", "Childcare"),
                category("hours", "長時間労働削減", "Shorter hours"),
            ],
            valid_from: NaiveDate::from_ymd_opt(2027, 4, 1),
            valid_until: NaiveDate::from_ymd_opt(2029, 3, 31),
        })
        .unwrap()
    }

    fn pending(code: &str) -> CategoryChoice {
        CategoryChoice {
            code: code.into(),
            certified: None,
        }
    }

    fn upload(name: &str, bytes: &[u8]) -> Upload {
        Upload {
            filename: name.into(),
            bytes: bytes.to_vec(),
            too_large: false,
        }
    }

    #[test]
    fn a_document_is_what_its_bytes_say() {
        let pdf = Document::parse(upload("../../etc/計画\".pdf", b"%PDF-1.4\n"), "d").unwrap();
        assert_eq!(pdf.kind, DocumentType::Pdf);
        assert_eq!(pdf.filename, "計画.pdf");
        let html = Document::parse(upload("plan.pdf", b"<html><script>"), "d").unwrap_err();
        assert_eq!(html.fields()[0].code, "document_type");
        let png = Document::parse(upload("photo.pdf", b"\x89PNG\r\n\x1a\nxx"), "d").unwrap();
        assert_eq!(png.filename, "photo.png");
        let big = Upload {
            too_large: true,
            ..upload("big.pdf", b"")
        };
        assert_eq!(
            Document::parse(big, "d").unwrap_err().fields()[0].code,
            "document_too_large"
        );
        assert_eq!(safe_filename("", DocumentType::Jpeg), "document.jpg");
        assert_eq!(
            safe_filename("a\r\nb;c.jpeg", DocumentType::Jpeg),
            "abc.jpg"
        );
    }

    #[test]
    fn an_application_needs_a_category_of_the_call_measures_and_a_document() {
        let call = call();
        let ok = Application::parse(
            ApplicationInput {
                categories: vec!["hours".into(), "childcare".into(), "hours".into()],
                measures: Some("ノー残業デー".into()),
                documents: vec![upload("a.pdf", b"%PDF-1.7")],
            },
            &call,
        )
        .unwrap();
        assert_eq!(ok.categories, ["childcare", "hours"]);
        let bad = Application::parse(
            ApplicationInput {
                categories: vec!["telework".into()],
                ..Default::default()
            },
            &call,
        )
        .unwrap_err();
        let fields: Vec<_> = bad
            .fields()
            .iter()
            .map(|f| (f.field.as_str(), f.code))
            .collect();
        assert_eq!(
            fields,
            [
                ("certification.categories", "invalid_choice"),
                ("certification.measures", "required"),
                ("certification.documents", "document_required")
            ]
        );
    }

    #[test]
    fn a_decision_is_per_category_and_the_call_sets_the_validity() {
        let record = ApplicationRecord {
            choices: vec![pending("childcare"), pending("hours")],
            measures: "x".into(),
            documents: vec![],
            decided_at: None,
        };
        let (choices, state) = record.decide(&["hours".into()]).unwrap();
        assert_eq!(state, CertificationState::Certified);
        assert_eq!(choices[0].certified, Some(false));
        assert_eq!(
            record.decide(&[]).unwrap().1,
            CertificationState::NotCertified
        );
        assert!(record.decide(&["telework".into()]).is_err());
        let call = call();
        assert!(call.valid_on(NaiveDate::from_ymd_opt(2027, 4, 1).unwrap()));
        assert!(!call.valid_on(NaiveDate::from_ymd_opt(2029, 4, 1).unwrap()));
        assert!(Score::parse(Some("6"), None).is_err());
        assert_eq!(Score::parse(Some("4"), Some("良い")).unwrap().value, 4);
    }
}
