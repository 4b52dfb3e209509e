use clap::{Args, Parser, Subcommand};
use std::io::Read;
use uketsuke::app;
use uketsuke::config::Settings;
use uketsuke::domain::{OrganizationKind, UserRole};
use uketsuke::error::AppError;
use uketsuke::services::{accounts, demo};
use uketsuke::store;

/// uketsuke ("reception desk"): event registration for the TMG/TCCI work-style reform programme.
///
/// Configuration: config/default.toml, config/$UKETSUKE_ENV.toml (development, test or
/// production), then UKETSUKE__SECTION__KEY environment variables.
#[derive(Parser)]
#[command(name = "uketsuke", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (public pages, API, /docs).
    Serve(ServeArgs),
    /// Bring the database schema up to date.
    Migrate,
    /// Load demo organizations, users and events into an empty database.
    SeedDemo,
    /// Deliver queued email on its own (when `serve` runs with mail.worker_in_serve = false,
    /// or on more hosts: several workers may share one PostgreSQL).
    Worker,
    /// Anonymise the personal data of registrations past their organization's retention
    /// period (also done by the mail worker). `--dry-run` only lists what would go.
    Purge {
        #[arg(long)]
        dry_run: bool,
    },
    /// Check stored text against today's rules: lists every value with a line break where one
    /// line belongs, a NUL or another control character (written before the checks, or by
    /// hand). Exits 1 when it finds any.
    Doctor,
    /// Manage organizations (TMG, TCCI, municipalities, associations, companies).
    #[command(subcommand)]
    Org(OrgCommand),
    /// Manage organizer users and their API tokens.
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Args)]
struct ServeArgs {
    /// Load demo data when the database is empty, and print a demo login.
    #[arg(long)]
    demo: bool,
    /// Address to listen on, e.g. 127.0.0.1:8080 (default: server.bind).
    #[arg(long)]
    bind: Option<String>,
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Add an organization.
    Add {
        /// Short code operators use, e.g. TCCI.
        #[arg(long)]
        code: String,
        /// tmg, tcci, municipality, association, company or other.
        #[arg(long, value_parser = parse_code::<OrganizationKind>)]
        kind: OrganizationKind,
        #[arg(long)]
        name_ja: String,
        #[arg(long)]
        name_en: String,
    },
    /// Set how many days after an event its registrants' personal data is kept.
    Retention {
        #[arg(long)]
        code: String,
        #[arg(long)]
        days: u16,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add an organizer user; prints their API token (and a password if none is given) once.
    Add {
        /// The code of the user's organization, e.g. TCCI.
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        /// The name shown in logs and audit records.
        #[arg(long, default_value = "")]
        name: String,
        /// admin, organizer, checkin_staff or viewer.
        #[arg(long, default_value = "organizer", value_parser = parse_code::<UserRole>)]
        role: UserRole,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Let a user manage organizations for the whole platform (/admin/organizations).
    PlatformAdmin {
        #[arg(long)]
        email: String,
        /// Take the right away instead.
        #[arg(long)]
        off: bool,
    },
}

fn parse_code<T: std::str::FromStr>(s: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    s.parse::<T>().map_err(|e| e.to_string())
}

fn main() {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the tokio runtime starts");
    if let Err(err) = runtime.block_on(run(cli)) {
        // One line: what an operator's script or a pager needs.
        let line = match err.downcast_ref::<AppError>() {
            Some(app) => describe(app),
            None => format!("{err:#}"),
        };
        eprintln!("uketsuke: {}", line.replace('\n', " "));
        std::process::exit(1);
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load()?;
    app::init_logging(&settings);
    match cli.command {
        Command::Serve(args) => serve(settings, args).await,
        Command::Migrate => {
            let db = store::connect(&settings.database).await?;
            store::migrate(&db).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::SeedDemo => {
            let db = store::connect(&settings.database).await?;
            store::migrate(&db).await?;
            let links = uketsuke::services::links::ManageLinks::new(&settings.secrets.link_key);
            let logins = demo::seed(&db, &links, chrono::Utc::now()).await?;
            print_demo_logins(&logins, &settings.server.public_url);
            Ok(())
        }
        Command::Worker => {
            let db = store::connect(&settings.database).await?;
            let mailer = uketsuke::mail::Mailer::new(&settings)?;
            let (stop, stopped) = tokio::sync::watch::channel(false);
            let signal = app::shutdown_signal();
            tokio::spawn(async move {
                signal.await;
                let _ = stop.send(true);
            });
            println!(
                "uketsuke mail worker running ({:?} transport)",
                settings.mail.transport
            );
            uketsuke::mail::worker::run(db, mailer, stopped).await;
            Ok(())
        }
        Command::Doctor => {
            let db = store::connect(&settings.database).await?;
            let findings = uketsuke::services::doctor::check_text(&db).await?;
            for f in &findings {
                println!(
                    "{}.{} at {}={}: {}",
                    f.table,
                    f.column,
                    f.key_column,
                    f.key,
                    f.fault.code()
                );
            }
            if findings.is_empty() {
                println!("stored text: no problems found");
                Ok(())
            } else {
                println!(
                    "stored text: {} values break the text rules (the outputs clean them; correct them at the source)",
                    findings.len()
                );
                std::process::exit(1);
            }
        }
        Command::Purge { dry_run } => {
            let db = store::connect(&settings.database).await?;
            let now = chrono::Utc::now();
            let list = if dry_run {
                uketsuke::services::retention::plan(&db, now).await?
            } else {
                uketsuke::services::retention::purge(&db, now).await?
            };
            let verb = if dry_run {
                "would anonymise"
            } else {
                "anonymised"
            };
            for p in &list {
                println!(
                    "{verb} {}: {} registrations, {} attendees (ended {}, kept {} days) {}",
                    p.slug,
                    p.registrations,
                    p.attendees,
                    p.ended.format("%Y-%m-%d"),
                    p.retention_days,
                    p.title_ja
                );
            }
            println!("{} events {verb}", list.len());
            Ok(())
        }
        Command::Org(OrgCommand::Retention { code, days }) => {
            let db = store::connect(&settings.database).await?;
            if !store::retention::set_retention(&db, &code, i32::from(days)).await? {
                anyhow::bail!("there is no organization with the code {code}");
            }
            println!("{code} keeps personal data {days} days after each event");
            Ok(())
        }
        Command::Org(OrgCommand::Add {
            code,
            kind,
            name_ja,
            name_en,
        }) => {
            let db = store::connect(&settings.database).await?;
            let org = accounts::add_organization(&db, &code, kind, &name_ja, &name_en).await?;
            println!("added organization {} ({})", org.code, org.name_ja);
            Ok(())
        }
        Command::User(UserCommand::PlatformAdmin { email, off }) => {
            let db = store::connect(&settings.database).await?;
            uketsuke::services::administration::set_platform_admin(&db, &email, !off).await?;
            if off {
                println!("{email} no longer manages organizations");
            } else {
                println!("{email} manages organizations at /admin/organizations");
            }
            Ok(())
        }
        Command::User(UserCommand::Add {
            org,
            email,
            name,
            role,
            password_stdin,
        }) => {
            let db = store::connect(&settings.database).await?;
            let password = if password_stdin {
                let mut p = String::new();
                std::io::stdin().read_to_string(&mut p)?;
                Some(p.trim_end_matches(['\r', '\n']).to_owned())
            } else {
                None
            };
            let account =
                accounts::add_user(&db, &org, &email, &name, role, password.as_deref()).await?;
            println!(
                "added {} to {} as {}",
                account.email.as_str(),
                account.organization.code,
                role.code()
            );
            if let Some(p) = &account.generated_password {
                println!("password: {p}");
            }
            println!("API token (shown once): {}", account.token);
            Ok(())
        }
    }
}

async fn serve(mut settings: Settings, args: ServeArgs) -> anyhow::Result<()> {
    if args.demo && settings.is_production() {
        anyhow::bail!("--demo is refused in production");
    }
    if let Some(bind) = args.bind {
        settings.server.bind = bind;
    }
    // Bind first: a taken port is the most common mistake and should be the first reported.
    let (acceptor, addr) = app::bind(&settings.server.bind).await?;
    // Links, calendar files and QR codes name the address it listens on, unless people reach
    // it by another (public_url set).
    settings.server.listening_on(addr);
    if settings.is_production() && settings.server.configured_public_url.is_none() {
        tracing::warn!(
            public_url = %settings.server.public_url,
            "server.public_url is not set: links in emails point at the listening address \
             (set UKETSUKE__SERVER__PUBLIC_URL)"
        );
    }
    let state = app::prepare(settings).await?;
    if args.demo {
        match demo::seed(&state.db, &state.links, chrono::Utc::now()).await {
            Ok(logins) => print_demo_logins(&logins, &state.settings.server.public_url),
            Err(AppError::Conflict {
                code: "database_not_empty",
                ..
            }) => {
                println!("demo: the database has data already; nothing loaded")
            }
            Err(err) => return Err(anyhow::anyhow!(describe(&err))),
        }
    }
    // The mail worker stops with the server: one signal, both finish what they are doing.
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = if state.settings.mail.worker_in_serve {
        let mailer = uketsuke::mail::Mailer::new(&state.settings)?;
        Some(tokio::spawn(uketsuke::mail::worker::run(
            state.db.clone(),
            mailer,
            stopped,
        )))
    } else {
        None
    };
    // The handlers are in place before anyone is told the server listens.
    let signal = app::shutdown_signal();
    tracing::info!(%addr, "uketsuke is listening");
    println!("uketsuke is listening on http://{addr}  (API docs: http://{addr}/docs)");
    let shutdown = async move {
        signal.await;
        let _ = stop.send(true);
    };
    app::serve(state, acceptor, shutdown).await?;
    if let Some(worker) = worker {
        let _ = worker.await;
    }
    Ok(())
}

fn print_demo_logins(logins: &demo::DemoLogins, base_url: &str) {
    println!("demo data loaded. Demo logins (shown once):");
    for a in &logins.accounts {
        println!(
            "  {:<5} {}  password: {}",
            a.organization, a.email, a.password
        );
        println!("        API token: {}", a.token);
    }
    let url = base_url.trim_end_matches('/');
    if let Some(a) = logins.accounts.first() {
        println!(
            "try: curl -H 'Authorization: Bearer {}' {url}/api/v1/organizer/events",
            a.token
        );
    }
    println!("back-office (sign in with a login above): {url}/admin");
    println!("  (the TMG login is also a platform admin: {url}/admin/organizations)");
}

fn describe(err: &AppError) -> String {
    match err {
        AppError::Validation(v) => v
            .fields()
            .iter()
            .map(|f| {
                let message = uketsuke::http::error_words::field_message(f, english());
                format!("{}: {message}", f.field)
            })
            .collect::<Vec<_>>()
            .join("; "),
        AppError::Internal(cause) => format!("{cause:#}"),
        other => uketsuke::http::error_words::app_message(other, english()),
    }
}

fn english() -> uketsuke::i18n::Lang {
    uketsuke::i18n::Lang::parse("en").unwrap_or_default()
}
