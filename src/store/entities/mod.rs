//! sea-orm entities: the tables as they are stored. Codes of domain enums are kept as strings
//! and parsed back into domain types in the store functions.
pub mod announcement;
pub mod api_token;
pub mod attendee;
pub mod audit_log;
pub mod booth_interest;
pub mod campaign_entry;
pub mod declaration;
pub mod event;
pub mod event_partner;
pub mod event_question;
pub mod event_reminder;
pub mod event_session;
pub mod exhibitor_profile;
pub mod internship_application;
pub mod internship_offer;
pub mod job_fair;
pub mod login_throttle;
pub mod organization;
pub mod outbox;
pub mod registration;
pub mod registration_session;
pub mod session;
pub mod session_checkin;
pub mod student_profile;
pub mod user;
