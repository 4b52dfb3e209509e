//! Calendar files (.ics). The `ics` crate builds the components; what it leaves to its caller
//! is done here, once: escaping text values, quoting parameter values, and folding lines at
//! 75 octets without splitting a UTF-8 character (RFC 5545 §3.1, §3.2, §3.3.11).
mod entries;
mod invitations;
mod visits;

pub use entries::{RegistrationEntry, Site, public_entry, registration_entries};
pub use invitations::{CalendarObject, dropped_sessions, invitations};
pub use visits::{VisitEntry, visit_object};

use chrono::{DateTime, Utc};
use chrono_tz::Asia::Tokyo;
use ics::components::{Parameter, Property};
use ics::{Event, ICalendar};

/// What a calendar file asks of the client that opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// An invitation (or an update of one): add or change the event.
    Request,
    /// The event, or the recipient's place in it, is cancelled.
    Cancel,
    /// Information only: a public event or a feed.
    Publish,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
            Method::Publish => "PUBLISH",
        }
    }
}

/// A person in an invitation.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub email: String,
}

/// One event in a calendar file.
#[derive(Debug, Clone)]
pub struct CalendarEvent {
    /// Stable for the same registration and event, so updates replace the earlier copy.
    pub uid: String,
    /// Goes up with every change the recipient is sent.
    pub sequence: u32,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    pub url: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub organizer: Option<Person>,
    pub attendees: Vec<Person>,
    pub cancelled: bool,
    /// When this version was made (DTSTAMP).
    pub stamp: DateTime<Utc>,
}

/// A whole calendar file: VCALENDAR with the Tokyo time zone and the events. A REQUEST or
/// CANCEL holds one UID (see `invitations`); only a PUBLISH (a feed or a download) may hold
/// several events.
pub fn render(method: Method, events: &[CalendarEvent]) -> String {
    let mut calendar = ICalendar::new("2.0", "-//TMG TCCI//uketsuke//JA");
    calendar.push(Property::new("CALSCALE", "GREGORIAN"));
    calendar.push(Property::new("METHOD", method.as_str()));
    calendar.add_timezone(tokyo());
    for e in events {
        calendar.add_event(event(method, e));
    }
    fold(&unfold(&calendar.to_string()))
}

/// Asia/Tokyo has kept +09:00 without daylight saving since 1951; one STANDARD rule says so.
fn tokyo() -> ics::TimeZone<'static> {
    let mut standard = ics::Standard::new("19700101T000000", "+0900", "+0900");
    standard.push(Property::new("TZNAME", "JST"));
    ics::TimeZone::standard("Asia/Tokyo", standard)
}

fn event(method: Method, e: &CalendarEvent) -> Event<'static> {
    let mut event = Event::new(e.uid.clone(), utc(e.stamp));
    event.push(tokyo_time("DTSTART", e.starts_at));
    event.push(tokyo_time("DTEND", e.ends_at));
    event.push(Property::new("SEQUENCE", e.sequence.to_string()));
    event.push(Property::new("SUMMARY", escape_text(&e.summary)));
    event.push(Property::new("DESCRIPTION", escape_text(&e.description)));
    if let Some(location) = &e.location {
        event.push(Property::new("LOCATION", escape_text(location)));
    }
    if let Some(url) = &e.url {
        event.push(Property::new("URL", url.clone()));
    }
    if let Some(o) = &e.organizer {
        let mut p = Property::new("ORGANIZER", format!("mailto:{}", o.email));
        p.add(Parameter::new("CN", quote_param(&o.name)));
        event.push(p);
    }
    // A PUBLISH (a feed, a download) names no attendees (RFC 5546 §3.2.1): it invites nobody.
    for a in e.attendees.iter().filter(|_| method != Method::Publish) {
        let mut p = Property::new("ATTENDEE", format!("mailto:{}", a.email));
        p.add(Parameter::new("CN", quote_param(&a.name)));
        p.add(Parameter::new("ROLE", "REQ-PARTICIPANT"));
        if method == Method::Request {
            p.add(Parameter::new("PARTSTAT", "ACCEPTED"));
        }
        event.push(p);
    }
    let cancelled = e.cancelled || method == Method::Cancel;
    event.push(Property::new(
        "STATUS",
        if cancelled { "CANCELLED" } else { "CONFIRMED" },
    ));
    event.push(Property::new("TRANSP", "OPAQUE"));
    event
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn tokyo_time(name: &'static str, t: DateTime<Utc>) -> Property<'static> {
    let mut p = Property::new(
        name,
        t.with_timezone(&Tokyo).format("%Y%m%dT%H%M%S").to_string(),
    );
    p.add(Parameter::new("TZID", "Asia/Tokyo"));
    p
}

/// TEXT values: backslash, semicolon and comma are escaped, any line break becomes `\n`.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Parameter values are always quoted (a name may hold `,` `;` `:`). A double quote cannot
/// appear inside one at all, so it becomes a single quote; control characters go.
pub fn quote_param(s: &str) -> String {
    let inner: String = s
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c })
        .collect();
    format!("\"{inner}\"")
}

/// Undoes any folding (CRLF followed by a space or tab), giving one logical line per line.
fn unfold(s: &str) -> String {
    s.replace("\r\n ", "").replace("\r\n\t", "")
}

/// Folds every line longer than 75 octets: continuation lines start with one space, and no
/// line (space included) is longer than 75 octets. Cuts fall between characters, never inside
/// a multi-byte one. Lines end in CRLF.
pub fn fold(s: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(s.len() + s.len() / 50);
    for line in s.split("\r\n").filter(|l| !l.is_empty()) {
        let mut rest = line;
        let mut limit = LIMIT;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            // The leading space counts toward the 75 octets.
            limit = LIMIT - 1;
        }
    }
    out
}

// Escaping, quoting and folding are tested on Japanese text in
// tests/integration/email_snapshots.rs (calendar_text_*).
