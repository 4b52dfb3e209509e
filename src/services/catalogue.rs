//! What the public sees: published events with their partners.
use crate::domain::{
    Event, EventFormat, EventKind, EventStatus, Organization, Partner, ProgrammeArea,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db, events::EventQuery};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Tokyo;

/// A calendar month in Tokyo time, as in the catalogue's month filter (`2026-12`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.trim().split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        NaiveDate::from_ymd_opt(year, month, 1).map(|_| Month { year, month })
    }

    pub fn of(instant: DateTime<Utc>) -> Month {
        let local = instant.with_timezone(&Tokyo);
        Month {
            year: local.year(),
            month: local.month(),
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// Midnight on the 1st, Tokyo time, in UTC.
    pub fn starts_at(self) -> DateTime<Utc> {
        Tokyo
            .with_ymd_and_hms(self.year, self.month, 1, 0, 0, 0)
            .single()
            .expect("Tokyo has no DST gaps")
            .with_timezone(&Utc)
    }

    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

#[derive(Debug, Clone, Default)]
pub struct CatalogueFilter {
    pub programme_area: Option<ProgrammeArea>,
    pub kind: Option<EventKind>,
    pub format: Option<EventFormat>,
    pub month: Option<Month>,
    pub text: Option<String>,
}

/// An event as the public sees it: with its organizer and partners.
#[derive(Debug, Clone)]
pub struct EventListing {
    pub event: Event,
    pub organizer: Organization,
    /// Every partner, whatever its state; public views show only approved ones.
    pub partners: Vec<Partner>,
}

pub struct CataloguePage {
    pub listings: Vec<EventListing>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl CataloguePage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page).max(1)
    }
}

pub const PER_PAGE: u64 = 20;

pub async fn list(
    db: &Db,
    filter: &CatalogueFilter,
    now: DateTime<Utc>,
    page: u64,
) -> AppResult<CataloguePage> {
    let page = page.max(1);
    let query = EventQuery {
        programme_area: filter.programme_area,
        kind: filter.kind,
        format: filter.format,
        starts_from: filter.month.map(Month::starts_at),
        starts_before: filter.month.map(|m| m.next().starts_at()),
        text: filter.text.clone().filter(|t| !t.trim().is_empty()),
    };
    let (events, total) =
        store::events::list_published(db, &query, now, PER_PAGE, (page - 1) * PER_PAGE).await?;
    Ok(CataloguePage {
        listings: with_partners(db, events).await?,
        total,
        page,
        per_page: PER_PAGE,
    })
}

/// Every upcoming published event (up to 500), optionally of one programme area: the
/// calendar feed.
pub async fn upcoming(
    db: &Db,
    area: Option<ProgrammeArea>,
    now: DateTime<Utc>,
) -> AppResult<Vec<EventListing>> {
    let query = EventQuery {
        programme_area: area,
        ..Default::default()
    };
    let (events, _) = store::events::list_published(db, &query, now, 500, 0).await?;
    with_partners(db, events).await
}

/// A published or cancelled event (a cancelled one stays reachable so that links in emails
/// still explain what happened). Drafts do not exist for the public.
pub async fn get_public(db: &Db, slug: &str) -> AppResult<EventListing> {
    let event = store::events::by_slug(db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if event.status == EventStatus::Draft {
        return Err(AppError::NotFound);
    }
    Ok(with_partners(db, vec![event]).await?.remove(0))
}

/// Attaches organizers and partners to events with two queries, whatever the number.
pub async fn with_partners(db: &Db, events: Vec<Event>) -> AppResult<Vec<EventListing>> {
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    let mut organizer_ids: Vec<i64> = events.iter().map(|e| e.organizer_id).collect();
    organizer_ids.sort_unstable();
    organizer_ids.dedup();
    let organizers = store::organizations::by_ids(db, &organizer_ids).await?;
    let mut partners = store::partners::for_events(db, &ids).await?;
    events
        .into_iter()
        .map(|event| {
            let organizer = organizers
                .iter()
                .find(|o| o.id == event.organizer_id)
                .cloned()
                .ok_or_else(|| anyhow::anyhow!("event {} has no organizer", event.id))?;
            Ok(EventListing {
                partners: partners.remove(&event.id).unwrap_or_default(),
                organizer,
                event,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_tokyo_months() {
        let dec = Month::parse("2026-12").unwrap();
        assert_eq!(dec.starts_at().to_rfc3339(), "2026-11-30T15:00:00+00:00");
        assert_eq!(
            dec.next(),
            Month {
                year: 2027,
                month: 1
            }
        );
        assert!(Month::parse("2026-13").is_none());
        assert!(Month::parse("december").is_none());
    }
}
