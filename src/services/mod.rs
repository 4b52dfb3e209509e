//! Use cases. Each function takes domain types, owns its transaction, and returns domain
//! types or an [`AppError`](crate::error::AppError). Handlers call exactly one of these.
pub mod accounts;
pub mod administration;
pub mod announcements;
pub mod backoffice;
pub mod campaigns;
pub mod catalogue;
pub mod certification;
pub mod declarations;
pub mod demo;
pub mod dispatch;
pub mod doctor;
pub mod events;
pub mod internships;
pub mod job_fairs;
pub mod joins;
pub mod links;
pub mod notices;
pub mod partners;
pub mod publicity;
pub mod questions;
pub mod registrations;
pub mod reminders;
pub mod reports;
pub mod retention;
pub mod sessions;
pub mod staff;
