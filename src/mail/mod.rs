//! Email: outbox rows become bilingual messages with calendar invitations, delivered after
//! commit by a worker (`worker.rs`) through a transport (`transport.rs`).
pub(crate) mod qr;
mod render;
mod transport;
pub mod worker;

pub use render::{
    AnnouncementBlock, ApplicantBlock, AttendanceLinks, CampaignBlock, CertificationBlock,
    CheckinCode, DecisionBlock, DeclarationBlock, DispatchBlock, EmailContext, Emails, EventBlock,
    ExhibitorBlock, InternshipBlock, PartnerBlock, SessionLine, VisitBlock,
};
pub use transport::{SendError, Transport};

use crate::calendar::{self, Method, Person};
use crate::config::Settings;
use crate::domain::{
    AttendeeStatus, BoothDecision, DeclarationDecision, Envelope, MessageKind, MovedTo, Notice,
    Shape,
};
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

    /// Builds the message an outbox row stands for: what its notice announces, with the
    /// event and registration as they are now around it.
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
        let envelope = match Envelope::from_row(&row.message, &row.payload, listing.event.spec.kind)
        {
            Ok(envelope) => envelope,
            Err(e) => return Ok(Composed::Impossible(e.to_string())),
        };
        let notice = &envelope.notice;
        let stored = match row.registration_id {
            Some(id) => store::registrations::by_id(db, id).await?,
            None => None,
        };
        let lang = row.lang;
        let spec = &listing.event.spec;
        let registration = stored.as_ref().map(|s| &s.registration);
        // Seats held, or for shapes without seats a registration that stands.
        let confirmed = registration.is_some_and(|r| {
            r.participation.holds_seats() || (!r.shape().takes_seats() && r.is_live())
        });
        let kind = notice.kind();
        // An attendee's copy of a message to the registration's contact.
        let attendee_id = envelope.attendee_id;
        // A job fair's exhibitor: its booth and review.
        let exhibitor = registration.and_then(|r| r.participation.booth());
        let shape = registration.map_or(Shape::of(spec.kind, false), |r| r.shape());
        // Whether the registrant is to come at a time: only then are there a meeting link, a
        // door code and a calendar file. Not for a campaign or a declaration, which have no
        // time, nor for a booth the organizer has not approved.
        let booth_approved = match notice {
            Notice::BoothDecided { decision } => *decision == BoothDecision::Approved,
            _ => exhibitor.is_some_and(|(state, _)| state == crate::domain::BoothState::Approved),
        };
        let comes = confirmed && shape.has_time() && (shape != Shape::Booth || booth_approved);

        // The owner of an address someone else entered gets no link to that registration, nor
        // does an attendee: the contact manages it.
        // Nor does the expert sent a visit: the company manages its request.
        let to_expert = matches!(notice, Notice::DispatchVisit { visit } if visit.to_expert);
        let manage_url = match (&stored, kind) {
            _ if attendee_id.is_some() || to_expert => None,
            (Some(s), k) if k != MessageKind::AlreadyRegistered => Some(format!(
                "{}/r/{}",
                self.public_url,
                self.links.unseal(&s.token_sealed)?
            )),
            _ => None,
        };
        let waitlist_position = match registration {
            Some(r) if r.participation.is_waiting() => {
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
                comes
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
        // At an online or hybrid event each attendee joins through a personal link, which
        // records the join; the meeting URL itself goes to nobody. A copy carries its attendee's
        // link; the contact's message every attendee's, as the manage page does. One link
        // stands where the meeting link stood; several are listed by name.
        let joins_offered = registration
            .is_some_and(|r| crate::services::joins::offered(spec.format, &r.participation));
        let join_links: Vec<render::JoinLink> = match (&meeting_url, registration) {
            (Some(_), Some(r)) if joins_offered => crate::services::joins::covered(r, attendee_id)
                .map(|a| render::JoinLink {
                    name: one_line(&a.name),
                    url: crate::services::joins::link(&self.links, &self.public_url, a.id),
                })
                .collect(),
            _ => Vec::new(),
        };
        let meeting_url = match join_links.as_slice() {
            _ if !joins_offered => meeting_url,
            [one] => Some(one.url.clone()),
            _ => None,
        };
        let join_links = if join_links.len() > 1 {
            join_links
        } else {
            Vec::new()
        };
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
        let (cancelled, all): (Vec<String>, bool) = match notice {
            Notice::Cancelled { attendees, all } => (attendees.clone(), *all),
            Notice::Moved { attendees, .. } => (attendees.clone(), true),
            _ => (Vec::new(), false),
        };
        let cancelled: Vec<String> = cancelled.iter().map(|n| one_line(n)).collect();
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
        let announced = match notice {
            Notice::Announcement { announcement_id } => {
                let id = *announcement_id;
                let Some(a) = store::announcements::by_id(db, id).await? else {
                    return Ok(Composed::Impossible(format!("announcement {id} is gone")));
                };
                Some(a)
            }
            _ => None,
        };
        // A decision as it was made, whatever the organizer decided since.
        let decision = match notice {
            Notice::BoothDecided { decision } => Some(DecisionBlock {
                approved: *decision == BoothDecision::Approved,
                note: None,
            }),
            Notice::DeclarationReviewed { decision, note } => Some(DecisionBlock {
                approved: *decision == DeclarationDecision::Approved,
                // A row from before the note travelled with the decision: the note on file.
                note: note.clone().or_else(|| {
                    (row.payload.get("notice").is_none()
                        && *decision == DeclarationDecision::Returned)
                        .then(|| registration?.participation.declaration()?.note.clone())
                        .flatten()
                }),
            }),
            Notice::InternshipDecided { decision, .. } => Some(DecisionBlock {
                approved: *decision == crate::domain::InternshipDecision::Accepted,
                note: None,
            }),
            _ => None,
        };
        // An internship offer: the host company's own, or the one a student applied to.
        let offer = match registration {
            Some(r) if r.participation.internship_offer().is_some() => r
                .participation
                .internship_offer()
                .map(
                    |(state, offer, accepted)| crate::services::internships::OfferRow {
                        registration_id: r.id,
                        company: r
                            .company
                            .as_ref()
                            .map(|c| c.name.clone())
                            .unwrap_or_default(),
                        offer: offer.clone(),
                        state,
                        accepted,
                    },
                ),
            Some(r) => match r.participation.internship_application() {
                Some((_, a)) => crate::services::internships::offer(db, r.event_id, a.offer_id)
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?,
                None => None,
            },
            None => None,
        };
        let applicant = match notice {
            Notice::InternshipApplicationArrived { applicant } => Some(applicant),
            _ => None,
        };

        // The door: each attendee carries their own code. An attendee's copy shows theirs; the
        // contact's message shows the codes of those who get no copy of their own (the contact
        // attending, or everyone when the event sends no copies), so nobody forwards codes.
        // Only where people come in person: an online event has no reception desk.
        let door_kinds = comes
            && spec.format.has_venue()
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
        if let (true, Some(r)) = (door_kinds, registration) {
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
        // A certification application: its call names the categories and the validity.
        let call = match registration.and_then(|r| r.participation.certification()) {
            Some(_) => store::certification::call_of(db, listing.event.id).await?,
            None => None,
        };
        // Everything a message says, in one language.
        let attendance = match (notice, registration) {
            (Notice::AttendanceCheck { .. }, Some(r)) => {
                let url = format!(
                    "{}/c/{}",
                    self.public_url,
                    self.links.attendance_token(r.id)
                );
                Some(AttendanceLinks {
                    will_come_url: format!("{url}?answer=will_come"),
                    cannot_come_url: format!("{url}?answer=cannot_come"),
                })
            }
            _ => None,
        };
        let ctx_for = |lang: crate::i18n::Lang| EmailContext {
            lang,
            subject: String::new(),
            recipient_name: one_line(&row.recipient_name),
            event: EventBlock {
                title: spec.title.get(lang.content()).to_owned(),
                when: if shape.has_time() {
                    crate::i18n::dates::range(lang, spec.starts_at, spec.ends_at)
                } else {
                    crate::i18n::dates::days(lang, spec.starts_at, spec.ends_at)
                },
                period: !shape.has_time(),
                local_when: registration
                    .and_then(|r| r.time_zone)
                    .filter(|tz| shape.has_time() && *tz != chrono_tz::Asia::Tokyo)
                    .map(|tz| crate::i18n::dates::range_in(lang, spec.starts_at, spec.ends_at, tz)),
                venue: crate::i18n::words::venue_line(lang, spec),
                in_person: spec.format.has_venue(),
                map_url: spec.venue.as_ref().and_then(|v| v.map_url.clone()),
                meeting_url: meeting_url.clone(),
                join_links: join_links.clone(),
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
            // Staff are not registrants: the statement to registrants is not theirs.
            purpose_of_use: if kind.to_staff() {
                String::new()
            } else {
                crate::i18n::words::purpose_of_use(lang, spec)
            },
            // Where a reviewed registration stands is its review, not "confirmed".
            status: registration
                .map(|r| lang.label(&r.participation))
                .unwrap_or_default(),
            waitlist_position,
            attendees: attendees.clone(),
            cancelled: cancelled.clone(),
            all,
            moved_to: match notice {
                Notice::Moved { to, .. } => Some(moved_to_line(lang, to)),
                _ => None,
            },
            copy_of: attendee_id
                .and(registration)
                .map(|r| one_line(&r.contact.name)),
            days_before: match notice {
                Notice::Reminder { days_before } | Notice::AttendanceCheck { days_before } => {
                    Some(*days_before)
                }
                _ => None,
            },
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
            promoted_session: match notice {
                Notice::Promoted {
                    session: Some(title),
                    ..
                } => Some(one_line(title.get(lang.content()))),
                _ => None,
            },
            promoted_for: match notice {
                Notice::Promoted { attendees, .. } if !attendees.is_empty() => Some(
                    crate::i18n::words::list(lang, attendees.iter().map(|n| one_line(n))),
                ),
                _ => None,
            },
            campaign: registration
                .and_then(|r| r.participation.campaign_entry())
                .map(|c| CampaignBlock {
                    actions: crate::i18n::words::campaign_actions(lang, c),
                    employees: c.employees,
                    period: crate::i18n::words::campaign_period(lang, c),
                    listed: c.listed,
                }),
            declaration: registration
                .and_then(|r| r.participation.declaration())
                .map(|d| DeclarationBlock {
                    commitments: crate::i18n::words::commitments(lang, &d.declaration),
                    statement: d.declaration.statement.clone(),
                    listed: d.declaration.listed,
                }),
            exhibitor: exhibitor.map(|(_, profile)| ExhibitorBlock {
                positions: profile.positions.clone(),
                languages: crate::i18n::words::booth_languages(lang, profile),
            }),
            decision: decision.clone(),
            partner: match notice {
                Notice::PartnerRequested { request } => Some(partner_block(
                    lang,
                    request,
                    false,
                    format!("{}/admin/partners", self.public_url),
                )),
                Notice::PartnerAnswered { request, approved } => Some(partner_block(
                    lang,
                    request,
                    *approved,
                    format!("{}/admin/events/{}/partners", self.public_url, spec.slug),
                )),
                _ => None,
            },
            certification: registration
                .and_then(|r| r.participation.certification())
                .map(|(_, a)| certification_block(lang, call.as_ref(), a, notice)),
            dispatch: registration
                .and_then(|r| r.participation.dispatch())
                .map(|(_, d)| crate::i18n::words::dispatch_block(lang, d)),
            visit: match notice {
                Notice::DispatchVisit { visit } => Some(VisitBlock {
                    change: match visit.change {
                        crate::domain::VisitChange::Scheduled => "scheduled",
                        crate::domain::VisitChange::Moved => "moved",
                        crate::domain::VisitChange::Cancelled => "cancelled",
                    }
                    .to_owned(),
                    when: crate::i18n::dates::range(lang, visit.plan.starts_at, visit.plan.ends_at),
                    mode: lang.label(visit.plan.mode),
                    place: one_line(&visit.plan.place),
                    online: visit.plan.mode == crate::domain::VisitMode::Online,
                    expert: crate::i18n::words::expert_line(
                        lang,
                        &visit.expert,
                        visit.expert_affiliation.as_deref(),
                    ),
                    company: registration
                        .and_then(|r| r.company.as_ref())
                        .map(|c| one_line(&c.name))
                        .unwrap_or_default(),
                    to_expert: visit.to_expert,
                }),
                _ => None,
            },
            internship: offer.as_ref().map(|o| InternshipBlock {
                // The company as the decision named it, else as it is on file.
                company: one_line(match notice {
                    Notice::InternshipDecided { company, .. } => company,
                    _ => &o.company,
                }),
                period: crate::i18n::words::internship_period(lang, o.offer.from, o.offer.to),
                tasks: o.offer.tasks.clone(),
                details: crate::i18n::words::internship_offer_details(lang, o),
                applicant: applicant.map(|a| ApplicantBlock {
                    name: one_line(&a.name),
                    affiliation: one_line(&a.affiliation),
                    profile: one_line(&crate::i18n::words::student_profile(
                        lang,
                        &crate::domain::StudentProfile {
                            graduation_year: a.graduation_year,
                            japanese_level: a.japanese_level,
                            field: a.field.clone(),
                        },
                    )),
                    motivation: a.motivation.clone(),
                }),
            }),
            attendance: attendance.clone(),
        };
        // A job fair (or an internship programme) speaks to students from abroad: its messages
        // carry Japanese and English one after the other. The Japanese is the reader's own when they read Japanese (plain
        // or easy), the default locale's otherwise.
        // So is every message to staff, who read the back-office in either and have no
        // language on file.
        let rendered = if matches!(
            spec.kind,
            crate::domain::EventKind::JobFair | crate::domain::EventKind::Internship
        ) || kind.to_staff()
        {
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
            // A campaign or a declaration has no time to put in a calendar; a booth is never
            // sent one (under review it does not stand; approved, the exhibitor comes as staff).
            _ if !shape.has_time() || shape == Shape::Booth => None,
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
        let objects = match (notice, registration) {
            // An expert's visit: its own calendar object, whatever the programme's period.
            (Notice::DispatchVisit { visit }, Some(r)) => {
                let (_, d) = r.participation.dispatch().ok_or_else(|| {
                    anyhow::anyhow!("a visit of a registration without a request")
                })?;
                let theme = lang.label(d.request.theme);
                let company = r
                    .company
                    .as_ref()
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                vec![calendar::visit_object(
                    &self.host,
                    visit,
                    calendar::VisitEntry {
                        programme: spec.title.get(lang.content()),
                        theme: &theme,
                        issue: &d.request.issue,
                        company: &company,
                        recipient: Person {
                            name: row.recipient_name.clone(),
                            email: row.recipient_email.clone(),
                        },
                        organizer: Person {
                            name: listing.organizer.name(lang.content()).to_owned(),
                            email: self.from.email.to_string(),
                        },
                        manage_url: manage_url.as_deref(),
                    },
                    lang,
                )]
            }
            _ => match (method, registration) {
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
                    let dropped = match notice {
                        Notice::Changed { dropped_sessions } => dropped_sessions.as_slice(),
                        _ => &[],
                    };
                    calendar::invitations(method, listing, entry, &picks, dropped, &site, lang)
                }
                _ => Vec::new(),
            },
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
        let body = match objects.as_slice() {
            [] => alternative,
            // One object: the invitation inside the message (what Outlook and Gmail turn into
            // their invitation card) and the same file attached for everyone else.
            [one] => MultiPart::mixed()
                .multipart(
                    alternative.singlepart(
                        SinglePart::builder()
                            .header(calendar_type(one.method)?)
                            .body(one.text.clone()),
                    ),
                )
                .singlepart(
                    Attachment::new("invite.ics".to_owned())
                        .body(one.text.clone(), ContentType::parse("application/ics")?),
                ),
            // Several (one per session): no inline part. Outlook reads only one text/calendar
            // per message and only the first VEVENT of it, Gmail shows one card: an inline part
            // would quietly stand for all the sessions. Each object is attached on its own as
            // text/calendar with its method, which Gmail, Outlook and Apple Mail offer to add
            // one by one, and the message text lists every session.
            several => {
                let mut mixed = MultiPart::mixed().multipart(alternative);
                for (i, object) in several.iter().enumerate() {
                    mixed = mixed.singlepart(
                        Attachment::new(format!("invite-{}.ics", i + 1))
                            .body(object.text.clone(), calendar_type(object.method)?),
                    );
                }
                mixed
            }
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

/// A partner request or answer in `lang`'s words; names and note as they were when queued.
fn partner_block(
    lang: crate::i18n::Lang,
    request: &crate::domain::notice::PartnerRequestNote,
    approved: bool,
    url: String,
) -> PartnerBlock {
    let note = request
        .note
        .as_deref()
        .map(|n| crate::domain::text::for_output(n, crate::domain::text::Lines::Many).into_owned());
    PartnerBlock {
        role: lang.label(request.role),
        organizer: one_line(request.organizer.get(lang.content())),
        partner: one_line(request.partner.get(lang.content())),
        note_lines: note
            .as_deref()
            .map(|n| n.lines().map(str::to_owned).collect())
            .unwrap_or_default(),
        note,
        by: one_line(&request.by),
        approved,
        url,
    }
}

/// `text/calendar` with the iTIP method a calendar object carries.
fn calendar_type(method: Method) -> anyhow::Result<ContentType> {
    Ok(ContentType::parse(&format!(
        "text/calendar; charset=UTF-8; method={}",
        method.as_str()
    ))?)
}

/// The event a registration was moved to, in the reader's words. Rows queued before the
/// notice carried the event as data hold the line in Japanese and English.
fn moved_to_line(lang: crate::i18n::Lang, to: &MovedTo) -> String {
    match to {
        MovedTo::Event {
            title,
            starts_at,
            ends_at,
        } => crate::i18n::words::event_with_time(
            lang,
            title.get(lang.content()),
            *starts_at,
            *ends_at,
        ),
        MovedTo::Line(line) => line.get(lang.content()).to_owned(),
    }
}

/// What a certification message says of the application, in one language: the decision is
/// the one the notice carries, as it was made.
fn certification_block(
    lang: crate::i18n::Lang,
    call: Option<&crate::domain::Call>,
    a: &crate::domain::ApplicationRecord,
    notice: &Notice,
) -> render::CertificationBlock {
    let name = |code: &str| {
        call.and_then(|c| c.category(code))
            .map_or_else(|| code.to_owned(), |c| one_line(c.name.get(lang.content())))
    };
    let (certified, not_certified, validity) = match notice {
        Notice::CertificationDecided {
            certified,
            not_certified,
            valid_from,
            valid_until,
        } => (
            certified
                .iter()
                .map(|t| one_line(t.get(lang.content())))
                .collect(),
            not_certified
                .iter()
                .map(|t| one_line(t.get(lang.content())))
                .collect(),
            Some((*valid_from, *valid_until)),
        ),
        _ => (
            Vec::new(),
            Vec::new(),
            call.map(|c| (c.valid_from, c.valid_until)),
        ),
    };
    render::CertificationBlock {
        categories: crate::i18n::words::list(lang, a.choices.iter().map(|c| name(&c.code))),
        documents: a.documents.iter().map(|d| one_line(&d.filename)).collect(),
        certified,
        not_certified,
        validity: validity
            .map(|(from, until)| {
                lang.t_args(
                    "cert-validity",
                    &crate::fluent_args![
                        ("from", crate::i18n::dates::day(lang, from)),
                        ("until", crate::i18n::dates::day(lang, until))
                    ],
                )
            })
            .unwrap_or_default(),
    }
}
