use super::Organization;
use serde::Serialize;

labelled_enum! {
    /// The part an organization plays in an event. Declared in the order the partner line
    /// shows them: the organizer first, publicity last.
    pub enum PartnerRole {
        Organizer = "organizer" => "label-partner-role-organizer";
        CoHost = "co_host" => "label-partner-role-co-host";
        Backing = "backing" => "label-partner-role-backing";
        Cooperation = "cooperation" => "label-partner-role-cooperation";
        Publicity = "publicity" => "label-partner-role-publicity";
    }
}

labelled_enum! {
    /// A role is requested by the organizer and granted (or not) by the partner itself:
    /// a backing (kouen) is never assumed.
    pub enum PartnerState {
        Requested = "requested" => "label-partner-state-requested";
        Approved = "approved" => "label-partner-state-approved";
        Declined = "declined" => "label-partner-state-declined";
    }
}

/// What the organizer writes to the organization it asks to take a role: why, and what the
/// role involves. Many lines, at most [`PartnerNote::MAX`] characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerNote(String);

impl PartnerNote {
    pub const MAX: usize = 2000;

    /// An empty note is no note. Errors are named `note`.
    pub fn parse(value: Option<&str>) -> Result<Option<PartnerNote>, super::ValidationErrors> {
        let mut errors = super::ValidationErrors::new();
        let note = super::text::optional_lines(&mut errors, "note", value, Self::MAX);
        if errors.is_empty() {
            Ok(note.map(PartnerNote))
        } else {
            Err(errors)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An organization taking part in an event in one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub organization: Organization,
    pub role: PartnerRole,
    pub state: PartnerState,
    pub display_order: i32,
}

/// The organizations of an event by role, in the order of [`PartnerRole`]: the organizer, then
/// each role's approved partners in their display order. Roles without one are left out. The
/// edge writes it as one line (`i18n::words::partner_line`).
pub fn partner_groups<'a>(
    organizer: &'a Organization,
    partners: &'a [Partner],
) -> Vec<(PartnerRole, Vec<&'a Organization>)> {
    let mut groups = vec![(PartnerRole::Organizer, vec![organizer])];
    for role in PartnerRole::ALL.iter().skip(1) {
        let mut approved: Vec<&Partner> = partners
            .iter()
            .filter(|p| p.role == *role && p.state == PartnerState::Approved)
            .collect();
        if approved.is_empty() {
            continue;
        }
        approved.sort_by_key(|p| p.display_order);
        groups.push((*role, approved.iter().map(|p| &p.organization).collect()));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{OrgCode, OrganizationKind};

    fn org(code: &str, name: &str) -> Organization {
        Organization {
            id: 0,
            code: OrgCode::parse(code).unwrap(),
            kind: OrganizationKind::Other,
            name_ja: name.into(),
            name_en: name.into(),
        }
    }

    #[test]
    fn a_note_is_text_of_many_lines_within_its_length() {
        assert_eq!(PartnerNote::parse(None).unwrap(), None);
        assert_eq!(PartnerNote::parse(Some("  ")).unwrap(), None);
        let note = PartnerNote::parse(Some("line one\nline two"))
            .unwrap()
            .unwrap();
        assert_eq!(note.as_str(), "line one\nline two");
        assert!(PartnerNote::parse(Some("a\u{0}b")).is_err());
        let long = "x".repeat(PartnerNote::MAX + 1);
        assert_eq!(
            PartnerNote::parse(Some(&long)).unwrap_err().fields()[0].field,
            "note"
        );
    }

    #[test]
    fn groups_show_approved_roles_in_order() {
        let tmg = org("TMG", "Tokyo Metropolitan Government");
        let partner = |o, role, state, display_order| Partner {
            organization: o,
            role,
            state,
            display_order,
        };
        let partners = vec![
            partner(
                org("NAKANO", "Nakano City"),
                PartnerRole::Publicity,
                PartnerState::Approved,
                0,
            ),
            partner(
                org("TCCI", "TCCI"),
                PartnerRole::Backing,
                PartnerState::Approved,
                2,
            ),
            partner(
                org("SHINJUKU", "Shinjuku City"),
                PartnerRole::Backing,
                PartnerState::Approved,
                1,
            ),
            partner(
                org("PENDING", "Pending"),
                PartnerRole::CoHost,
                PartnerState::Requested,
                0,
            ),
        ];
        let groups: Vec<(PartnerRole, Vec<&str>)> = partner_groups(&tmg, &partners)
            .into_iter()
            .map(|(role, orgs)| (role, orgs.iter().map(|o| o.code.as_str()).collect()))
            .collect();
        assert_eq!(
            groups,
            vec![
                (PartnerRole::Organizer, vec!["TMG"]),
                (PartnerRole::Backing, vec!["SHINJUKU", "TCCI"]),
                (PartnerRole::Publicity, vec!["NAKANO"]),
            ]
        );
    }
}
