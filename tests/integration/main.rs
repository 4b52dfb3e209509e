//! Integration tests: each test starts the real app on port 0 with a database of its own
//! (a temporary SQLite file, or a fresh PostgreSQL database when UKETSUKE_TEST_POSTGRES_URL is
//! set) and talks HTTP to it. One binary keeps linking cheap.
mod helpers;
mod hostile_input;
mod internships;
mod job_fairs;
mod text_properties;

mod administration;
mod api_events;
mod api_partners;
mod backoffice;
mod browser;
mod caldav;
mod campaigns;
mod certification;
mod chromium;
mod cli;
mod concurrency;
mod crash;
mod database;
mod declarations;
mod door_and_moves;
mod duplicates;
mod email_snapshots;
mod expert_dispatch;
mod exports;
mod lockout;
mod mail;
mod notices;
mod online_joins;
mod openapi;
mod org_tools;
mod publicity;
mod rate_limits;
mod registrants;
mod registrations_api;
mod retention;
pub(crate) mod scale_out;
mod security;
mod sessions;
mod shapes;
mod smtp;
mod time_zones;
mod timing;
mod web_pages;
mod web_registration;
