//! Settings: `config/default.toml`, then `config/{UKETSUKE_ENV}.toml`, then environment
//! variables `UKETSUKE__SECTION__KEY`. The files are compiled in too, so the binary runs
//! where no `config/` directory exists; a file on disk wins over the compiled-in copy.
mod secret_strength;

use anyhow::{Context, bail};
use secret_strength::{MIN_SECRET_BITS, estimated_bits};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Test,
    Production,
}

impl Environment {
    pub fn from_env() -> anyhow::Result<Self> {
        match std::env::var("UKETSUKE_ENV").as_deref() {
            Err(_) | Ok("") | Ok("development") => Ok(Environment::Development),
            Ok("test") => Ok(Environment::Test),
            Ok("production") => Ok(Environment::Production),
            Ok(other) => {
                bail!("UKETSUKE_ENV must be development, test or production, not {other:?}")
            }
        }
    }

    fn name(self) -> &'static str {
        match self {
            Environment::Development => "development",
            Environment::Test => "test",
            Environment::Production => "production",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    #[serde(skip_deserializing, default = "default_env")]
    pub env: Environment,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub secrets: Secrets,
    pub log: LogSettings,
    pub mail: MailSettings,
    #[serde(default)]
    pub limits: LimitSettings,
}

/// Requests per client address and minute on the doors people knock on: registering, signing
/// in, and manage links (whose tokens must not be guessed by trying).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct LimitSettings {
    pub enabled: bool,
    pub registration_per_minute: u32,
    pub login_per_minute: u32,
    pub manage_per_minute: u32,
    /// Behind a proxy that appends the client's address to `X-Forwarded-For`, count by that
    /// address (the last one, the only one the proxy vouches for); otherwise by the socket's.
    pub trust_forwarded_for: bool,
}

impl Default for LimitSettings {
    fn default() -> Self {
        LimitSettings {
            enabled: true,
            registration_per_minute: 30,
            login_per_minute: 10,
            manage_per_minute: 120,
            trust_forwarded_for: false,
        }
    }
}

fn default_env() -> Environment {
    Environment::Development
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub bind: String,
    /// `public_url` as configured (a file or `UKETSUKE__SERVER__PUBLIC_URL`); `None` when
    /// nobody set it, and then the address the server listens on stands in (see
    /// [`ServerSettings::listening_on`]).
    #[serde(rename = "public_url", default)]
    pub configured_public_url: Option<String>,
    /// The address people reach uketsuke at, for links in emails and calendar files: the
    /// configured one, or else `http://` and the listening address.
    #[serde(skip)]
    pub public_url: String,
    /// How long in-flight requests may take to finish after SIGTERM.
    pub shutdown_timeout_secs: u64,
}

impl ServerSettings {
    /// The server listens on `addr` now (after `--bind`, or on the port the system gave for
    /// port 0): unless a public URL was configured, links point there.
    pub fn listening_on(&mut self, addr: std::net::SocketAddr) {
        if self.configured_public_url.is_none() {
            self.public_url = url_for_socket(addr);
        }
    }
}

/// `http://` and the address a browser on this machine reaches a listener on: the host as
/// bound, except that an unspecified address (`0.0.0.0`, `::`), which no browser can open,
/// becomes `localhost`.
pub fn url_for_socket(addr: std::net::SocketAddr) -> String {
    if addr.ip().is_unspecified() {
        format!("http://localhost:{}", addr.port())
    } else {
        format!("http://{addr}")
    }
}

/// [`url_for_socket`] for a `bind` setting, which may also name a host (`localhost:8080`).
fn url_for_bind(bind: &str) -> String {
    match bind.parse::<std::net::SocketAddr>() {
        Ok(addr) => url_for_socket(addr),
        Err(_) => format!("http://{}", bind.trim()),
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    /// `sqlite://var/uketsuke.db?mode=rwc` or `postgres://user@host:5432/db`.
    pub url: String,
    pub max_connections: u32,
    pub connect_timeout_secs: u64,
    /// SQLite `PRAGMA synchronous`: FULL keeps an acknowledged registration across a power
    /// cut; NORMAL is faster and may lose the last commits.
    pub sqlite_synchronous: SqliteSynchronous,
    pub sqlite_busy_timeout_ms: u64,
    pub migrate_on_start: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum SqliteSynchronous {
    Off,
    Normal,
    Full,
    Extra,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Secrets {
    /// Signs session cookies. At least 32 characters; from the environment in production.
    pub session_key: String,
    /// Keys the CSRF tokens of web forms. At least 32 characters.
    pub csrf_key: String,
    /// Seals the tokens of manage links so emails can repeat them. Changing it breaks the
    /// links in emails already sent.
    pub link_key: String,
    pub smtp_password: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MailSettings {
    pub transport: MailTransport,
    pub file_dir: String,
    pub from_address: String,
    pub from_name: String,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_security: SmtpSecurity,
    pub smtp_username: String,
    pub smtp_timeout_secs: u64,
    pub worker_in_serve: bool,
    pub poll_interval_ms: u64,
    pub batch_size: u64,
    pub max_attempts: i32,
    pub retry_base_secs: u64,
    pub retry_max_secs: u64,
    pub lease_secs: u64,
    /// How often a worker queues due reminders and prunes old rows.
    pub housekeeping_secs: u64,
    /// Delivered and failed messages are kept this long as a log, then deleted.
    pub retention_days: u32,
    /// `/readyz` answers 503 once a due message has waited this long: no worker is delivering.
    pub stall_secs: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransport {
    File,
    Smtp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    None,
    Starttls,
    Tls,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LogSettings {
    /// A tracing filter, e.g. `info,sqlx=warn`. `RUST_LOG` wins when set.
    pub filter: String,
    /// `pretty` for people, `json` for log collectors.
    pub format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// The development secrets in `default.toml`: known to everyone, so never for production.
const PLACEHOLDER_SECRET_MARK: &str = "dev-only";

const EMBEDDED: &[(&str, &str)] = &[
    ("default", include_str!("../../config/default.toml")),
    ("development", include_str!("../../config/development.toml")),
    ("test", include_str!("../../config/test.toml")),
    ("production", include_str!("../../config/production.toml")),
];

impl Settings {
    /// Loads the settings for `UKETSUKE_ENV` and checks them.
    pub fn load() -> anyhow::Result<Self> {
        Self::load_for(Environment::from_env()?)
    }

    pub fn load_for(env: Environment) -> anyhow::Result<Self> {
        let dir = PathBuf::from(
            std::env::var("UKETSUKE_CONFIG_DIR").unwrap_or_else(|_| "config".to_owned()),
        );
        let mut builder = config::Config::builder();
        for name in ["default", env.name()] {
            let path = dir.join(format!("{name}.toml"));
            builder = if path.is_file() {
                builder.add_source(config::File::from(path))
            } else {
                let text = EMBEDDED
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, t)| *t)
                    .expect("every environment has a compiled-in file");
                builder.add_source(config::File::from_str(text, config::FileFormat::Toml))
            };
        }
        let builder = builder.add_source(
            config::Environment::with_prefix("UKETSUKE")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true),
        );
        let mut settings: Settings = builder
            .build()
            .and_then(|c| c.try_deserialize())
            .context("invalid configuration")?;
        settings.env = env;
        settings.server.configured_public_url = settings
            .server
            .configured_public_url
            .take()
            .map(|u| u.trim().to_owned())
            .filter(|u| !u.is_empty());
        settings.server.public_url = match &settings.server.configured_public_url {
            Some(url) => url.clone(),
            None => url_for_bind(&settings.server.bind),
        };
        settings.check()?;
        Ok(settings)
    }

    fn check(&self) -> anyhow::Result<()> {
        let secrets = [
            ("session_key", &self.secrets.session_key),
            ("csrf_key", &self.secrets.csrf_key),
            ("link_key", &self.secrets.link_key),
        ];
        let env_var = |name: &str| format!("UKETSUKE__SECRETS__{}", name.to_ascii_uppercase());
        let production = self.env == Environment::Production;
        // The plainest fault first, for all three, so the reason points at the real problem.
        for (name, value) in secrets {
            if value.chars().count() < 32 {
                bail!(
                    "secrets.{name} must be at least 32 characters (set {})",
                    env_var(name)
                );
            }
        }
        if production {
            for (name, value) in secrets {
                if value.contains(PLACEHOLDER_SECRET_MARK) {
                    bail!(
                        "refusing to run in production with the development secrets.{name}: set {}",
                        env_var(name)
                    );
                }
            }
            for (name, value) in secrets {
                let bits = estimated_bits(value);
                if bits < MIN_SECRET_BITS {
                    bail!(
                        "secrets.{name} is a pattern, not a random key (about {bits:.0} bits of entropy): set {} to e.g. the output of `openssl rand -hex 32`",
                        env_var(name)
                    );
                }
            }
            // One key doing two jobs means one leak (a log line, a backup) opens sessions,
            // forms and manage links at once, and a value made for one use may pass for another.
            for (i, (name, value)) in secrets.iter().enumerate() {
                if let Some((same, _)) = secrets[..i].iter().find(|(_, v)| v == value) {
                    bail!(
                        "secrets.{name} must differ from secrets.{same}: set {} to a key of its own",
                        env_var(name)
                    );
                }
            }
        }
        if self.database.max_connections == 0 {
            bail!("database.max_connections must be at least 1");
        }
        Ok(())
    }

    /// The host people reach uketsuke at: the right-hand side of Message-IDs and calendar UIDs.
    pub fn public_host(&self) -> String {
        url::Url::parse(&self.server.public_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "uketsuke.local".to_owned())
    }

    pub fn is_production(&self) -> bool {
        self.env == Environment::Production
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    fn production_with(session: &str, csrf: &str, link: &str) -> anyhow::Result<()> {
        let mut settings = Settings::load_for(Environment::Test).expect("test settings load");
        settings.env = Environment::Production;
        settings.secrets.session_key = session.to_owned();
        settings.secrets.csrf_key = csrf.to_owned();
        settings.secrets.link_key = link.to_owned();
        settings.check()
    }

    fn random_key(alphabet: &[u8], len: usize) -> String {
        let mut rng = rand::rng();
        (0..len)
            .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
            .collect()
    }

    const HEX: &[u8] = b"0123456789abcdef";
    const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// `openssl rand -hex 32`, and base64 of 32 random bytes (43 characters and `=`).
    fn good_keys() -> [String; 3] {
        [
            random_key(HEX, 64),
            random_key(BASE64, 43) + "=",
            random_key(HEX, 64),
        ]
    }

    #[test]
    fn random_keys_pass_in_production() {
        for _ in 0..500 {
            let [a, b, c] = good_keys();
            production_with(&a, &b, &c).unwrap();
            // `openssl rand -hex 16`: 32 characters, the shortest key allowed.
            let short = random_key(HEX, 32);
            assert!(estimated_bits(&short) >= MIN_SECRET_BITS, "{short}");
        }
    }

    #[test]
    fn patterned_keys_are_refused_in_production_naming_the_variable() {
        let [a, b, _] = good_keys();
        for weak in [
            "a".repeat(40),
            "ab".repeat(20),
            "0123456789".repeat(4),
            "9876543210".repeat(4),
            "abcdefghijklmnopqrstuvwxyz0123456789".to_owned(),
            "passwordpasswordpasswordpassword".to_owned(),
            "aaaabbbbccccddddeeeeffffgggghhhh".to_owned(),
            format!("{}1", "0".repeat(39)),
        ] {
            let err = production_with(&a, &b, &weak).unwrap_err().to_string();
            assert!(
                err.starts_with("secrets.link_key is a pattern")
                    && err.contains("UKETSUKE__SECRETS__LINK_KEY")
                    && !err.contains('\n'),
                "{weak}: {err}"
            );
        }
    }

    #[test]
    fn production_keys_must_differ_from_each_other() {
        let [a, b, c] = good_keys();
        let err = production_with(&a, &a, &a).unwrap_err().to_string();
        assert_eq!(
            err,
            "secrets.csrf_key must differ from secrets.session_key: set UKETSUKE__SECRETS__CSRF_KEY to a key of its own"
        );
        let err = production_with(&a, &b, &b).unwrap_err().to_string();
        assert!(err.starts_with("secrets.link_key must differ from secrets.csrf_key"));
        let err = production_with(&c, &b, &c).unwrap_err().to_string();
        assert!(err.contains("UKETSUKE__SECRETS__LINK_KEY"), "{err}");
    }

    #[test]
    fn development_and_test_keep_their_shared_placeholders() {
        let mut settings = Settings::load_for(Environment::Test).expect("test settings load");
        let key = "a".repeat(40);
        settings.secrets.session_key = key.clone();
        settings.secrets.csrf_key = key.clone();
        settings.secrets.link_key = key;
        settings.check().unwrap();
    }
}
