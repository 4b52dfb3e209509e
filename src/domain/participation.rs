//! How a registration takes part, in its own shape's terms. A booth under review is not
//! "confirmed", a campaign entry has no seats and a declaration has no time: each shape has
//! its own states and transitions, and a state that cannot happen cannot be written.
use super::{
    ApplicationRecord, ApplicationState, CampaignEntry, CertificationState, DeclarationRecord,
    DeclarationState, DispatchRecord, DispatchState, ExhibitorProfile, InternshipApplication,
    InternshipOffer, Labelled, OfferState, SeatState, Shape,
};
use serde::Serialize;

labelled_enum! {
    /// Where a booth application stands.
    pub enum BoothState {
        UnderReview = "under_review" => "label-booth-state-under-review";
        Approved = "approved" => "label-booth-state-approved";
        Declined = "declined" => "label-booth-state-declined";
        Withdrawn = "withdrawn" => "label-booth-state-withdrawn";
    }
}

labelled_enum! {
    /// Where a campaign entry stands: a company joins, and may withdraw.
    pub enum EntryState {
        Joined = "joined" => "label-entry-state-joined";
        Withdrawn = "withdrawn" => "label-entry-state-withdrawn";
    }
}

impl BoothState {
    /// The organizer's decisions that apply: an application under review is approved or
    /// declined; a decision may be reversed; a withdrawn one is final.
    pub fn can_become(self, next: BoothState) -> bool {
        use BoothState::*;
        matches!(
            (self, next),
            (UnderReview, Approved | Declined) | (Approved, Declined) | (Declined, Approved)
        )
    }
}

impl DeclarationState {
    /// The organizer approves what is under review, or returns it (also after approval, when
    /// it no longer holds); a returned declaration comes back only when the company changes
    /// it. Withdrawn is final.
    pub fn can_become(self, next: DeclarationState) -> bool {
        use DeclarationState::*;
        matches!(
            (self, next),
            (UnderReview, Approved | Returned) | (Approved, Returned) | (Returned, UnderReview)
        )
    }
}

/// A registration's part in its event: one variant per [`Shape`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum Participation {
    /// Seats at a seminar, an EXPO or a consultation slot: held when confirmed, wanted when
    /// waiting.
    Seats { state: SeatState, seats: u32 },
    /// A student's visit to a job fair: one seat.
    StudentVisit { state: SeatState, seats: u32 },
    /// A company's booth application.
    Booth {
        state: BoothState,
        profile: ExhibitorProfile,
    },
    /// A company's campaign entry: what it does and when; no seats, no time, no meeting.
    CampaignEntry {
        state: EntryState,
        entry: CampaignEntry,
    },
    /// A company's declaration and its review.
    Declaration(DeclarationRecord),
    /// A company's application for certification: its categories, measures, documents and
    /// the decision per category.
    CertificationApplication {
        state: CertificationState,
        application: ApplicationRecord,
    },
    /// A company's request for an expert's visits, with the expert and the visits.
    DispatchRequest {
        state: DispatchState,
        request: DispatchRecord,
    },
    /// A host company's internship offer; `accepted` of its places are taken.
    InternshipOffer {
        state: OfferState,
        offer: InternshipOffer,
        accepted: u32,
    },
    /// A student's application to one offer, and the host's decision.
    InternshipApplication {
        state: ApplicationState,
        application: InternshipApplication,
    },
}

impl Participation {
    pub fn shape(&self) -> Shape {
        match self {
            Participation::Seats { .. } => Shape::Seats,
            Participation::StudentVisit { .. } => Shape::StudentVisit,
            Participation::Booth { .. } => Shape::Booth,
            Participation::CampaignEntry { .. } => Shape::CampaignEntry,
            Participation::Declaration { .. } => Shape::Declaration,
            Participation::CertificationApplication { .. } => Shape::CertificationApplication,
            Participation::DispatchRequest { .. } => Shape::DispatchRequest,
            Participation::InternshipOffer { .. } => Shape::InternshipOffer,
            Participation::InternshipApplication { .. } => Shape::InternshipApplication,
        }
    }

    /// The state's code as the API gives it (`confirmed`, `under_review`, `returned`, …).
    pub fn state_code(&self) -> &'static str {
        match self {
            Participation::Seats { state, .. } | Participation::StudentVisit { state, .. } => {
                state.code()
            }
            Participation::Booth { state, .. } => state.code(),
            Participation::CampaignEntry { state, .. } => state.code(),
            Participation::Declaration(d) => d.state.code(),
            Participation::CertificationApplication { state, .. } => state.code(),
            Participation::DispatchRequest { state, .. } => state.code(),
            Participation::InternshipOffer { state, .. } => state.code(),
            Participation::InternshipApplication { state, .. } => state.code(),
        }
    }

    /// The seat state, for shapes that take seats.
    pub fn seat_state(&self) -> Option<SeatState> {
        match self {
            Participation::Seats { state, .. } | Participation::StudentVisit { state, .. } => {
                Some(*state)
            }
            _ => None,
        }
    }

    /// Seats held (confirmed) or wanted (waiting); 0 for shapes without seats.
    pub fn seats(&self) -> u32 {
        match self {
            Participation::Seats { seats, .. } | Participation::StudentVisit { seats, .. } => {
                *seats
            }
            _ => 0,
        }
    }

    /// It still stands: not withdrawn or cancelled, and not a mere duplicate. What company
    /// limits, once-per-company checks and the organizer's actions look at.
    pub fn is_live(&self) -> bool {
        match self {
            Participation::Seats { state, .. } | Participation::StudentVisit { state, .. } => {
                state.is_live()
            }
            Participation::Booth { state, .. } => *state != BoothState::Withdrawn,
            Participation::CampaignEntry { state, .. } => *state == EntryState::Joined,
            Participation::Declaration(d) => d.state != DeclarationState::Withdrawn,
            Participation::CertificationApplication { state, .. } => {
                *state != CertificationState::Withdrawn
            }
            Participation::DispatchRequest { state, .. } => *state != DispatchState::Withdrawn,
            Participation::InternshipOffer { state, .. } => *state != OfferState::Withdrawn,
            Participation::InternshipApplication { state, .. } => {
                *state != ApplicationState::Withdrawn
            }
        }
    }

    /// Withdrawn by the registrant or the organizer (a cancelled seat registration too).
    pub fn is_withdrawn(&self) -> bool {
        !self.is_live() && !self.is_duplicate()
    }

    /// Nothing but people registered already by an earlier registration: it holds nothing.
    pub fn is_duplicate(&self) -> bool {
        self.seat_state() == Some(SeatState::Duplicate)
    }

    /// It holds confirmed seats: the door, the invitation and the meeting link are for these.
    pub fn holds_seats(&self) -> bool {
        self.seat_state() == Some(SeatState::Confirmed)
    }

    /// It waits for seats.
    pub fn is_waiting(&self) -> bool {
        self.seat_state() == Some(SeatState::Waitlisted)
    }

    /// The company or person takes part as things stand: confirmed seats, an approved booth,
    /// a joined campaign, an approved declaration. What reports count as taking part; under
    /// review, declined, waiting and withdrawn never do.
    pub fn takes_part(&self) -> bool {
        match self {
            Participation::Seats { state, .. } | Participation::StudentVisit { state, .. } => {
                *state == SeatState::Confirmed
            }
            Participation::Booth { state, .. } => *state == BoothState::Approved,
            Participation::CampaignEntry { state, .. } => *state == EntryState::Joined,
            Participation::Declaration(d) => d.state == DeclarationState::Approved,
            Participation::CertificationApplication { state, .. } => {
                *state == CertificationState::Certified
            }
            // A request takes part once it is answered with an expert.
            Participation::DispatchRequest { state, .. } => {
                matches!(state, DispatchState::Assigned | DispatchState::Closed)
            }
            // A host company takes part with an offer that stands; a student once accepted.
            Participation::InternshipOffer { state, .. } => *state != OfferState::Withdrawn,
            Participation::InternshipApplication { state, .. } => {
                *state == ApplicationState::Accepted
            }
        }
    }

    /// Whether a calendar entry exists for it: only what happens at a time, and only once it
    /// stands (a booth once approved).
    pub fn has_calendar_entry(&self) -> bool {
        self.shape().has_time()
            && match self {
                Participation::Booth { state, .. } => *state == BoothState::Approved,
                other => other.holds_seats(),
            }
    }

    /// Whether the registrant gets the meeting link: confirmed seats only (a booth's staff
    /// hear from the organizer; campaigns and declarations have no meeting).
    pub fn gets_meeting_link(&self) -> bool {
        self.holds_seats()
    }

    pub fn campaign_entry(&self) -> Option<&CampaignEntry> {
        match self {
            Participation::CampaignEntry { entry, .. } => Some(entry),
            _ => None,
        }
    }

    pub fn declaration(&self) -> Option<&DeclarationRecord> {
        match self {
            Participation::Declaration(d) => Some(d),
            _ => None,
        }
    }

    pub fn certification(&self) -> Option<(CertificationState, &ApplicationRecord)> {
        match self {
            Participation::CertificationApplication { state, application } => {
                Some((*state, application))
            }
            _ => None,
        }
    }
    /// A host company's offer, its state and the places taken.
    pub fn internship_offer(&self) -> Option<(OfferState, &InternshipOffer, u32)> {
        match self {
            Participation::InternshipOffer {
                state,
                offer,
                accepted,
            } => Some((*state, offer, *accepted)),
            _ => None,
        }
    }

    /// A student's application and where it stands.
    pub fn internship_application(&self) -> Option<(ApplicationState, &InternshipApplication)> {
        match self {
            Participation::InternshipApplication { state, application } => {
                Some((*state, application))
            }
            _ => None,
        }
    }

    pub fn dispatch(&self) -> Option<(DispatchState, &DispatchRecord)> {
        match self {
            Participation::DispatchRequest { state, request } => Some((*state, request)),
            _ => None,
        }
    }

    pub fn booth(&self) -> Option<(BoothState, &ExhibitorProfile)> {
        match self {
            Participation::Booth { state, profile } => Some((*state, profile)),
            _ => None,
        }
    }
}

/// The label of its state: `lang.label(&registration.participation)`.
impl Labelled for Participation {
    fn label_id(&self) -> &'static str {
        match self {
            Participation::Seats { state, .. } | Participation::StudentVisit { state, .. } => {
                state.label_id()
            }
            Participation::Booth { state, .. } => state.label_id(),
            Participation::CampaignEntry { state, .. } => state.label_id(),
            Participation::Declaration(d) => d.state.label_id(),
            Participation::CertificationApplication { state, .. } => state.label_id(),
            Participation::DispatchRequest { state, .. } => state.label_id(),
            Participation::InternshipOffer { state, .. } => state.label_id(),
            Participation::InternshipApplication { state, .. } => state.label_id(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn booth(state: BoothState) -> Participation {
        Participation::Booth {
            state,
            profile: ExhibitorProfile {
                staff_count: 2,
                languages: Vec::new(),
                positions: "x".into(),
                visa_support: true,
                hiring_fields: None,
            },
        }
    }

    #[test]
    fn nothing_is_approved_twice_and_withdrawn_is_final() {
        assert!(!BoothState::Approved.can_become(BoothState::Approved));
        assert!(BoothState::UnderReview.can_become(BoothState::Approved));
        assert!(!BoothState::Withdrawn.can_become(BoothState::Approved));
        assert!(!DeclarationState::Approved.can_become(DeclarationState::Approved));
        assert!(!DeclarationState::Returned.can_become(DeclarationState::Approved));
        assert!(DeclarationState::Returned.can_become(DeclarationState::UnderReview));
    }

    #[test]
    fn only_an_approved_booth_takes_part_and_goes_into_a_calendar() {
        for (state, part) in [
            (BoothState::UnderReview, false),
            (BoothState::Approved, true),
            (BoothState::Declined, false),
            (BoothState::Withdrawn, false),
        ] {
            let b = booth(state);
            assert_eq!(b.takes_part(), part, "{state:?}");
            assert_eq!(b.has_calendar_entry(), part, "{state:?}");
            assert!(!b.holds_seats() && !b.gets_meeting_link());
            assert_eq!(b.seats(), 0);
        }
        assert_eq!(booth(BoothState::UnderReview).state_code(), "under_review");
    }
}
