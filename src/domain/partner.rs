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
