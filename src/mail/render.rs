//! The templates under `emails/`, compiled into the binary, and their rendering.
use crate::domain::MessageKind;
use crate::i18n::Lang;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

/// What every email shows of its event.
#[derive(Debug, Clone, Serialize)]
pub struct EventBlock {
    pub title: String,
    /// The date and time in Tokyo, as `jst::range` writes it in the reader's language.
    pub when: String,
    /// It runs for a period (a campaign, a declaration scheme): the days, no time, no venue.
    pub period: bool,
    /// The same time in the registrant's own zone, where they gave one other than Japan's.
    pub local_when: Option<String>,
    pub venue: String,
    /// People come to a venue (on site or hybrid): only then is there a reception desk to show
    /// a QR code at. An online event's email asks nothing of the kind.
    pub in_person: bool,
    pub map_url: Option<String>,
    /// Only for confirmed registrants.
    pub meeting_url: Option<String>,
    /// Several attendees' personal join links (online attendance), when one message carries
    /// more than one; a single one stands in `meeting_url`.
    pub join_links: Vec<JoinLink>,
    pub url: String,
    pub partner_line: String,
}

/// An attendee's personal join link.
#[derive(Debug, Clone, Serialize)]
pub struct JoinLink {
    pub name: String,
    pub url: String,
}

/// Everything the templates may use.
#[derive(Debug, Clone, Serialize)]
pub struct EmailContext {
    pub lang: Lang,
    pub subject: String,
    pub recipient_name: String,
    pub event: EventBlock,
    pub manage_url: Option<String>,
    pub organizer_name: String,
    pub contact_email: String,
    pub purpose_of_use: String,
    pub status: String,
    pub waitlist_position: Option<u32>,
    pub attendees: Vec<String>,
    pub cancelled: Vec<String>,
    pub all: bool,
    /// A cancellation because the organizer moved the registration: the other event, as
    /// "title (when)".
    pub moved_to: Option<String>,
    /// The contact person's name, when this is an attendee's copy.
    pub copy_of: Option<String>,
    /// Reminders: how many days before the event.
    pub days_before: Option<u8>,
    pub announcement: Option<AnnouncementBlock>,
    /// Reminders and announcements: where to stop them.
    pub unsubscribe_url: Option<String>,
    /// Confirmed places: one QR code per attendee for the door (images inlined by `cid`).
    pub checkin: Vec<CheckinCode>,
    /// The sessions the registration attends or waits for (an EXPO's talks, a slot).
    pub sessions: Vec<SessionLine>,
    /// A session's waiting list moved up: its title.
    pub promoted_session: Option<String>,
    /// ... and who of the registration moved up there (names, joined).
    pub promoted_for: Option<String>,
    /// A campaign entry: what the company joined with.
    pub campaign: Option<CampaignBlock>,
    /// A declaration: what was declared, and where its review stands.
    pub declaration: Option<DeclarationBlock>,
    /// A job fair's exhibitor: the booth applied for.
    pub exhibitor: Option<ExhibitorBlock>,
    /// The organizer's decision a review message announces (a booth's or a declaration's),
    /// as it was made: not where the review stands when the message is sent.
    pub decision: Option<DecisionBlock>,
    /// A partner request or its answer, to staff (`partner_requested`, `partner_answered`).
    pub partner: Option<PartnerBlock>,
    /// A certification application: what was applied for and, in a decision, the outcome
    /// per category as decided.
    pub certification: Option<CertificationBlock>,
    /// An expert dispatch request: what the company asked for, and its expert.
    pub dispatch: Option<DispatchBlock>,
    /// An expert's visit scheduled, moved or cancelled, as it was when the change was made.
    pub visit: Option<VisitBlock>,
    /// An internship programme: the offer (to its host company, or to a student who applied
    /// to it) and, to the host, the student who applied.
    pub internship: Option<InternshipBlock>,
    /// The attendance question before the day: its two one-click links.
    pub attendance: Option<AttendanceLinks>,
}

/// "I will come" and "I can no longer come": each opens a page with one button that answers.
#[derive(Debug, Clone, Serialize)]
pub struct AttendanceLinks {
    pub will_come_url: String,
    pub cannot_come_url: String,
}

/// A partner request as the message tells it: who asks whom to take which role, the note, and
/// for the answer, what was answered and by whom. `url` is the back-office page to act on it.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerBlock {
    pub role: String,
    pub organizer: String,
    pub partner: String,
    pub note: Option<String>,
    /// The note's lines, for the HTML part.
    pub note_lines: Vec<String>,
    /// Who asked (a request) or answered (an answer).
    pub by: String,
    pub approved: bool,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CertificationBlock {
    /// The categories applied for, by name, joined.
    pub categories: String,
    /// The documents sent (file names).
    pub documents: Vec<String>,
    /// A decision: the categories certified and not, by name.
    pub certified: Vec<String>,
    pub not_certified: Vec<String>,
    /// How long the certificate holds: "from – until".
    pub validity: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DispatchBlock {
    pub theme: String,
    pub issue: String,
    /// The issue's lines, for HTML.
    pub issue_lines: Vec<String>,
    pub employees: u32,
    /// The preferred dates, in words.
    pub dates: String,
    pub mode: String,
    /// The expert assigned, with their affiliation.
    pub expert: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VisitBlock {
    /// `scheduled`, `moved` or `cancelled`.
    pub change: String,
    pub when: String,
    pub mode: String,
    /// The address, or the meeting link.
    pub place: String,
    pub online: bool,
    pub expert: String,
    /// The company visited (what the expert's copy names).
    pub company: String,
    /// The expert's own copy.
    pub to_expert: bool,
}

/// An internship offer as an email shows it, and the applicant a host company is told of.
#[derive(Debug, Clone, Serialize)]
pub struct InternshipBlock {
    pub company: String,
    pub period: String,
    pub tasks: String,
    /// Places, languages of work, Japanese needed, allowance: one line.
    pub details: String,
    pub applicant: Option<ApplicantBlock>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApplicantBlock {
    pub name: String,
    pub affiliation: String,
    /// Graduation year, Japanese, field of study: one line.
    pub profile: String,
    pub motivation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExhibitorBlock {
    pub positions: String,
    pub languages: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeclarationBlock {
    pub commitments: String,
    pub statement: String,
    pub listed: bool,
}

/// Approved, or not (a booth declined, a declaration returned with its `note`).
#[derive(Debug, Clone, Serialize)]
pub struct DecisionBlock {
    pub approved: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CampaignBlock {
    pub actions: String,
    pub employees: u32,
    pub period: String,
    pub listed: bool,
}

pub use crate::i18n::words::SessionLine;

/// An attendee's check-in code: shown at the door as a QR code, or read out.
#[derive(Debug, Clone, Serialize)]
pub struct CheckinCode {
    pub name: String,
    /// The Content-ID of the inline PNG.
    pub cid: String,
    pub code: String,
}

/// An organizer's announcement as the recipient reads it.
#[derive(Debug, Clone, Serialize)]
pub struct AnnouncementBlock {
    pub subject: String,
    pub body: String,
    /// The body's lines, for the HTML part.
    pub lines: Vec<String>,
    /// False when an English reader gets the Japanese text.
    pub translated: bool,
}

pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// One message in two locales, one after the other (a job fair's Japanese, or easy Japanese,
/// then English): subjects joined, the text parts one after the other under a heading naming
/// the second locale (in the first one's words), and the second HTML body placed below the
/// first (marked with its `lang`).
pub fn side_by_side(
    first: Rendered,
    second: Rendered,
    first_lang: Lang,
    second_lang: Lang,
) -> Rendered {
    let body = |html: &str| -> String {
        let start = html
            .find("<body")
            .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
            .unwrap_or(0);
        let end = html.rfind("</body>").unwrap_or(html.len());
        html[start..end].to_owned()
    };
    let appended = format!(
        "<hr><div lang=\"{}\">{}</div></body>",
        second_lang.html_lang(),
        body(&second.html)
    );
    let html = match first.html.rfind("</body>") {
        Some(i) => format!(
            "{}{}{}",
            &first.html[..i],
            appended,
            &first.html[i + "</body>".len()..]
        ),
        None => format!("{}{}", first.html, appended),
    };
    let heading = first_lang.t("mail-english-version");
    Rendered {
        subject: format!("{} / {}", first.subject, second.subject),
        text: format!(
            "{}\n\n==================== {heading} ====================\n\n{}",
            first.text, second.text
        ),
        html,
    }
}

/// The context as the templates see it: with what follows from the locale.
#[derive(Serialize)]
struct Full<'a> {
    #[serde(flatten)]
    ctx: &'a EmailContext,
    /// The `lang` attribute of the HTML part (`ja` for easy Japanese; `lang` is the tag).
    html_lang: &'static str,
}

impl<'a> Full<'a> {
    fn of(ctx: &'a EmailContext) -> Self {
        Full {
            ctx,
            html_lang: ctx.lang.html_lang(),
        }
    }
}

pub struct Emails {
    env: Environment<'static>,
}

impl Emails {
    pub fn new() -> anyhow::Result<Self> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // `.html.*.j2` is escaped, `.txt.*.j2` is not; the default looks only at the last
        // extension, so say it here.
        env.set_auto_escape_callback(|name| {
            if name.contains(".html.") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        crate::i18n::add_to(&mut env);
        for (name, source) in crate::i18n::EMAIL_FILES {
            env.add_template(name, source)?;
        }
        Ok(Emails { env })
    }

    pub fn render(&self, kind: MessageKind, mut ctx: EmailContext) -> anyhow::Result<Rendered> {
        // A locale without its own version of a message (a new translation under way) sends
        // its fallback's.
        let name = |part: &str| {
            let mut lang = Some(ctx.lang);
            while let Some(l) = lang {
                let name = format!("{}/{part}.{}.j2", kind.code(), l.tag());
                if self.env.get_template(&name).is_ok() {
                    return name;
                }
                lang = l.fallback();
            }
            format!(
                "{}/{part}.{}.j2",
                kind.code(),
                crate::i18n::Lang::DEFAULT_TAG
            )
        };
        let subject = self
            .env
            .get_template(&name("subject.txt"))?
            .render(Serde(&Full::of(&ctx)))?
            .trim()
            .replace(['\r', '\n'], " ");
        ctx.subject = subject.clone();
        let text = self
            .env
            .get_template(&name("body.txt"))?
            .render(Serde(&Full::of(&ctx)))?;
        let html = self
            .env
            .get_template(&name("body.html"))?
            .render(Serde(&Full::of(&ctx)))?;
        Ok(Rendered {
            subject,
            text,
            html,
        })
    }
}
