//! Campaigns (Smooth-Biz): the public list of participating companies, and the totals the
//! organizer reports: companies, employees covered, by action, by industry and by size.
use crate::domain::{CampaignAction, EmployeeBand, Industry};
use crate::error::AppResult;
use crate::store::{self, Db, campaigns::Participant};
use std::collections::BTreeMap;

/// Participants who agreed to be listed, by company name.
pub async fn listed(db: &Db, event_id: i64) -> AppResult<Vec<Participant>> {
    let mut list: Vec<Participant> = store::campaigns::participants(db, event_id)
        .await?
        .into_iter()
        .filter(|p| p.entry.listed && p.company.is_some())
        .collect();
    list.sort_by(|a, b| a.company.cmp(&b.company));
    Ok(list)
}

/// A campaign's totals. Employees are counted per company entry; a company taking several
/// actions counts once per action in `by_action`.
#[derive(Debug, Default)]
pub struct Totals {
    pub companies: u64,
    pub employees: u64,
    /// (action, companies, employees)
    pub by_action: Vec<(CampaignAction, u64, u64)>,
    /// In the order of [`Industry`], not given (`None`) last.
    pub by_industry: Vec<(Option<Industry>, u64, u64)>,
    /// Sizes in their natural order, not given (`None`) last.
    pub by_size: Vec<(Option<EmployeeBand>, u64, u64)>,
    pub participants: Vec<Participant>,
}

pub async fn totals(db: &Db, event_id: i64) -> AppResult<Totals> {
    let participants = store::campaigns::participants(db, event_id).await?;
    let mut t = Totals::default();
    let mut by_action: BTreeMap<CampaignAction, (u64, u64)> = BTreeMap::new();
    // `(is None, value)`: what was not given sorts last.
    let mut by_industry: BTreeMap<(bool, Option<Industry>), (u64, u64)> = BTreeMap::new();
    let mut by_size: BTreeMap<(bool, Option<EmployeeBand>), (u64, u64)> = BTreeMap::new();
    for p in &participants {
        let e = u64::from(p.entry.employees);
        t.companies += 1;
        t.employees += e;
        for a in &p.entry.actions {
            let slot = by_action.entry(*a).or_default();
            slot.0 += 1;
            slot.1 += e;
        }
        let industry = p
            .industry
            .as_deref()
            .and_then(|i| i.parse::<Industry>().ok());
        let slot = by_industry
            .entry((industry.is_none(), industry))
            .or_default();
        slot.0 += 1;
        slot.1 += e;
        let band = p
            .employee_band
            .as_deref()
            .and_then(|b| b.parse::<EmployeeBand>().ok());
        let slot = by_size.entry((band.is_none(), band)).or_default();
        slot.0 += 1;
        slot.1 += e;
    }
    t.by_action = by_action.into_iter().map(|(a, (c, e))| (a, c, e)).collect();
    t.by_industry = by_industry
        .into_iter()
        .map(|((_, k), (c, e))| (k, c, e))
        .collect();
    t.by_size = by_size
        .into_iter()
        .map(|((_, k), (c, e))| (k, c, e))
        .collect();
    t.participants = participants;
    Ok(t)
}
