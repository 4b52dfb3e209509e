//! Where messages go: `.eml` files (the embedded default) or an SMTP server.
//!
//! SMTP runs over lettre's connection, on a socket we open ourselves so that it can have
//! `TCP_NODELAY`: lettre (0.11.23) writes a message body and its closing `.` separately, and
//! with Nagle on, each message then waits out the server's 40 ms delayed ACK (lettre PR #1159,
//! not yet released). One connection per worker, reused while it works.
use crate::config::{MailSettings, MailTransport, SmtpSecurity};
use anyhow::Context;
use lettre::Message;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

pub enum Transport {
    File(PathBuf),
    Smtp(Box<Smtp>),
}

/// Why a message did not go out: worth trying again, or not.
#[derive(Debug)]
pub enum SendError {
    Transient(String),
    Permanent(String),
}

pub struct Smtp {
    host: String,
    port: u16,
    security: SmtpSecurity,
    credentials: Option<Credentials>,
    timeout: Duration,
    hello: ClientId,
    /// The open connection and when it was last used.
    connection: Mutex<Option<(AsyncSmtpConnection, Instant)>>,
}

/// A connection idle longer than this is closed and opened afresh rather than trusted:
/// servers drop idle clients after a few minutes.
const MAX_IDLE: Duration = Duration::from_secs(30);

impl Transport {
    pub fn from_settings(settings: &MailSettings, password: Option<&str>) -> anyhow::Result<Self> {
        match settings.transport {
            MailTransport::File => Ok(Transport::File(PathBuf::from(&settings.file_dir))),
            MailTransport::Smtp => {
                let credentials = if settings.smtp_username.is_empty() {
                    None
                } else {
                    let password = password.context(
                        "mail.smtp_username is set but UKETSUKE__SECRETS__SMTP_PASSWORD is not",
                    )?;
                    Some(Credentials::new(
                        settings.smtp_username.clone(),
                        password.to_owned(),
                    ))
                };
                if settings.smtp_security != SmtpSecurity::None {
                    // Fail at start, not at the first message, on a host TLS cannot use.
                    TlsParameters::new(settings.smtp_host.clone())
                        .with_context(|| format!("SMTP host {}", settings.smtp_host))?;
                }
                Ok(Transport::Smtp(Box::new(Smtp {
                    host: settings.smtp_host.clone(),
                    port: settings.smtp_port,
                    security: settings.smtp_security,
                    credentials,
                    timeout: Duration::from_secs(settings.smtp_timeout_secs),
                    hello: ClientId::default(),
                    connection: Mutex::new(None),
                })))
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
            Transport::Smtp(smtp) => smtp.send(message).await,
        }
    }
}

impl Smtp {
    async fn send(&self, message: &Message) -> Result<(), SendError> {
        let mut slot = self.connection.lock().await;
        let reused = match slot.take() {
            Some((conn, used)) if used.elapsed() < MAX_IDLE && !conn.has_broken() => Some(conn),
            Some((mut conn, _)) => {
                conn.abort().await;
                None
            }
            None => None,
        };
        let was_reused = reused.is_some();
        let mut conn = match reused {
            Some(conn) => conn,
            None => self.connect().await?,
        };
        let envelope = message.envelope();
        let body = message.formatted();
        let mut result = self.deliver(&mut conn, envelope, &body).await;
        // A reused connection the server closed meanwhile is not the message's fault: try
        // once more on a fresh one.
        if was_reused && matches!(result, Err(SendError::Transient(_))) {
            conn.abort().await;
            conn = self.connect().await?;
            result = self.deliver(&mut conn, envelope, &body).await;
        }
        match result {
            Ok(()) => {
                *slot = Some((conn, Instant::now()));
                Ok(())
            }
            Err(e) => {
                // After a refusal the session state is unclear; the next message starts clean.
                conn.abort().await;
                Err(e)
            }
        }
    }

    async fn deliver(
        &self,
        conn: &mut AsyncSmtpConnection,
        envelope: &lettre::address::Envelope,
        body: &[u8],
    ) -> Result<(), SendError> {
        tokio::time::timeout(self.timeout, conn.send(envelope, body))
            .await
            .map_err(|_| timed_out())?
            .map(drop)
            .map_err(classify)
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, SendError> {
        let tls = || TlsParameters::new(self.host.clone()).map_err(classify);
        let mut conn = match self.security {
            // Implicit TLS goes through lettre's own socket (Nagle on): it does not take an
            // encrypted stream from outside.
            SmtpSecurity::Tls => AsyncSmtpConnection::connect_tokio1(
                (self.host.as_str(), self.port),
                Some(self.timeout),
                &self.hello,
                Some(tls()?),
                None,
            )
            .await
            .map_err(classify)?,
            SmtpSecurity::None | SmtpSecurity::Starttls => {
                let connect = tokio::net::TcpStream::connect((self.host.as_str(), self.port));
                let socket = tokio::time::timeout(self.timeout, connect)
                    .await
                    .map_err(|_| timed_out())?
                    .map_err(|e| {
                        SendError::Transient(format!(
                            "cannot connect to {}:{}: {e}",
                            self.host, self.port
                        ))
                    })?;
                socket
                    .set_nodelay(true)
                    .map_err(|e| SendError::Transient(e.to_string()))?;
                let greeting =
                    AsyncSmtpConnection::connect_with_transport(Box::new(socket), &self.hello);
                let mut conn = tokio::time::timeout(self.timeout, greeting)
                    .await
                    .map_err(|_| timed_out())?
                    .map_err(classify)?;
                if self.security == SmtpSecurity::Starttls {
                    conn.starttls(tls()?, &self.hello).await.map_err(classify)?;
                }
                conn
            }
        };
        if let Some(credentials) = &self.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .await
                .map_err(classify)?;
        }
        Ok(conn)
    }
}

/// A 5xx reply will not change by asking again; anything else might.
fn classify(e: lettre::transport::smtp::Error) -> SendError {
    if e.is_permanent() {
        SendError::Permanent(e.to_string())
    } else {
        SendError::Transient(e.to_string())
    }
}

fn timed_out() -> SendError {
    SendError::Transient("the SMTP server did not answer in time".to_owned())
}
