//! What a message to a registrant announces. The outbox stores a [`Notice`]: the decision, the
//! names, the other event, as they were when the change was made. The mail is written from it,
//! so an email tells of the change it was queued for, not of whatever the database says when
//! the worker gets to it.
use super::{EventKind, SeatState, Shape};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// The kinds of message registrants are sent: a notice's kind (its template folder under
    /// `emails/`, and the label of the outbox row in the back office).
    pub enum MessageKind {
        Confirmed = "confirmed" => "label-message-kind-confirmed";
        Waitlisted = "waitlisted" => "label-message-kind-waitlisted";
        Promoted = "promoted" => "label-message-kind-promoted";
        Changed = "changed" => "label-message-kind-changed";
        Cancelled = "cancelled" => "label-message-kind-cancelled";
        AlreadyRegistered = "already_registered" => "label-message-kind-already-registered";
        EventChanged = "event_changed" => "label-message-kind-event-changed";
        EventCancelled = "event_cancelled" => "label-message-kind-event-cancelled";
        Reminder = "reminder" => "label-message-kind-reminder";
        Announcement = "announcement" => "label-message-kind-announcement";
        BoothReceived = "booth_received" => "label-message-kind-booth-received";
        BoothDecided = "booth_decided" => "label-message-kind-booth-decided";
        EntryReceived = "entry_received" => "label-message-kind-entry-received";
        DeclarationReceived = "declaration_received" => "label-message-kind-declaration-received";
        DeclarationReviewed = "declaration_reviewed" => "label-message-kind-declaration-reviewed";
        /// To a partner organization's admins: the organizer asks it to take a role.
        PartnerRequested = "partner_requested" => "label-message-kind-partner-requested";
        /// To whoever asked: the partner organization answered.
        PartnerAnswered = "partner_answered" => "label-message-kind-partner-answered";
        CertificationReceived = "certification_received" => "label-message-kind-certification-received";
        CertificationDecided = "certification_decided" => "label-message-kind-certification-decided";
        DispatchReceived = "dispatch_received" => "label-message-kind-dispatch-received";
        DispatchVisit = "dispatch_visit" => "label-message-kind-dispatch-visit";
        InternshipOfferReceived = "internship_offer_received" => "label-message-kind-internship-offer-received";
        InternshipApplied = "internship_applied" => "label-message-kind-internship-applied";
        InternshipApplicationArrived = "internship_application_arrived" => "label-message-kind-internship-application-arrived";
        InternshipDecided = "internship_decided" => "label-message-kind-internship-decided";
        /// Before the day: "will you still come?", with one-click answers.
        AttendanceCheck = "attendance_check" => "label-message-kind-attendance-check";
    }
}

impl MessageKind {
    /// Reminders and announcements: a recipient may opt out of these (List-Unsubscribe).
    /// Messages about their own registration and about changes to the event always go.
    pub fn can_opt_out(self) -> bool {
        matches!(self, MessageKind::Reminder | MessageKind::Announcement)
    }

    /// Messages to the staff of organizations (partner requests and answers), not to
    /// registrants: they name no registration and carry nothing of one.
    pub fn to_staff(self) -> bool {
        matches!(
            self,
            MessageKind::PartnerRequested | MessageKind::PartnerAnswered
        )
    }
}

/// A partner request as it was when its message was queued: who asked whom to take which role,
/// with the organizer's note, and (for the answer) what was answered and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRequestNote {
    pub role: super::PartnerRole,
    /// The organizer's organization.
    pub organizer: Titles,
    /// The organization asked.
    pub partner: Titles,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The staff member who asked (or answered), by display name.
    pub by: String,
}

/// A text in Japanese and English, as it was when the notice was queued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Titles {
    pub ja: String,
    pub en: String,
}

impl Titles {
    pub fn get(&self, lang: super::Language) -> &str {
        lang.pick(&self.ja, &self.en)
    }
}

impl From<&super::Bilingual> for Titles {
    fn from(b: &super::Bilingual) -> Self {
        Titles {
            ja: b.ja.clone(),
            en: b.en.clone(),
        }
    }
}

/// Where the organizer moved a registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MovedTo {
    /// The other event, written in the reader's words at the mail edge.
    Event {
        title: Titles,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
    },
    /// Rows queued before the event travelled as data hold the line itself.
    Line(Titles),
}

/// The organizer's decision on a booth application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoothDecision {
    Approved,
    Declined,
}

/// The organizer's decision on a declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclarationDecision {
    Approved,
    Returned,
}

/// What happened to an expert's visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitChange {
    Scheduled,
    Moved,
    Cancelled,
}

/// An expert's visit as a message announces it: the visit as it was when the change was
/// made, its calendar entry's SEQUENCE, and who reads it (the company, or the expert).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitNotice {
    pub visit_id: i64,
    pub sequence: u32,
    pub change: VisitChange,
    pub plan: super::VisitPlan,
    pub expert: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expert_affiliation: Option<String>,
    /// The expert's own copy: it names the company and carries no manage link.
    #[serde(default)]
    pub to_expert: bool,
}
/// The host company's (or the organizer's) decision on an internship application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InternshipDecision {
    Accepted,
    Declined,
}

/// A student's application as the host company is told of it, as it was when it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    pub application_id: i64,
    pub name: String,
    /// The school or employer.
    pub affiliation: String,
    pub field: String,
    pub graduation_year: u16,
    pub japanese_level: super::JapaneseLevel,
    pub motivation: String,
}

/// One message, with what it announces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "notice", rename_all = "snake_case")]
pub enum Notice {
    /// A seat is held.
    Confirmed,
    /// In line for a seat.
    Waitlisted,
    /// Moved up from a waiting list: the event's, or (`session`) one session's.
    Promoted {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        session: Option<Titles>,
        /// Who moved up into the session, by name (empty: the whole registration).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attendees: Vec<String>,
    },
    /// The registrant changed attendees, answers or sessions; `dropped_sessions` are the
    /// sessions given up, whose calendar entries the message cancels.
    Changed {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        dropped_sessions: Vec<i64>,
    },
    /// These attendees are cancelled (`all`: the whole registration).
    Cancelled {
        attendees: Vec<String>,
        all: bool,
    },
    /// The organizer moved the registration to another event.
    Moved {
        to: MovedTo,
        attendees: Vec<String>,
    },
    /// To the owner of an address someone else entered again.
    AlreadyRegistered,
    EventChanged,
    EventCancelled,
    Reminder {
        days_before: u8,
    },
    Announcement {
        announcement_id: i64,
    },
    /// A booth application arrived and is under review: nothing is confirmed yet.
    BoothReceived,
    BoothDecided {
        decision: BoothDecision,
    },
    /// A campaign entry arrived.
    EntryReceived,
    /// A declaration arrived, or was changed and is under review again.
    DeclarationReceived,
    DeclarationReviewed {
        decision: DeclarationDecision,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// To the admins of the organization asked to take a role in the event.
    PartnerRequested {
        request: PartnerRequestNote,
    },
    /// To the staff member who asked: the organization approved, or declined.
    PartnerAnswered {
        request: PartnerRequestNote,
        approved: bool,
    },
    /// A certification application arrived and is under review.
    CertificationReceived,
    /// The reviewers decided: the categories certified and not, by name as they were then,
    /// and how long the certificate holds.
    CertificationDecided {
        certified: Vec<Titles>,
        not_certified: Vec<Titles>,
        valid_from: chrono::NaiveDate,
        valid_until: chrono::NaiveDate,
    },
    /// A request for an expert's visit arrived.
    DispatchReceived,
    /// A visit was scheduled, moved or cancelled: one calendar entry per visit.
    DispatchVisit {
        visit: VisitNotice,
    },
    /// A host company's internship offer arrived and is open to students.
    InternshipOfferReceived,
    /// To a student: the application arrived and waits for the host company's decision.
    InternshipApplied,
    /// To the host company: a student applied to its offer.
    InternshipApplicationArrived {
        applicant: Applicant,
    },
    /// To a student: the host company's decision, and whose.
    InternshipDecided {
        decision: InternshipDecision,
        company: String,
    },
    /// The event's `confirm_days_before`: will the registrant still come?
    AttendanceCheck {
        days_before: u8,
    },
}

impl Notice {
    pub fn kind(&self) -> MessageKind {
        match self {
            Notice::Confirmed => MessageKind::Confirmed,
            Notice::Waitlisted => MessageKind::Waitlisted,
            Notice::Promoted { .. } => MessageKind::Promoted,
            Notice::Changed { .. } => MessageKind::Changed,
            Notice::Cancelled { .. } | Notice::Moved { .. } => MessageKind::Cancelled,
            Notice::AlreadyRegistered => MessageKind::AlreadyRegistered,
            Notice::EventChanged => MessageKind::EventChanged,
            Notice::EventCancelled => MessageKind::EventCancelled,
            Notice::Reminder { .. } => MessageKind::Reminder,
            Notice::Announcement { .. } => MessageKind::Announcement,
            Notice::BoothReceived => MessageKind::BoothReceived,
            Notice::BoothDecided { .. } => MessageKind::BoothDecided,
            Notice::EntryReceived => MessageKind::EntryReceived,
            Notice::DeclarationReceived => MessageKind::DeclarationReceived,
            Notice::DeclarationReviewed { .. } => MessageKind::DeclarationReviewed,
            Notice::PartnerRequested { .. } => MessageKind::PartnerRequested,
            Notice::PartnerAnswered { .. } => MessageKind::PartnerAnswered,
            Notice::CertificationReceived => MessageKind::CertificationReceived,
            Notice::CertificationDecided { .. } => MessageKind::CertificationDecided,
            Notice::DispatchReceived => MessageKind::DispatchReceived,
            Notice::DispatchVisit { .. } => MessageKind::DispatchVisit,
            Notice::InternshipOfferReceived => MessageKind::InternshipOfferReceived,
            Notice::InternshipApplied => MessageKind::InternshipApplied,
            Notice::InternshipApplicationArrived { .. } => {
                MessageKind::InternshipApplicationArrived
            }
            Notice::InternshipDecided { .. } => MessageKind::InternshipDecided,
            Notice::AttendanceCheck { .. } => MessageKind::AttendanceCheck,
        }
    }

    /// What tells a registrant how their new registration stands, by its shape: a seat or a
    /// place in line, or — for what is reviewed or has no seats — a receipt. `None` for one
    /// that holds nothing (a duplicate, whose address owners get `AlreadyRegistered`).
    pub fn welcome(shape: Shape, status: SeatState) -> Option<Notice> {
        if !status.is_live() {
            return None;
        }
        Some(match shape {
            Shape::Booth => Notice::BoothReceived,
            Shape::Declaration => Notice::DeclarationReceived,
            Shape::CertificationApplication => Notice::CertificationReceived,
            Shape::CampaignEntry => Notice::EntryReceived,
            Shape::DispatchRequest => Notice::DispatchReceived,
            Shape::InternshipOffer => Notice::InternshipOfferReceived,
            Shape::InternshipApplication => Notice::InternshipApplied,
            Shape::Seats | Shape::StudentVisit => match status {
                SeatState::Waitlisted => Notice::Waitlisted,
                _ => Notice::Confirmed,
            },
        })
    }

    /// The first message of a stored registration (also what "send again" sends).
    pub fn welcome_for(p: &super::Participation) -> Option<Notice> {
        let status = if p.is_duplicate() {
            SeatState::Duplicate
        } else if !p.is_live() {
            SeatState::Cancelled
        } else if p.is_waiting() {
            SeatState::Waitlisted
        } else {
            SeatState::Confirmed
        };
        Notice::welcome(p.shape(), status)
    }

    /// A notice as the outbox stores it: the `message` column (the kind) and the payload.
    /// Rows queued before notices were typed hold a kind code and loose JSON; they are read by
    /// [`Notice::from_legacy`]. `event` tells apart the two reviews the old code shared.
    pub fn from_row(
        message: &str,
        payload: &serde_json::Value,
        event: EventKind,
    ) -> Result<Notice, NoticeError> {
        if payload.get("notice").is_some() {
            return serde_json::from_value(payload.clone())
                .map_err(|e| NoticeError(format!("{message}: {e}")));
        }
        Notice::from_legacy(message, payload, event)
    }

    /// Reads a row written before notices were typed: `(kind, payload)`.
    pub fn from_legacy(
        message: &str,
        payload: &serde_json::Value,
        event: EventKind,
    ) -> Result<Notice, NoticeError> {
        let bad = |what: &str| NoticeError(format!("old {message} row: {what}"));
        let strings = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let titles = |v: &serde_json::Value| -> Option<Titles> {
            Some(Titles {
                ja: v["ja"].as_str()?.to_owned(),
                en: v["en"].as_str()?.to_owned(),
            })
        };
        Ok(match message {
            "confirmed" => Notice::Confirmed,
            "waitlisted" => Notice::Waitlisted,
            "promoted" => Notice::Promoted {
                session: titles(&payload["session"]),
                attendees: Vec::new(),
            },
            "changed" => Notice::Changed {
                dropped_sessions: Vec::new(),
            },
            "cancelled" => {
                let attendees = strings(&payload["attendees"]);
                let to = &payload["moved_to_event"];
                let at = |k: &str| {
                    to[k]
                        .as_str()
                        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                        .map(|t| t.with_timezone(&Utc))
                };
                if let (Some(starts_at), Some(ends_at)) = (at("starts_at"), at("ends_at")) {
                    Notice::Moved {
                        to: MovedTo::Event {
                            title: Titles {
                                ja: to["title_ja"].as_str().unwrap_or_default().to_owned(),
                                en: to["title_en"].as_str().unwrap_or_default().to_owned(),
                            },
                            starts_at,
                            ends_at,
                        },
                        attendees,
                    }
                } else if let Some(line) = titles(&payload["moved_to"]) {
                    Notice::Moved {
                        to: MovedTo::Line(line),
                        attendees,
                    }
                } else {
                    Notice::Cancelled {
                        attendees,
                        all: payload["all"].as_bool().unwrap_or(false),
                    }
                }
            }
            "already_registered" => Notice::AlreadyRegistered,
            "event_changed" => Notice::EventChanged,
            "event_cancelled" => Notice::EventCancelled,
            "reminder" => Notice::Reminder {
                days_before: payload["days_before"]
                    .as_u64()
                    .and_then(|d| u8::try_from(d).ok())
                    .ok_or_else(|| bad("days_before"))?,
            },
            "announcement" => Notice::Announcement {
                announcement_id: payload["announcement_id"]
                    .as_i64()
                    .ok_or_else(|| bad("announcement_id"))?,
            },
            // One kind served both reviews; the event's kind tells which. The note of a
            // returned declaration was read from the database at send time: rows queued
            // before the note travelled with them go without it.
            "reviewed" => {
                let state = payload["state"].as_str().ok_or_else(|| bad("state"))?;
                match (event, state) {
                    (EventKind::JobFair, "approved") => Notice::BoothDecided {
                        decision: BoothDecision::Approved,
                    },
                    (EventKind::JobFair, "declined") => Notice::BoothDecided {
                        decision: BoothDecision::Declined,
                    },
                    (EventKind::Declaration, "approved") => Notice::DeclarationReviewed {
                        decision: DeclarationDecision::Approved,
                        note: None,
                    },
                    (EventKind::Declaration, "returned") => Notice::DeclarationReviewed {
                        decision: DeclarationDecision::Returned,
                        note: None,
                    },
                    _ => return Err(bad(state)),
                }
            }
            other => return Err(bad(&format!("unknown kind {other:?}"))),
        })
    }
}

/// A stored notice that cannot be read: the row is marked failed with this reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable notice: {0}")]
pub struct NoticeError(pub String);

/// What the outbox's payload column holds: the notice, and for an attendee's copy of a
/// message to the contact, whose copy it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    #[serde(flatten)]
    pub notice: Notice,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendee_id: Option<i64>,
}

impl Envelope {
    /// Reads a payload column, typed or from before (see [`Notice::from_row`]).
    pub fn from_row(
        message: &str,
        payload: &serde_json::Value,
        event: EventKind,
    ) -> Result<Envelope, NoticeError> {
        Ok(Envelope {
            notice: Notice::from_row(message, payload, event)?,
            attendee_id: payload["attendee_id"].as_i64(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_notice_keeps_what_it_announces_through_the_outbox() {
        let notices = [
            Notice::Confirmed,
            Notice::Promoted {
                session: Some(Titles {
                    ja: "基調講演".into(),
                    en: "Keynote".into(),
                }),
                attendees: vec!["山田 太郎".into()],
            },
            Notice::Cancelled {
                attendees: vec!["山田 花子".into()],
                all: false,
            },
            Notice::Moved {
                to: MovedTo::Event {
                    title: Titles {
                        ja: "第2回".into(),
                        en: "Second".into(),
                    },
                    starts_at: Utc::now(),
                    ends_at: Utc::now(),
                },
                attendees: vec![],
            },
            Notice::Reminder { days_before: 3 },
            Notice::BoothDecided {
                decision: BoothDecision::Declined,
            },
            Notice::DeclarationReviewed {
                decision: DeclarationDecision::Returned,
                note: Some("時期を書いてください".into()),
            },
            Notice::PartnerAnswered {
                request: PartnerRequestNote {
                    role: super::super::PartnerRole::Backing,
                    organizer: Titles {
                        ja: "東京都".into(),
                        en: "TMG".into(),
                    },
                    partner: Titles {
                        ja: "東京商工会議所".into(),
                        en: "TCCI".into(),
                    },
                    note: Some("後援名義のお願い".into()),
                    by: "山田".into(),
                },
                approved: true,
            },
        ];
        for notice in notices {
            let envelope = Envelope {
                notice: notice.clone(),
                attendee_id: Some(7),
            };
            let stored = serde_json::to_value(&envelope).unwrap();
            assert_eq!(stored["attendee_id"], json!(7));
            let read =
                Envelope::from_row(notice.kind().code(), &stored, EventKind::Seminar).unwrap();
            assert_eq!(read, envelope);
        }
    }

    #[test]
    fn rows_queued_before_notices_were_typed_are_still_read() {
        let row = |kind: &str, payload: serde_json::Value, event: EventKind| {
            Notice::from_row(kind, &payload, event)
        };
        assert_eq!(
            row(
                "reviewed",
                json!({"state": "returned"}),
                EventKind::Declaration
            )
            .unwrap(),
            Notice::DeclarationReviewed {
                decision: DeclarationDecision::Returned,
                note: None
            }
        );
        assert_eq!(
            row("reviewed", json!({"state": "approved"}), EventKind::JobFair).unwrap(),
            Notice::BoothDecided {
                decision: BoothDecision::Approved
            }
        );
        assert!(
            row(
                "reviewed",
                json!({"state": "declined"}),
                EventKind::Declaration
            )
            .is_err()
        );
        assert_eq!(
            row(
                "cancelled",
                json!({"attendees": ["佐藤 一郎"], "all": false, "attendee_id": 4}),
                EventKind::Seminar
            )
            .unwrap(),
            Notice::Cancelled {
                attendees: vec!["佐藤 一郎".into()],
                all: false
            }
        );
        let moved = row(
            "cancelled",
            json!({"attendees": ["佐藤 一郎"], "all": true, "moved_to_event": {
                "title_ja": "第2回", "title_en": "Second",
                "starts_at": "2026-12-03T05:00:00Z", "ends_at": "2026-12-03T07:00:00Z"}}),
            EventKind::Seminar,
        )
        .unwrap();
        assert!(matches!(
            moved,
            Notice::Moved {
                to: MovedTo::Event { .. },
                ..
            }
        ));
        assert_eq!(
            row("reminder", json!({"days_before": 3}), EventKind::Seminar).unwrap(),
            Notice::Reminder { days_before: 3 }
        );
        assert_eq!(
            row(
                "announcement",
                json!({"announcement_id": 12}),
                EventKind::Seminar
            )
            .unwrap(),
            Notice::Announcement {
                announcement_id: 12
            }
        );
        assert_eq!(
            row(
                "promoted",
                json!({"session": {"ja": "基調講演", "en": "Keynote"}}),
                EventKind::Expo
            )
            .unwrap()
            .kind(),
            MessageKind::Promoted
        );
        assert!(row("reminder", json!({}), EventKind::Seminar).is_err());
        assert!(row("telegram", json!({}), EventKind::Seminar).is_err());
        let copy = Envelope::from_row("confirmed", &json!({"attendee_id": 9}), EventKind::Seminar)
            .unwrap();
        assert_eq!(copy.attendee_id, Some(9));
    }

    #[test]
    fn a_booth_or_a_declaration_is_received_not_confirmed() {
        use SeatState::*;
        assert_eq!(
            Notice::welcome(Shape::Booth, Confirmed),
            Some(Notice::BoothReceived)
        );
        assert_eq!(
            Notice::welcome(Shape::Declaration, Confirmed),
            Some(Notice::DeclarationReceived)
        );
        assert_eq!(
            Notice::welcome(Shape::CampaignEntry, Confirmed),
            Some(Notice::EntryReceived)
        );
        assert_eq!(
            Notice::welcome(Shape::Seats, Waitlisted),
            Some(Notice::Waitlisted)
        );
        assert_eq!(
            Notice::welcome(Shape::StudentVisit, Confirmed),
            Some(Notice::Confirmed)
        );
        assert_eq!(Notice::welcome(Shape::Seats, Duplicate), None);
        assert_eq!(Notice::welcome(Shape::Booth, Cancelled), None);
    }
}
