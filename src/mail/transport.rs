//! Where messages go: `.eml` files (the embedded default) or an SMTP server.
use crate::config::{MailSettings, MailTransport, SmtpSecurity};
use anyhow::Context;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

pub enum Transport {
    File(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// Why a message did not go out: worth trying again, or not.
#[derive(Debug)]
pub enum SendError {
    Transient(String),
    Permanent(String),
}

impl Transport {
    pub fn from_settings(settings: &MailSettings, password: Option<&str>) -> anyhow::Result<Self> {
        match settings.transport {
            MailTransport::File => Ok(Transport::File(PathBuf::from(&settings.file_dir))),
            MailTransport::Smtp => {
                let host = settings.smtp_host.as_str();
                let builder = match settings.smtp_security {
                    SmtpSecurity::None => {
                        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                    }
                    SmtpSecurity::Starttls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                            .with_context(|| format!("SMTP host {host}"))?
                    }
                    SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                        .with_context(|| format!("SMTP host {host}"))?,
                };
                let mut builder =
                    builder
                        .port(settings.smtp_port)
                        .timeout(Some(std::time::Duration::from_secs(
                            settings.smtp_timeout_secs,
                        )));
                if !settings.smtp_username.is_empty() {
                    let password = password.context(
                        "mail.smtp_username is set but UKETSUKE__SECRETS__SMTP_PASSWORD is not",
                    )?;
                    builder = builder.credentials(Credentials::new(
                        settings.smtp_username.clone(),
                        password.to_owned(),
                    ));
                }
                Ok(Transport::Smtp(builder.build()))
            }
        }
    }

    pub async fn send(&self, message: &Message, name: &str) -> Result<(), SendError> {
        match self {
            Transport::File(dir) => {
                tokio::fs::create_dir_all(dir).await.map_err(|e| {
                    SendError::Transient(format!("cannot create {}: {e}", dir.display()))
                })?;
                let path = dir.join(format!("{name}.eml"));
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| {
                        SendError::Transient(format!("cannot write {}: {e}", path.display()))
                    })
            }
            Transport::Smtp(smtp) => smtp.send(message.clone()).await.map(drop).map_err(|e| {
                // A 5xx reply will not change by asking again; anything else might.
                if e.is_permanent() {
                    SendError::Permanent(e.to_string())
                } else {
                    SendError::Transient(e.to_string())
                }
            }),
        }
    }
}
