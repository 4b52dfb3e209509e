//! Email: outbox rows become bilingual messages with calendar invitations, delivered after
//! commit by a worker (`worker.rs`) through a transport (`transport.rs`).
pub(crate) mod qr;
mod render;
mod transport;
pub mod worker;

pub use render::{
    AnnouncementBlock, CampaignBlock, CheckinCode, DeclarationBlock, EmailContext, Emails,
    EventBlock, ExhibitorBlock, SessionLine,
};
pub use transport::{SendError, Transport};

use crate::calendar::{self, Method, Person};
use crate::config::Settings;
use crate::domain::{AttendeeStatus, MessageKind, RegistrationStatus};
use crate::services::catalogue::{EventListing, with_partners};
use crate::services::links::{ManageLinks, Subscriber};
use crate::store::{self, Db, outbox::Claimed};
use anyhow::Context;
use chrono::Utc;
use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use std::collections::HashMap;

/// Text read back from the database, made fit for a header line.
fn one_line(text: &str) -> String {
    crate::domain::text::for_output(text, crate::domain::text::Lines::One).into_owned()
}

/// Everything a worker needs to turn outbox rows into sent mail.
pub struct Mailer {
    emails: Emails,
    transport: Transport,
    from: Mailbox,
    links: ManageLinks,
    public_url: String,
    /// The host part of Message-IDs and calendar UIDs.
    host: String,
    pub settings: crate::config::MailSettings,
}

/// A message ready to send, or the reason it never can be.
pub enum Composed {
    Ready(Box<Message>),
    Impossible(String),
}

impl Mailer {
    pub fn new(settings: &Settings) -> anyhow::Result<Self> {
        let from = Mailbox::new(
            Some(settings.mail.from_name.clone()),
            settings
                .mail
                .from_address
                .parse()
                .context("mail.from_address is not an email address")?,
        );
        let host = settings.public_host();
        Ok(Mailer {
            emails: Emails::new()?,
            transport: Transport::from_settings(
                &settings.mail,
                settings.secrets.smtp_password.as_deref(),
            )?,
            from,
            links: ManageLinks::new(&settings.secrets.link_key),
            public_url: settings.server.public_url.trim_end_matches('/').to_owned(),
            host,
            settings: settings.mail.clone(),
        })
    }

    pub async fn send(&self, message: &Message, outbox_id: i64) -> Result<(), SendError> {
        let name = format!("{}-{outbox_id}", Utc::now().format("%Y%m%dT%H%M%S"));
        self.transport.send(message, &name).await
    }

    /// Builds the message an outbox row stands for, from the event and registration as they
    /// are now.
    /// `events` holds the events already read in this pass: a burst is mostly one event.
    pub async fn compose(
        &self,
        db: &Db,
        row: &Claimed,
        events: &mut HashMap<i64, EventListing>,
    ) -> anyhow::Result<Composed> {
        if let std::collections::hash_map::Entry::Vacant(slot) = events.entry(row.event_id) {
            let Some(event) = store::events::by_id(db, row.event_id).await? else {
                return Ok(Composed::Impossible(format!(
                    "event {} is gone",
                    row.event_id
                )));
            };
            let listing = with_partners(db, vec![event])
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .remove(0);
            slot.insert(listing);
        }
        let listing = &events[&row.event_id];
        let stored = match row.registration_id {
            Some(id) => store::registrations::by_id(db, id).await?,
            None => None,
        };
        let lang = row.lang;
        let spec = &listing.event.spec;
        let registration = stored.as_ref().map(|s| &s.registration);
        let confirmed = registration.is_some_and(|r| r.status == RegistrationStatus::Confirmed);
        let kind = row.kind;
        // An attendee's copy of a message to the registration's contact.
        let attendee_id = row.payload["attendee_id"].as_i64();

        // The owner of an address someone else entered gets no link to that registration, nor
        // does an attendee: the contact manages it.
        let manage_url = match (&stored, kind) {
            _ if attendee_id.is_some() => None,
            (Some(s), k) if k != MessageKind::AlreadyRegistered => Some(format!(
                "{}/r/{}",
                self.public_url,
                self.links.unseal(&s.token_sealed)?
            )),
            _ => None,
        };
        let waitlist_position = match registration {
            Some(r) if r.status == RegistrationStatus::Waitlisted => {
                Some(store::registrations::waitlist_position(db, r.event_id, r.id).await?)
            }
            _ => None,
        };
        // The recipient's sessions: an attendee's own, or the registration's for its contact.
        let picks = registration
            .map(|r| crate::domain::session::picks_for(&r.picks, attendee_id))
            .unwrap_or_default();
        let meeting_url = crate::domain::session::meeting_link(spec.online_url.as_deref(), &picks)
            .filter(|_| {
                confirmed
                    && matches!(
                        kind,
                        MessageKind::Confirmed
                            | MessageKind::Promoted
                            | MessageKind::Changed
                            | MessageKind::EventChanged
                            | MessageKind::Reminder
                            | MessageKind::Announcement
                    )
            });
        let event_url = format!("{}/events/{}", self.public_url, spec.slug);
        let attendees: Vec<String> = registration
            .map(|r| {
                r.attendees
                    .iter()
                    .filter(|a| a.status != AttendeeStatus::Cancelled)
                    .map(|a| one_line(&a.name))
                    .collect()
            })
            .unwrap_or_default();
        let cancelled: Vec<String> = row.payload["attendees"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let all = row.payload["all"].as_bool().unwrap_or(false);
        let unsubscribe_url = match (registration, attendee_id) {
            _ if !kind.can_opt_out() => None,
            (_, Some(id)) => Some(Subscriber::Attendee(id)),
            (Some(r), None) => Some(Subscriber::Contact(r.id)),
            (None, None) => None,
        }
        .map(|who| {
            format!(
                "{}/u/{}",
                self.public_url,
                self.links.unsubscribe_token(who)
            )
        });
        let announced = match row.payload["announcement_id"].as_i64() {
            None => None,
            Some(id) => {
                let Some(a) = store::announcements::by_id(db, id).await? else {
                    return Ok(Composed::Impossible(format!("announcement {id} is gone")));
                };
                Some(a)
            }
        };

        // The door: each attendee carries their own code. An attendee's copy shows theirs; the
        // contact's message shows the codes of those who get no copy of their own (the contact
        // attending, or everyone when the event sends no copies), so nobody forwards codes.
        // Only where people come in person: an online event has no reception desk.
        let door_kinds = spec.format.has_venue()
            && matches!(
                kind,
                MessageKind::Confirmed
                    | MessageKind::Promoted
                    | MessageKind::Changed
                    | MessageKind::EventChanged
                    | MessageKind::Reminder
            );
        let mut images: Vec<(String, Vec<u8>)> = Vec::new();
        let mut checkin = Vec::new();
        if let (true, true, Some(r)) = (confirmed, door_kinds, registration) {
            let copies = spec.attendee_copies;
            let contact = &r.contact.email;
            for a in r.active_attendees().filter(|a| match attendee_id {
                Some(id) => id == a.id,
                None => !copies || a.email.eq_ignore_ascii_case(contact),
            }) {
                let code = self.links.checkin_token(a.id);
                let cid = format!("checkin-{}@{}", a.id, self.host);
                let url = format!("{}/admin/scan/{code}", self.public_url);
                images.push((cid.clone(), qr::png(&url)?));
                checkin.push(CheckinCode {
                    name: one_line(&a.name),
                    cid,
                    code,
                });
            }
        }
        // A job fair's exhibitor: its booth and review.
        let exhibitor = match registration {
            Some(r) if spec.kind == crate::domain::EventKind::JobFair => {
                store::job_fairs::exhibitor(db, r.id).await?
            }
            _ => None,
        };
        // Everything a message says, in one language.
        let ctx_for = |lang: crate::i18n::Lang| EmailContext {
            lang,
            subject: String::new(),
            recipient_name: one_line(&row.recipient_name),
            event: EventBlock {
                title: spec.title.get(lang.content()).to_owned(),
                when: crate::i18n::dates::range(lang, spec.starts_at, spec.ends_at),
                venue: crate::i18n::words::venue_line(lang, spec),
                in_person: spec.format.has_venue(),
                map_url: spec.venue.as_ref().and_then(|v| v.map_url.clone()),
                meeting_url: meeting_url.clone(),
                url: event_url.clone(),
                partner_line: crate::i18n::words::partner_line(
                    lang,
                    &listing.organizer,
                    &listing.partners,
                ),
            },
            manage_url: manage_url.clone(),
            organizer_name: listing.organizer.name(lang.content()).to_owned(),
            contact_email: self.from.email.to_string(),
            purpose_of_use: crate::i18n::words::purpose_of_use(lang, spec),
            status: registration
                .map(|r| lang.label(r.status))
                .unwrap_or_default(),
            waitlist_position,
            attendees: attendees.clone(),
            cancelled: cancelled.clone(),
            all,
            moved_to: moved_to_line(lang, &row.payload),
            copy_of: attendee_id
                .and(registration)
                .map(|r| one_line(&r.contact.name)),
            days_before: row.payload["days_before"]
                .as_u64()
                .and_then(|d| u8::try_from(d).ok()),
            announcement: announced.as_ref().map(|a| {
                let (subject, body) = a.spec.text(lang.content());
                AnnouncementBlock {
                    subject: subject.to_owned(),
                    body: body.to_owned(),
                    lines: body.lines().map(str::to_owned).collect(),
                    translated: lang.content() == crate::domain::Language::Ja
                        || a.spec.english.is_some(),
                }
            }),
            unsubscribe_url: unsubscribe_url.clone(),
            checkin: checkin.clone(),
            sessions: registration
                .map(|r| crate::i18n::words::session_lines(lang, r))
                .unwrap_or_default(),
            promoted_session: row.payload["session"][lang.content().code()]
                .as_str()
                .map(str::to_owned),
            promoted_for: row.payload["session_attendees"].as_array().map(|names| {
                crate::i18n::words::list(
                    lang,
                    names.iter().filter_map(|n| n.as_str()).map(one_line),
                )
            }),
            campaign: registration
                .and_then(|r| r.campaign.as_ref())
                .map(|c| CampaignBlock {
                    actions: crate::i18n::words::campaign_actions(lang, c),
                    employees: c.employees,
                    period: crate::i18n::words::campaign_period(lang, c),
                    listed: c.listed,
                }),
            declaration: registration.and_then(|r| r.declaration.as_ref()).map(|d| {
                DeclarationBlock {
                    commitments: crate::i18n::words::commitments(lang, &d.declaration),
                    statement: d.declaration.statement.clone(),
                    approved: d.state == crate::domain::ReviewState::Approved,
                    returned: d.state == crate::domain::ReviewState::Returned,
                    note: d.note.clone(),
                    listed: d.declaration.listed,
                }
            }),
            exhibitor: exhibitor.as_ref().map(|x| ExhibitorBlock {
                positions: x.profile.positions.clone(),
                languages: crate::i18n::words::booth_languages(lang, &x.profile),
                approved: x.state == crate::domain::ExhibitorState::Approved,
                declined: x.state == crate::domain::ExhibitorState::Declined,
            }),
        };
        // A job fair speaks to students from abroad: its messages carry Japanese and English
        // one after the other. The Japanese is the reader's own when they read Japanese (plain
        // or easy), the default locale's otherwise.
        let rendered = if spec.kind == crate::domain::EventKind::JobFair {
            let english = crate::i18n::Lang::all()
                .find(|l| l.content() == crate::domain::Language::En && l.fallback().is_none())
                .unwrap_or_default();
            let japanese = if lang.content() == crate::domain::Language::Ja {
                lang
            } else {
                crate::i18n::Lang::default()
            };
            let first = self.emails.render(kind, ctx_for(japanese))?;
            let second = self.emails.render(kind, ctx_for(english))?;
            render::side_by_side(first, second, japanese, english)
        } else {
            self.emails.render(kind, ctx_for(lang))?
        };

        // Confirmed places carry an invitation; a withdrawn registration carries its cancellation.
        let method = match kind {
            // A campaign has no seats to put in a calendar: its email says what was joined.
            _ if spec.kind.joined_by_company() || exhibitor.is_some() => None,
            MessageKind::Confirmed | MessageKind::Promoted if confirmed => Some(Method::Request),
            MessageKind::Changed | MessageKind::EventChanged if confirmed => Some(Method::Request),
            MessageKind::EventCancelled => Some(Method::Cancel),
            // An attendee's copy of a cancellation is about their own place.
            MessageKind::Cancelled if all || attendee_id.is_some() => Some(Method::Cancel),
            _ => None,
        };
        let site = calendar::Site {
            public_url: &self.public_url,
            host: &self.host,
        };
        let ics = match (method, registration) {
            (Some(method), Some(r)) => {
                let entry = calendar::RegistrationEntry {
                    registration_id: r.id,
                    recipient: Person {
                        name: row.recipient_name.clone(),
                        email: row.recipient_email.clone(),
                    },
                    organizer: Person {
                        name: listing.organizer.name(lang.content()).to_owned(),
                        email: self.from.email.to_string(),
                    },
                    meeting_url: meeting_url.as_deref(),
                    manage_url: manage_url.as_deref(),
                    // Outbox ids only grow, so each later message outranks the one before.
                    sequence: u32::try_from(row.id).unwrap_or(u32::MAX),
                    cancelled: method == Method::Cancel,
                };
                let events = calendar::registration_entries(listing, entry, &picks, &site, lang);
                Some((method, calendar::render(method, &events)))
            }
            _ => None,
        };

        let to = match row.recipient_email.parse() {
            // A name stored before the text checks may hold a line break, which makes lettre
            // panic while writing the header: headers get one clean line.
            Ok(address) => Mailbox::new(
                Some(one_line(&row.recipient_name)).filter(|n| !n.trim().is_empty()),
                address,
            ),
            Err(e) => {
                return Ok(Composed::Impossible(format!(
                    "recipient address not usable: {e}"
                )));
            }
        };
        // The HTML part and the QR images it shows travel together (multipart/related).
        let alternative = MultiPart::alternative().singlepart(SinglePart::plain(rendered.text));
        let alternative = if images.is_empty() {
            alternative.singlepart(SinglePart::html(rendered.html))
        } else {
            let mut related = MultiPart::related().singlepart(SinglePart::html(rendered.html));
            for (cid, png) in images {
                related = related.singlepart(
                    Attachment::new_inline(cid).body(png, ContentType::parse("image/png")?),
                );
            }
            alternative.multipart(related)
        };
        let body = match ics {
            None => alternative,
            Some((method, ics)) => MultiPart::mixed()
                .multipart(
                    alternative.singlepart(
                        SinglePart::builder()
                            .header(ContentType::parse(&format!(
                                "text/calendar; charset=UTF-8; method={}",
                                method.as_str()
                            ))?)
                            .body(ics.clone()),
                    ),
                )
                .singlepart(
                    Attachment::new("invite.ics".to_owned())
                        .body(ics, ContentType::parse("application/ics")?),
                ),
        };
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(one_line(&rendered.subject))
            .message_id(Some(format!("<outbox-{}@{}>", row.id, self.host)));
        if let Some(url) = unsubscribe_url {
            // RFC 8058: mail clients offer a one-click "unsubscribe" that POSTs to the URL.
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let message = builder.multipart(body)?;
        Ok(Composed::Ready(Box::new(message)))
    }
}

/// The event a registration was moved to, in the reader's words. Rows queued before the
/// payload carried the event as data hold the line in Japanese and English.
fn moved_to_line(lang: crate::i18n::Lang, payload: &serde_json::Value) -> Option<String> {
    let to = &payload["moved_to_event"];
    let at = |k: &str| {
        to[k]
            .as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&chrono::Utc))
    };
    if let (Some(starts_at), Some(ends_at)) = (at("starts_at"), at("ends_at")) {
        let title = match lang.content() {
            crate::domain::Language::Ja => to["title_ja"].as_str(),
            crate::domain::Language::En => to["title_en"].as_str(),
        }
        .unwrap_or_default();
        return Some(crate::i18n::words::event_with_time(
            lang, title, starts_at, ends_at,
        ));
    }
    payload["moved_to"][lang.content().code()]
        .as_str()
        .map(str::to_owned)
}
