use super::ValidationErrors;
use serde::Serialize;

labelled_enum! {
    /// What a user may do within their organization.
    pub enum UserRole {
        Admin = "admin" => "label-user-role-admin";
        Organizer = "organizer" => "label-user-role-organizer";
        CheckinStaff = "checkin_staff" => "label-user-role-checkin-staff";
        Viewer = "viewer" => "label-user-role-viewer";
    }
}

impl UserRole {
    /// May create and change the organization's events.
    pub fn manages_events(self) -> bool {
        matches!(self, UserRole::Admin | UserRole::Organizer)
    }
}

/// An email address, trimmed, folded to ASCII width and lower-cased whole: mail systems in
/// practice ignore case in the local part too, and one mailbox must not take two seats.
/// Permissive about what the local part holds, strict about the overall shape.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Email(String);

impl Email {
    pub fn parse(field: &str, s: &str) -> Result<Self, ValidationErrors> {
        // Japanese input methods type full-width letters (U+FF41 and on) and a full-width at sign.
        let folded = super::normalize::fold_width(s);
        let s = folded.as_str();
        let invalid = || ValidationErrors::single(field, "invalid_email");
        let (local, domain) = s.rsplit_once('@').ok_or_else(invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '@');
        if !domain_ok || !local_ok || s.len() > 254 {
            return Err(invalid());
        }
        Ok(Self(format!(
            "{}@{}",
            local.to_lowercase(),
            domain.to_ascii_lowercase()
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who is calling: an authenticated organizer user acting for their organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: i64,
    pub organization_id: i64,
    pub role: UserRole,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_normalises_case_and_width_and_refuses_garbage() {
        assert_eq!(
            Email::parse("email", " Taro.Yamada@Example.CO.JP ")
                .unwrap()
                .as_str(),
            "taro.yamada@example.co.jp"
        );
        for bad in [
            "",
            "no-at-sign",
            "a@b",
            "a b@example.jp",
            "@example.jp",
            "a@.jp",
        ] {
            assert!(Email::parse("email", bad).is_err(), "{bad:?} accepted");
        }
    }
}
