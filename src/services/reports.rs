//! The numbers TMG and TCCI report: per event (registrations over time, channels, company
//! size, place, attendance) and per fiscal year and programme area. Aggregates only: no
//! personal data leaves here, so whoever may see an event's counts may see its report.
use super::backoffice::{self, StaffEvent};
use crate::domain::{
    EmployeeBand, EventStatus, FiscalYear, HeardVia, Industry, PartnerRole, PartnerState,
    Principal, ProgrammeArea, RegistrantKind,
};
use crate::error::AppResult;
use crate::store::reports::{AttendeeFact, RegistrationFact};
use crate::store::{self, Db};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

/// What a bar counts. The edge names it: a value of a closed set by its message id, a text
/// as it was given (a city, a `?via=` code), or "not given".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BarKey {
    /// A message id: a label of a code ([`crate::domain::Labelled`]) or `channel-walk-in`.
    Label(&'static str),
    Text(String),
    NotGiven,
}

/// The message id of a walk-in, beside the [`HeardVia`] labels of the channel chart.
pub const WALK_IN_LABEL: &str = "channel-walk-in";

/// A count, for tables and bar charts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub key: BarKey,
    pub value: u64,
}

fn bars(map: BTreeMap<BarKey, u64>) -> Vec<Bar> {
    let mut v: Vec<Bar> = map
        .into_iter()
        .map(|(key, value)| Bar { key, value })
        .collect();
    v.sort_by(|a, b| b.value.cmp(&a.value).then(a.key.cmp(&b.key)));
    v
}

#[derive(Debug, Clone)]
pub struct EventReport {
    /// Registrations (not cancelled) per day in Tokyo, cumulative.
    pub over_time: Vec<(NaiveDate, u64)>,
    pub by_channel: Vec<Bar>,
    /// `?via=` codes, e.g. a mail magazine issue.
    pub by_via: Vec<Bar>,
    pub by_band: Vec<Bar>,
    pub by_city: Vec<Bar>,
    pub registrations: u64,
    /// Companies and sole proprietors taking part.
    pub companies: u64,
    pub smes: u64,
    /// Schools taking part (not companies, whatever their size).
    pub schools: u64,
    /// Municipalities, associations and other organizations taking part.
    pub other_organizations: u64,
    pub attendees: u64,
    /// Attended on site: checked in at the door.
    pub checked_in: u64,
    /// Attended online: joined through the personal join link.
    pub joined_online: u64,
    /// Attended: checked in at the door or joined online (each person once).
    pub attended: u64,
}

impl EventReport {
    /// Attended (on site or online) of those holding a seat, when anyone holds one.
    pub fn attendance_rate(&self) -> Option<f64> {
        (self.attendees > 0).then(|| self.attended as f64 / self.attendees as f64)
    }

    pub fn sme_share(&self) -> Option<f64> {
        (self.companies > 0).then(|| self.smes as f64 / self.companies as f64)
    }
}

/// The organizations that took part, each counted once (by corporate number, or else by
/// name): companies and sole proprietors (SMEs among them), schools, and the rest
/// (municipalities, associations, other organizations). A person on their own is none of them.
#[derive(Debug, Default)]
struct Takers {
    companies: HashSet<String>,
    smes: HashSet<String>,
    schools: HashSet<String>,
    others: HashSet<String>,
}

impl Takers {
    /// Counts `r` if it takes part (a booth under review or declined is no participant).
    fn add(&mut self, r: &RegistrationFact) {
        let Some(key) = r.company_key.as_ref().filter(|_| r.takes_part) else {
            return;
        };
        match r.registrant_kind {
            RegistrantKind::Company | RegistrantKind::SoleProprietor => {
                self.companies.insert(key.clone());
                if is_sme(r) {
                    self.smes.insert(key.clone());
                }
            }
            RegistrantKind::School => {
                self.schools.insert(key.clone());
            }
            RegistrantKind::Municipality
            | RegistrantKind::Association
            | RegistrantKind::OtherOrganization => {
                self.others.insert(key.clone());
            }
            RegistrantKind::Individual => {}
        }
    }

    /// Companies, SMEs, schools and other organizations.
    fn counts(&self) -> (u64, u64, u64, u64) {
        (
            self.companies.len() as u64,
            self.smes.len() as u64,
            self.schools.len() as u64,
            self.others.len() as u64,
        )
    }
}

fn is_sme(f: &RegistrationFact) -> bool {
    match (
        f.employee_band
            .as_deref()
            .and_then(|b| b.parse::<EmployeeBand>().ok()),
        f.industry
            .as_deref()
            .and_then(|i| i.parse::<Industry>().ok()),
    ) {
        (Some(band), Some(industry)) => band.is_sme(industry),
        _ => false,
    }
}

/// Builds an event's report from its facts. Only registrations holding a place count:
/// cancelled ones gave theirs back, duplicates never had one.
pub fn event_report(regs: &[RegistrationFact], attendees: &[AttendeeFact]) -> EventReport {
    let live: Vec<&RegistrationFact> = regs.iter().filter(|r| r.live).collect();
    let mut per_day: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let mut channel: BTreeMap<BarKey, u64> = BTreeMap::new();
    let mut via: BTreeMap<BarKey, u64> = BTreeMap::new();
    let mut band: BTreeMap<BarKey, u64> = BTreeMap::new();
    let mut city: BTreeMap<BarKey, u64> = BTreeMap::new();
    let mut takers = Takers::default();
    for r in &live {
        let day = r
            .created_at
            .with_timezone(&chrono_tz::Asia::Tokyo)
            .date_naive();
        *per_day.entry(day).or_default() += 1;
        let c = if r.walk_in {
            BarKey::Label(WALK_IN_LABEL)
        } else {
            r.heard_via
                .as_deref()
                .and_then(|h| h.parse::<HeardVia>().ok())
                .map_or(BarKey::NotGiven, |h| BarKey::Label(h.label_id()))
        };
        *channel.entry(c).or_default() += 1;
        if let Some(v) = &r.via {
            *via.entry(BarKey::Text(v.clone())).or_default() += 1;
        }
        let b = r
            .employee_band
            .as_deref()
            .and_then(|b| b.parse::<EmployeeBand>().ok())
            .map_or(BarKey::NotGiven, |b| BarKey::Label(b.label_id()));
        *band.entry(b).or_default() += 1;
        *city
            .entry(r.city.clone().map_or(BarKey::NotGiven, BarKey::Text))
            .or_default() += 1;
        takers.add(r);
    }
    let (companies, smes, schools, other_organizations) = takers.counts();
    let mut running = 0;
    let over_time = per_day
        .into_iter()
        .map(|(d, n)| {
            running += n;
            (d, running)
        })
        .collect();
    EventReport {
        over_time,
        by_channel: bars(channel),
        by_via: bars(via),
        by_band: bars(band),
        by_city: bars(city),
        registrations: live.len() as u64,
        companies,
        smes,
        schools,
        other_organizations,
        attendees: attendees.iter().filter(|a| a.attending).count() as u64,
        checked_in: attendees
            .iter()
            .filter(|a| a.attending && a.checked_in)
            .count() as u64,
        joined_online: attendees
            .iter()
            .filter(|a| a.attending && a.joined_online)
            .count() as u64,
        attended: attendees
            .iter()
            .filter(|a| a.attending && (a.checked_in || a.joined_online))
            .count() as u64,
    }
}

pub async fn for_event(db: &Db, e: &StaffEvent) -> AppResult<EventReport> {
    let id = [e.listing.event.id];
    let regs = store::reports::registrations(db, &id).await?;
    let attendees = store::reports::attendees(db, &id).await?;
    Ok(event_report(&regs, &attendees))
}

/// One line of the fiscal-year table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct YearRow {
    /// The programme area; `None` for the total.
    pub area: Option<ProgrammeArea>,
    pub events: u64,
    pub seats_offered: u64,
    pub companies: u64,
    pub smes: u64,
    pub schools: u64,
    pub other_organizations: u64,
    pub attendees: u64,
    /// Attended on site (checked in at the door).
    pub checked_in: u64,
    /// Attended online (joined through the personal join link).
    pub joined_online: u64,
    /// Attended on site or online, each person once.
    pub attended: u64,
    /// Campaigns: employees covered by the companies taking part.
    pub employees_covered: u64,
    /// Internship programmes: the places of the offers that stand, and the matches
    /// (accepted applications that stand).
    pub internship_places: u64,
    pub internship_matches: u64,
}

impl YearRow {
    /// Attended (on site or online) of those holding a seat.
    pub fn attendance_rate(&self) -> Option<f64> {
        (self.attendees > 0).then(|| self.attended as f64 / self.attendees as f64)
    }
}

#[derive(Debug, Clone)]
pub struct YearReport {
    pub year: FiscalYear,
    pub by_area: Vec<YearRow>,
    pub total: YearRow,
    /// Events by the part the organization played (organizer, co-host, backing, ...).
    pub by_role: Vec<(PartnerRole, u64)>,
    /// Companies certified in the year's certification calls (LWB and the like).
    pub certified: u64,
    /// Of the companies taking part in the year's other events, those holding a
    /// certification valid at the end of the year (or today, within it).
    pub participants_certified: u64,
    /// Expert dispatch: requests, companies and visits held in the year, by area, and the
    /// total; empty when the organization runs no dispatch programme.
    pub dispatch: (
        Vec<super::dispatch::DispatchYearRow>,
        super::dispatch::DispatchYearRow,
    ),
}

/// The fiscal year of the organization's events (its own and those it is an approved
/// partner of), by programme area. Cancelled events are not counted; drafts neither.
pub async fn fiscal_year(db: &Db, who: &Principal, year: FiscalYear) -> AppResult<YearReport> {
    let events: Vec<StaffEvent> = backoffice::events(db, who)
        .await?
        .into_iter()
        .filter(|e| {
            let ev = &e.listing.event;
            ev.status == EventStatus::Published && ev.spec.fiscal_year() == year
        })
        .collect();
    let ids: Vec<i64> = events.iter().map(|e| e.listing.event.id).collect();
    let regs = store::reports::registrations(db, &ids).await?;
    let attendees = store::reports::attendees(db, &ids).await?;
    let mut rows: BTreeMap<ProgrammeArea, YearRow> = BTreeMap::new();
    let mut takers_by_area: BTreeMap<ProgrammeArea, Takers> = BTreeMap::new();
    let mut all_takers = Takers::default();
    let mut roles: BTreeMap<PartnerRole, u64> = BTreeMap::new();
    for e in &events {
        let ev = &e.listing.event;
        let area = ev.spec.programme_area;
        let row = rows.entry(area).or_default();
        row.events += 1;
        row.seats_offered += ev.spec.capacity.map_or(0, |c| u64::from(c.get()));
        let role = if ev.organizer_id == who.organization_id {
            PartnerRole::Organizer
        } else {
            e.listing
                .partners
                .iter()
                .filter(|p| {
                    p.organization.id == who.organization_id && p.state == PartnerState::Approved
                })
                .map(|p| p.role)
                .min()
                .unwrap_or(PartnerRole::Publicity)
        };
        *roles.entry(role).or_default() += 1;
        if crate::domain::Shape::CampaignEntry.taken_by(ev.spec.kind) {
            row.employees_covered += store::campaigns::participants(db, ev.id)
                .await?
                .iter()
                .map(|p| u64::from(p.entry.employees))
                .sum::<u64>();
        }
        if crate::domain::Shape::InternshipOffer.taken_by(ev.spec.kind) {
            let c = super::internships::counts(db, ev.id).await?;
            row.internship_places += c.places;
            row.internship_matches += c.matches;
        }
        for a in attendees
            .iter()
            .filter(|a| a.event_id == ev.id && a.attending)
        {
            row.attendees += 1;
            row.checked_in += u64::from(a.checked_in);
            row.joined_online += u64::from(a.joined_online);
            row.attended += u64::from(a.checked_in || a.joined_online);
        }
        let takers = takers_by_area.entry(area).or_default();
        for r in regs.iter().filter(|r| r.event_id == ev.id) {
            takers.add(r);
            all_takers.add(r);
        }
    }
    let mut total = YearRow::default();
    let by_area = rows
        .into_iter()
        .map(|(area, mut row)| {
            row.area = Some(area);
            (
                row.companies,
                row.smes,
                row.schools,
                row.other_organizations,
            ) = takers_by_area[&area].counts();
            total.events += row.events;
            total.seats_offered += row.seats_offered;
            total.attendees += row.attendees;
            total.checked_in += row.checked_in;
            total.joined_online += row.joined_online;
            total.attended += row.attended;
            total.employees_covered += row.employees_covered;
            total.internship_places += row.internship_places;
            total.internship_matches += row.internship_matches;
            row
        })
        .collect();
    (
        total.companies,
        total.smes,
        total.schools,
        total.other_organizations,
    ) = all_takers.counts();
    // Certified companies: those certified in the year's calls, and which participants hold
    // a certification (matched by corporate number).
    let certification_events: HashSet<i64> = events
        .iter()
        .map(|e| &e.listing.event)
        .filter(|ev| ev.spec.kind == crate::domain::EventKind::Certification)
        .map(|ev| ev.id)
        .collect();
    let certified: HashSet<&String> = regs
        .iter()
        .filter(|r| certification_events.contains(&r.event_id) && r.takes_part)
        .filter_map(|r| r.company_key.as_ref())
        .collect();
    let year_end = (FiscalYear::new(year.year() + 1).starts_at() - chrono::Duration::days(1))
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive();
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive();
    let holding = super::certification::certified_on(db, year_end.min(today)).await?;
    let participants_certified = regs
        .iter()
        .filter(|r| !certification_events.contains(&r.event_id) && r.takes_part)
        .filter_map(|r| r.company_key.as_ref())
        .filter(|k| holding.contains(*k))
        .collect::<HashSet<_>>()
        .len() as u64;
    Ok(YearReport {
        year,
        by_area,
        total,
        by_role: roles.into_iter().collect(),
        certified: certified.len() as u64,
        participants_certified,
        dispatch: super::dispatch::fiscal_year(db, who, year).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn fact(
        day: u32,
        status: crate::domain::SeatState,
        via: Option<&str>,
        band: &str,
        cn: &str,
    ) -> RegistrationFact {
        RegistrationFact {
            event_id: 1,
            live: status.is_live(),
            takes_part: status == crate::domain::SeatState::Confirmed,
            created_at: Utc.with_ymd_and_hms(2026, 11, day, 16, 0, 0).unwrap(),
            heard_via: Some("tcci_mail_magazine".into()),
            walk_in: false,
            via: via.map(Into::into),
            industry: Some("manufacturing".into()),
            employee_band: Some(band.into()),
            city: Some("Chiyoda".into()),
            company_key: Some(cn.into()),
            registrant_kind: RegistrantKind::Company,
        }
    }

    #[test]
    fn an_event_report_counts_live_registrations_by_tokyo_day_and_companies_once() {
        use crate::domain::SeatState::*;
        let regs = [
            fact(1, Confirmed, Some("mm-12"), "21-50", "A"),
            // 16:00 UTC is the next day in Tokyo.
            fact(1, Confirmed, None, "21-50", "A"),
            fact(2, Waitlisted, None, "1001+", "B"),
            fact(3, Cancelled, None, "21-50", "C"),
            // Held no place: neither a registration nor a company to count.
            fact(3, Duplicate, Some("mm-12"), "21-50", "D"),
        ];
        let attendees = [
            AttendeeFact {
                event_id: 1,
                attending: true,
                checked_in: true,
                joined_online: false,
            },
            AttendeeFact {
                event_id: 1,
                attending: true,
                checked_in: false,
                joined_online: false,
            },
            AttendeeFact {
                event_id: 1,
                attending: false,
                checked_in: false,
                joined_online: false,
            },
        ];
        let r = event_report(&regs, &attendees);
        assert_eq!(r.registrations, 3);
        let days: Vec<(u32, u64)> = r
            .over_time
            .iter()
            .map(|(d, n)| (chrono::Datelike::day(d), *n))
            .collect();
        assert_eq!(days, [(2, 2), (3, 3)]);
        // Participating companies: B only waits for a seat.
        assert_eq!((r.companies, r.smes), (1, 1));
        assert_eq!((r.schools, r.other_organizations), (0, 0));
        assert_eq!(
            r.by_channel,
            [Bar {
                key: BarKey::Label(HeardVia::TcciMailMagazine.label_id()),
                value: 3
            }]
        );
        assert_eq!(
            r.by_via,
            [Bar {
                key: BarKey::Text("mm-12".into()),
                value: 1
            }]
        );
        assert_eq!(r.attendance_rate(), Some(0.5));
    }

    #[test]
    fn schools_and_other_organizations_are_not_counted_as_companies() {
        use crate::domain::SeatState::*;
        let with_kind = |cn: &str, kind: RegistrantKind, band: Option<&str>| RegistrationFact {
            registrant_kind: kind,
            employee_band: band.map(Into::into),
            industry: band.map(|_| "manufacturing".into()),
            ..fact(1, Confirmed, None, "21-50", cn)
        };
        let regs = [
            with_kind("A", RegistrantKind::Company, Some("21-50")),
            with_kind("S", RegistrantKind::SoleProprietor, Some("1-5")),
            with_kind("J", RegistrantKind::School, None),
            // The same school twice is one school.
            with_kind("J", RegistrantKind::School, None),
            with_kind("M", RegistrantKind::Municipality, None),
            with_kind("P", RegistrantKind::Individual, None),
        ];
        let r = event_report(&regs, &[]);
        assert_eq!(r.registrations, 6);
        assert_eq!(
            (r.companies, r.smes, r.schools, r.other_organizations),
            (2, 2, 1, 1)
        );
    }
}
