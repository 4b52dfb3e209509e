use super::{Language, Organization};
use serde::Serialize;

labelled_enum! {
    /// The part an organization plays in an event. Declared in the order the partner line
    /// shows them: 主催 first, 周知協力 last.
    pub enum PartnerRole {
        Organizer = "organizer", ja: "主催", en: "Organized by";
        CoHost = "co_host", ja: "共催", en: "Co-hosted by";
        Backing = "backing", ja: "後援", en: "Supported by";
        Cooperation = "cooperation", ja: "協力", en: "In cooperation with";
        Publicity = "publicity", ja: "周知協力", en: "Publicity by";
    }
}

labelled_enum! {
    /// A role is requested by the organizer and granted (or not) by the partner itself:
    /// a backing (後援) is never assumed.
    pub enum PartnerState {
        Requested = "requested", ja: "依頼中", en: "Requested";
        Approved = "approved", ja: "承認済み", en: "Approved";
        Declined = "declined", ja: "辞退", en: "Declined";
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

/// One line per role, e.g. `主催 東京都 / 後援 東京商工会議所`, in the order of [`PartnerRole`].
/// Only the organizer and approved partners appear.
pub fn partner_line(organizer: &Organization, partners: &[Partner], lang: Language) -> String {
    let separator = match lang {
        Language::Ja => "、",
        Language::En => ", ",
    };
    let mut parts = vec![format!(
        "{} {}",
        PartnerRole::Organizer.label(lang),
        organizer.name(lang)
    )];
    for role in PartnerRole::ALL.iter().skip(1) {
        let mut names: Vec<&Partner> = partners
            .iter()
            .filter(|p| p.role == *role && p.state == PartnerState::Approved)
            .collect();
        if names.is_empty() {
            continue;
        }
        names.sort_by_key(|p| p.display_order);
        let names: Vec<&str> = names.iter().map(|p| p.organization.name(lang)).collect();
        parts.push(format!("{} {}", role.label(lang), names.join(separator)));
    }
    parts.join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{OrgCode, OrganizationKind};

    fn org(code: &str, ja: &str, en: &str) -> Organization {
        Organization {
            id: 0,
            code: OrgCode::parse(code).unwrap(),
            kind: OrganizationKind::Other,
            name_ja: ja.into(),
            name_en: en.into(),
        }
    }

    #[test]
    fn partner_line_shows_approved_roles_in_order() {
        let tmg = org("TMG", "東京都", "Tokyo Metropolitan Government");
        let partner = |o, role, state| Partner {
            organization: o,
            role,
            state,
            display_order: 0,
        };
        let partners = vec![
            partner(
                org("NAKANO", "中野区", "Nakano City"),
                PartnerRole::Publicity,
                PartnerState::Approved,
            ),
            partner(
                org("TCCI", "東京商工会議所", "TCCI"),
                PartnerRole::Backing,
                PartnerState::Approved,
            ),
            partner(
                org("PENDING", "未承認団体", "Pending"),
                PartnerRole::CoHost,
                PartnerState::Requested,
            ),
        ];
        assert_eq!(
            partner_line(&tmg, &partners, Language::Ja),
            "主催 東京都 / 後援 東京商工会議所 / 周知協力 中野区"
        );
        assert_eq!(
            partner_line(&tmg, &partners, Language::En),
            "Organized by Tokyo Metropolitan Government / Supported by TCCI / Publicity by Nakano City"
        );
    }
}
