//! uketsuke (reception): event and seminar registration for the Tokyo work-style reform programme
//! run by the Tokyo Metropolitan Government and the Tokyo Chamber of Commerce and Industry.
pub mod app;
pub mod calendar;
pub mod config;
pub mod domain;
pub mod error;
pub mod http;
pub mod i18n;
pub mod mail;
pub mod services;
pub mod store;
