//! Every message in both languages, rendered from one fixed context, and a sample invitation:
//! a change to a template or to the calendar output shows up as a reviewed snapshot diff.
//! (`INSTA_UPDATE=always cargo test --test integration email_snapshots` to accept changes.)
use chrono::{TimeZone, Utc};
use uketsuke::calendar::{self, CalendarEvent, Method, Person};
use uketsuke::domain::MessageKind;
use uketsuke::i18n::Lang;
use uketsuke::mail::{AnnouncementBlock, CheckinCode, EmailContext, Emails, EventBlock};

fn context(kind: MessageKind, lang: Lang) -> EmailContext {
    let starts = Utc.with_ymd_and_hms(2026, 12, 3, 5, 0, 0).unwrap();
    let ends = Utc.with_ymd_and_hms(2026, 12, 3, 7, 0, 0).unwrap();
    let ja = lang.content() == uketsuke::domain::Language::Ja;
    let confirmed = !matches!(
        kind,
        MessageKind::Waitlisted
            | MessageKind::Cancelled
            | MessageKind::AlreadyRegistered
            | MessageKind::EventCancelled
    );
    let body = "会場は3階 301会議室に変わりました。\n名刺を2枚お持ちください。";
    EmailContext {
        lang,
        subject: String::new(),
        recipient_name: "山田 花子".into(),
        event: EventBlock {
            title: if ja {
                "テレワーク導入セミナー <入門>"
            } else {
                "Telework seminar <intro>"
            }
            .into(),
            when: uketsuke::i18n::dates::range(lang, starts, ends),
            venue: if ja {
                "東京都庁 第一本庁舎 東京都新宿区西新宿2-8-1（オンライン併用）"
            } else {
                "Tokyo Metropolitan Government Building No.1, 2-8-1 Nishi-Shinjuku (also online)"
            }
            .into(),
            map_url: Some("https://maps.example.jp/tocho".into()),
            meeting_url: confirmed.then(|| "https://meet.example.jp/room-123".into()),
            url: "https://uketsuke.example.jp/events/telework-intro".into(),
            partner_line: if ja {
                "主催 東京都 / 共催 東京商工会議所"
            } else {
                "Organizer: Tokyo Metropolitan Government / Co-host: TCCI"
            }
            .into(),
        },
        manage_url: (kind != MessageKind::AlreadyRegistered)
            .then(|| "https://uketsuke.example.jp/r/0123456789abcdef0123456789abcdef".into()),
        organizer_name: if ja {
            "東京都 産業労働局"
        } else {
            "TMG Bureau of Industrial and Labor Affairs"
        }
        .into(),
        contact_email: "events@uketsuke.example.jp".into(),
        purpose_of_use: if ja {
            "ご登録の個人情報は本イベントの運営にのみ利用します。"
        } else {
            "Your data is used only to run this event."
        }
        .into(),
        status: if ja { "参加確定" } else { "Confirmed" }.into(),
        waitlist_position: (kind == MessageKind::Waitlisted).then_some(3),
        attendees: vec!["山田 花子".into(), "佐藤 一郎".into()],
        cancelled: if kind == MessageKind::Cancelled {
            vec!["佐藤 一郎".into()]
        } else {
            vec![]
        },
        all: false,
        moved_to: None,
        copy_of: None,
        days_before: (kind == MessageKind::Reminder).then_some(3),
        announcement: (kind == MessageKind::Announcement).then(|| AnnouncementBlock {
            subject: "会場変更のお知らせ".into(),
            body: body.into(),
            lines: body.lines().map(str::to_owned).collect(),
            translated: ja,
        }),
        unsubscribe_url: kind
            .can_opt_out()
            .then(|| "https://uketsuke.example.jp/u/r12-00112233445566778899aabbccddeeff".into()),
        checkin: if matches!(kind, MessageKind::Confirmed | MessageKind::Reminder) {
            vec![CheckinCode {
                name: "山田 花子".into(),
                cid: "checkin-1@uketsuke.example.jp".into(),
                code: "k1-00112233445566778899aabbccddeeff".into(),
            }]
        } else {
            vec![]
        },
        sessions: Vec::new(),
        promoted_session: None,
        campaign: None,
        declaration: None,
        exhibitor: None,
    }
}

#[test]
fn every_message_in_both_languages() {
    let emails = Emails::new().unwrap();
    for &kind in MessageKind::ALL {
        for lang in [Lang::parse("ja").unwrap(), Lang::parse("en").unwrap()] {
            let r = emails.render(kind, context(kind, lang)).unwrap();
            insta::assert_snapshot!(
                format!("{}_{}", kind.code(), lang.tag()),
                format!(
                    "Subject: {}\n\n--- text ---\n{}\n--- html ---\n{}",
                    r.subject, r.text, r.html
                )
            );
        }
    }
}

#[test]
fn an_attendee_copy_says_whose_registration_it_is() {
    let emails = Emails::new().unwrap();
    let mut ctx = context(MessageKind::Confirmed, Lang::default());
    ctx.recipient_name = "佐藤 一郎".into();
    ctx.copy_of = Some("山田 花子".into());
    ctx.manage_url = None;
    let r = emails.render(MessageKind::Confirmed, ctx).unwrap();
    insta::assert_snapshot!("confirmed_copy_ja", r.text);
}

#[test]
fn a_session_registration_lists_its_sessions_and_names_the_one_moved_up() {
    let emails = Emails::new().unwrap();
    for lang in [Lang::parse("ja").unwrap(), Lang::parse("en").unwrap()] {
        let mut ctx = context(MessageKind::Promoted, lang);
        ctx.sessions = vec![
            uketsuke::mail::SessionLine {
                when: "2026年12月8日(火) 10:00〜11:00".into(),
                title: "基調講演".into(),
                room: Some("ホールA".into()),
                status: "参加確定".into(),
            },
            uketsuke::mail::SessionLine {
                when: "2026年12月8日(火) 11:00〜12:00".into(),
                title: "事例発表".into(),
                room: None,
                status: "キャンセル待ち".into(),
            },
        ];
        ctx.promoted_session = Some("基調講演".into());
        let r = emails.render(MessageKind::Promoted, ctx).unwrap();
        insta::assert_snapshot!(format!("promoted_session_{}", lang.tag()), r.text);
    }
}

#[test]
fn a_sample_invitation() {
    let event = CalendarEvent {
        uid: "registration-42-event-telework-intro@uketsuke.example.jp".into(),
        sequence: 7,
        summary: "働き方改革セミナー, 第1回; 入門\n（午後）".into(),
        description: "中小企業向けのテレワーク導入セミナーです。\n\nhttps://uketsuke.example.jp/events/telework-intro".into(),
        location: Some("東京都庁 第一本庁舎 東京都新宿区西新宿2-8-1（オンライン併用）".into()),
        url: Some("https://meet.example.jp/room-123".into()),
        starts_at: Utc.with_ymd_and_hms(2026, 12, 3, 5, 0, 0).unwrap(),
        ends_at: Utc.with_ymd_and_hms(2026, 12, 3, 7, 0, 0).unwrap(),
        organizer: Some(Person {
            name: "東京都 産業労働局".into(),
            email: "events@uketsuke.example.jp".into(),
        }),
        attendees: vec![Person {
            name: "山田 花子, 営業部; 課長".into(),
            email: "hanako@mirai.example.jp".into(),
        }],
        cancelled: false,
        stamp: Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap(),
    };
    insta::assert_snapshot!(
        "sample_invitation_ics",
        calendar::render(Method::Request, &[event])
    );
}
