//! The shape a registration takes. Not every programme is a seminar: a company applies for a
//! booth, enters a campaign or makes a declaration; a student visits a job fair. Each shape
//! has its own states (see [`super::Participation`]) and decides, here and nowhere else, what
//! it has: seats, a time to put in a calendar, a meeting to join, a review.
use super::EventKind;

labelled_enum! {
    /// What taking part in an event means.
    pub enum Shape {
        /// Seats at a seminar, an EXPO (with sessions per attendee) or a consultation slot.
        Seats = "seats" => "label-shape-seats";
        /// A company's application for a booth at a job fair, reviewed by the organizer.
        Booth = "booth" => "label-shape-booth";
        /// A student's visit to a job fair: a seat, with a profile.
        StudentVisit = "student_visit" => "label-shape-student-visit";
        /// A company's entry in a campaign: a period and actions, no seats, no time, no meeting.
        CampaignEntry = "campaign_entry" => "label-shape-campaign-entry";
        /// A company's declaration, reviewed by the organizer, returned and resubmitted.
        Declaration = "declaration" => "label-shape-declaration";
        /// A company's application for certification, scored and decided per category.
        CertificationApplication = "certification" => "label-shape-certification-application";
        /// A company's request for an expert's visits: assigned, scheduled, recorded.
        DispatchRequest = "dispatch_request" => "label-shape-dispatch-request";
        /// A host company's internship offer: a period, tasks and places; no seats, no time.
        InternshipOffer = "internship_offer" => "label-shape-internship-offer";
        /// A student's application to one internship offer, decided by the host company.
        InternshipApplication = "internship_application" => "label-shape-internship-application";
    }
}

impl Shape {
    /// The shape of a registration for an event of `kind`; at a job fair a company applies
    /// for a booth (`exhibitor`) and everyone else visits.
    pub fn of(kind: EventKind, exhibitor: bool) -> Shape {
        match kind {
            EventKind::JobFair if exhibitor => Shape::Booth,
            EventKind::JobFair => Shape::StudentVisit,
            EventKind::Campaign => Shape::CampaignEntry,
            EventKind::Declaration => Shape::Declaration,
            EventKind::Certification => Shape::CertificationApplication,
            EventKind::ExpertDispatch => Shape::DispatchRequest,
            EventKind::Internship if exhibitor => Shape::InternshipOffer,
            EventKind::Internship => Shape::InternshipApplication,
            _ => Shape::Seats,
        }
    }

    /// The shapes an event of `kind` takes registrations in.
    pub fn all_of(kind: EventKind) -> &'static [Shape] {
        match kind {
            EventKind::JobFair => &[Shape::Booth, Shape::StudentVisit],
            EventKind::Campaign => &[Shape::CampaignEntry],
            EventKind::Declaration => &[Shape::Declaration],
            EventKind::Certification => &[Shape::CertificationApplication],
            EventKind::ExpertDispatch => &[Shape::DispatchRequest],
            EventKind::Internship => &[Shape::InternshipOffer, Shape::InternshipApplication],
            _ => &[Shape::Seats],
        }
    }

    /// Whether an event of `kind` takes registrations of this shape.
    pub fn taken_by(self, kind: EventKind) -> bool {
        Shape::all_of(kind).contains(&self)
    }

    /// Whether an event of `kind` happens at a time for someone: reminders, calendar files,
    /// times in a visitor's zone. Not a campaign or a declaration scheme.
    pub fn timed(kind: EventKind) -> bool {
        Shape::all_of(kind).iter().any(|s| s.has_time())
    }

    /// Whether an event of `kind` has seats: seat counts, the door, the sign-in sheet,
    /// sessions.
    pub fn seated(kind: EventKind) -> bool {
        Shape::all_of(kind).iter().any(|s| s.takes_seats())
    }

    /// Whether it takes seats out of the event's capacity (and may wait for one).
    pub fn takes_seats(self) -> bool {
        matches!(self, Shape::Seats | Shape::StudentVisit)
    }

    /// Whether it names attendees (people who come), rather than the company alone.
    pub fn has_attendees(self) -> bool {
        self.takes_seats()
    }

    /// Whether it happens at a time: then a calendar file and reminders exist. A campaign
    /// runs for months and a declaration is a standing commitment: neither blocks a calendar.
    /// A dispatch request has no one time either: each of its visits has its own calendar
    /// entry, sent with the visit.
    pub fn has_time(self) -> bool {
        matches!(self, Shape::Seats | Shape::StudentVisit | Shape::Booth)
    }

    /// Whether someone decides on it before it takes part: the organizer (a booth, a
    /// declaration) or the host company (an internship application).
    pub fn is_reviewed(self) -> bool {
        matches!(
            self,
            Shape::Booth
                | Shape::Declaration
                | Shape::CertificationApplication
                | Shape::InternshipApplication
        )
    }

    /// The company's own: one live registration per corporate number.
    pub fn once_per_company(self) -> bool {
        matches!(
            self,
            Shape::Booth
                | Shape::CampaignEntry
                | Shape::Declaration
                | Shape::CertificationApplication
                | Shape::DispatchRequest
                | Shape::InternshipOffer
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_things_with_a_time_go_into_a_calendar() {
        for kind in EventKind::ALL {
            for &shape in Shape::all_of(*kind) {
                assert_eq!(
                    shape.has_time(),
                    !matches!(
                        *kind,
                        EventKind::Campaign
                            | EventKind::Declaration
                            | EventKind::Certification
                            | EventKind::ExpertDispatch
                            | EventKind::Internship
                    ),
                    "{kind:?} {shape:?}"
                );
                assert!(!(shape.takes_seats() && shape.is_reviewed()));
            }
        }
    }
}
