//! Pure types and rules of the programme: no I/O, no tables, no HTTP.
//! Once you hold one of these types, it is valid.

#[macro_use]
mod labelled;
pub mod announcement;
pub mod attendance_answer;
pub mod campaign;
pub mod certification;
pub mod company;
pub mod declaration;
pub mod dispatch;
pub mod event;
pub mod fiscal_year;
pub mod internship;
pub mod job_fair;
pub mod jst;
pub mod language;
pub mod normalize;
pub mod notice;
pub mod organization;
pub mod participation;
pub mod partner;
pub mod question;
pub mod registration;
pub mod reminder_days;
pub mod session;
pub mod shape;
pub mod text;
pub mod user;
pub mod validation;
pub mod walk_in;

pub use attendance_answer::AttendanceAnswer;
pub use campaign::{CampaignAction, CampaignEntry, CampaignInput};
pub use certification::{
    Application, ApplicationInput, ApplicationRecord, Call, CallInput, Category, CategoryChoice,
    CategoryInput, CertificationState, Document, DocumentMeta, DocumentType, Score, Upload,
};
pub use company::{
    Address, CorporateNumber, Country, EmployeeBand, Industry, Kana, PhoneNumber, PostalCode,
    Prefecture, RegistrantKind, SchoolType, formatted_phone,
};
pub use declaration::{
    Commitment, Declaration, DeclarationInput, DeclarationRecord, DeclarationState,
};
pub use dispatch::{
    AssignedExpert, DispatchInput, DispatchRecord, DispatchRequest, DispatchState, DispatchTheme,
    Expert, ExpertInput, ExpertSpec, Visit, VisitInput, VisitMode, VisitPlan, VisitState,
};
pub use event::{
    Capacity, Event, EventFormat, EventInput, EventKind, EventSpec, EventStatus, Languages,
    ProgrammeArea, Slug, Venue,
};
pub use fiscal_year::FiscalYear;
pub use internship::{
    ApplicationState, InternshipApplication, InternshipApplicationInput, InternshipOffer,
    OfferInput, OfferState,
};
pub use job_fair::{
    BoothLanguage, ExhibitorInput, ExhibitorProfile, JapaneseLevel, StudentInput, StudentProfile,
};
pub use labelled::Labelled;
pub use language::Language;
pub use notice::{
    Applicant, BoothDecision, DeclarationDecision, Envelope, InternshipDecision, MessageKind,
    MovedTo, Notice, Titles, VisitChange, VisitNotice,
};
pub use organization::{OrgCode, Organization, OrganizationKind};
pub use participation::{BoothState, EntryState, Participation};
pub use partner::{Partner, PartnerNote, PartnerRole, PartnerState};
pub use question::{
    Answer, Answers, Question, QuestionInput, QuestionKind, QuestionOption, QuestionSpec,
};
pub use registration::{
    Attendee, AttendeeStatus, Audience, Business, CompanyRecord, ContactRecord, HeardVia, PartSpec,
    Person, Registration, RegistrationInput, RegistrationRules, RegistrationSpec, SeatState,
};
pub use reminder_days::ReminderDays;
pub use session::{EventSession, Pick, PickStatus, SessionAttendance, SessionInput, SessionSpec};
pub use shape::Shape;
pub use text::Bilingual;
pub use user::{Email, Principal, UserRole};
pub use validation::{FieldError, ValidationErrors};
pub use walk_in::{WalkIn, WalkInInput};
