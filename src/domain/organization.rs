use super::{Language, ValidationErrors};
use serde::Serialize;

labelled_enum! {
    /// What kind of body an organization is.
    pub enum OrganizationKind {
        Tmg = "tmg" => "label-organization-kind-tmg";
        Tcci = "tcci" => "label-organization-kind-tcci";
        Municipality = "municipality" => "label-organization-kind-municipality";
        Association = "association" => "label-organization-kind-association";
        Company = "company" => "label-organization-kind-company";
        Other = "other" => "label-organization-kind-other";
    }
}

/// The short handle operators type (`--org TCCI`): upper-case letters, digits, `-` and `_`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct OrgCode(String);

impl OrgCode {
    pub fn parse(s: &str) -> Result<Self, ValidationErrors> {
        let code = s.trim().to_ascii_uppercase();
        let ok = (2..=32).contains(&code.len())
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if ok {
            Ok(Self(code))
        } else {
            Err(ValidationErrors::single("organization", "invalid_org_code"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for OrgCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    pub id: i64,
    pub code: OrgCode,
    pub kind: OrganizationKind,
    pub name_ja: String,
    pub name_en: String,
}

impl Organization {
    pub fn name(&self, lang: Language) -> &str {
        lang.pick(&self.name_ja, &self.name_en)
    }
}
