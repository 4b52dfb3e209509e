//! Every message in both languages, rendered from one fixed context, and a sample invitation:
//! a change to a template or to the calendar output shows up as a reviewed snapshot diff.
//! (`INSTA_UPDATE=always cargo test --test integration email_snapshots` to accept changes.)
use chrono::{TimeZone, Utc};
use uketsuke::calendar::{self, CalendarEvent, Method, Person};
use uketsuke::domain::MessageKind;
use uketsuke::i18n::Lang;
use uketsuke::mail::{
    AnnouncementBlock, CampaignBlock, CertificationBlock, CheckinCode, DecisionBlock,
    DeclarationBlock, DispatchBlock, EmailContext, Emails, EventBlock, ExhibitorBlock,
    InternshipBlock, VisitBlock,
};

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
    // What the composer gives a receipt or a decision: no time to come at, so no meeting link.
    let reviewed = matches!(
        kind,
        MessageKind::BoothReceived
            | MessageKind::BoothDecided
            | MessageKind::EntryReceived
            | MessageKind::DeclarationReceived
            | MessageKind::DeclarationReviewed
            | MessageKind::CertificationReceived
            | MessageKind::CertificationDecided
            | MessageKind::DispatchReceived
            | MessageKind::DispatchVisit
            | MessageKind::InternshipOfferReceived
            | MessageKind::InternshipApplied
            | MessageKind::InternshipApplicationArrived
            | MessageKind::InternshipDecided
    ) || kind.to_staff();
    let internship = matches!(
        kind,
        MessageKind::InternshipOfferReceived
            | MessageKind::InternshipApplied
            | MessageKind::InternshipApplicationArrived
            | MessageKind::InternshipDecided
    );
    // A campaign or a declaration runs for a period: its days, no time, no venue.
    let period = matches!(
        kind,
        MessageKind::EntryReceived
            | MessageKind::DeclarationReceived
            | MessageKind::DeclarationReviewed
            | MessageKind::CertificationReceived
            | MessageKind::CertificationDecided
            | MessageKind::DispatchReceived
            | MessageKind::DispatchVisit
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
            when: if period {
                uketsuke::i18n::dates::days(lang, starts, ends)
            } else {
                uketsuke::i18n::dates::range(lang, starts, ends)
            },
            period,
            local_when: None,
            venue: if ja {
                "東京都庁 第一本庁舎 東京都新宿区西新宿2-8-1（オンライン併用）"
            } else {
                "Tokyo Metropolitan Government Building No.1, 2-8-1 Nishi-Shinjuku (also online)"
            }
            .into(),
            in_person: true,
            map_url: Some("https://maps.example.jp/tocho".into()),
            meeting_url: (confirmed && !reviewed)
                .then(|| "https://meet.example.jp/room-123".into()),
            join_links: Vec::new(),
            url: "https://uketsuke.example.jp/events/telework-intro".into(),
            partner_line: if ja {
                "主催 東京都 / 共催 東京商工会議所"
            } else {
                "Organizer: Tokyo Metropolitan Government / Co-host: TCCI"
            }
            .into(),
        },
        // Staff messages name no registration: no manage link.
        manage_url: (kind != MessageKind::AlreadyRegistered && !kind.to_staff())
            .then(|| "https://uketsuke.example.jp/r/0123456789abcdef0123456789abcdef".into()),
        organizer_name: if ja {
            "東京都 産業労働局"
        } else {
            "TMG Bureau of Industrial and Labor Affairs"
        }
        .into(),
        contact_email: "events@uketsuke.example.jp".into(),
        // Staff are not registrants: their messages carry no statement to registrants.
        purpose_of_use: if kind.to_staff() {
            ""
        } else if ja {
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
        days_before: match kind {
            MessageKind::Reminder => Some(3),
            MessageKind::AttendanceCheck => Some(2),
            _ => None,
        },
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
        promoted_for: None,
        campaign: (kind == MessageKind::EntryReceived).then(|| CampaignBlock {
            actions: if ja {
                "テレワーク、時差出勤"
            } else {
                "Telework, staggered hours"
            }
            .into(),
            employees: 120,
            period: if ja {
                "2026年7月1日〜9月30日"
            } else {
                "1 Jul 2026 – 30 Sep 2026"
            }
            .into(),
            listed: true,
        }),
        declaration: matches!(
            kind,
            MessageKind::DeclarationReceived | MessageKind::DeclarationReviewed
        )
        .then(|| DeclarationBlock {
            commitments: if ja { "テレワーク" } else { "Telework" }.into(),
            statement: "週2日以上のテレワークを全社で実施します。".into(),
            listed: true,
        }),
        exhibitor: matches!(kind, MessageKind::BoothReceived | MessageKind::BoothDecided).then(
            || ExhibitorBlock {
                positions: "ITエンジニア（正社員）".into(),
                languages: if ja {
                    "日本語、英語"
                } else {
                    "Japanese, English"
                }
                .into(),
            },
        ),
        // A booth approved; a declaration returned with its note.
        decision: match kind {
            MessageKind::BoothDecided => Some(DecisionBlock {
                approved: true,
                note: None,
            }),
            MessageKind::DeclarationReviewed => Some(DecisionBlock {
                approved: false,
                note: Some("実施時期を具体的に書いてください。".into()),
            }),
            MessageKind::InternshipDecided => Some(DecisionBlock {
                approved: true,
                note: None,
            }),
            _ => None,
        },
        partner: matches!(
            kind,
            MessageKind::PartnerRequested | MessageKind::PartnerAnswered
        )
        .then(|| uketsuke::mail::PartnerBlock {
            role: if ja { "後援" } else { "Backing" }.into(),
            organizer: if ja { "東京都" } else { "TMG" }.into(),
            partner: if ja {
                "東京商工会議所"
            } else {
                "Tokyo Chamber of Commerce and Industry"
            }
            .into(),
            note: Some("後援名義の使用をお願いします。\n会報での告知も<ご検討>ください。".into()),
            note_lines: vec![
                "後援名義の使用をお願いします。".into(),
                "会報での告知も<ご検討>ください。".into(),
            ],
            by: "山田 花子".into(),
            approved: kind == MessageKind::PartnerAnswered,
            url: "https://uketsuke.example.jp/admin/partners".into(),
        }),
        // Certified in one category, not in the other.
        certification: matches!(
            kind,
            MessageKind::CertificationReceived | MessageKind::CertificationDecided
        )
        .then(|| CertificationBlock {
            categories: if ja {
                "育児・介護との両立推進、長時間労働の削減"
            } else {
                "Childcare and caregiving, Shorter working hours"
            }
            .into(),
            documents: vec!["取組計画.pdf".into(), "photo <1>.jpg".into()],
            certified: if kind == MessageKind::CertificationDecided {
                vec![
                    if ja {
                        "育児・介護との両立推進"
                    } else {
                        "Childcare and caregiving"
                    }
                    .into(),
                ]
            } else {
                vec![]
            },
            not_certified: if kind == MessageKind::CertificationDecided {
                vec![
                    if ja {
                        "長時間労働の削減"
                    } else {
                        "Shorter working hours"
                    }
                    .into(),
                ]
            } else {
                vec![]
            },
            validity: if ja {
                "2027年4月1日（木）〜2029年3月31日（土）"
            } else {
                "Thu 1 Apr 2027 – Sat 31 Mar 2029"
            }
            .into(),
        }),
        dispatch: matches!(
            kind,
            MessageKind::DispatchReceived | MessageKind::DispatchVisit
        )
        .then(|| DispatchBlock {
            theme: if ja { "テレワーク" } else { "Telework" }.into(),
            issue: "テレワークの規程がなく、労務管理に不安がある。\n=cmd|' /C calc'!A0".into(),
            issue_lines: vec![
                "テレワークの規程がなく、労務管理に不安がある。".into(),
                "=cmd|' /C calc'!A0".into(),
            ],
            employees: 45,
            dates: if ja {
                "2026年12月10日(木)、2026年12月17日(木)"
            } else {
                "Thu 10 Dec 2026, Thu 17 Dec 2026"
            }
            .into(),
            mode: if ja { "訪問" } else { "On site" }.into(),
            expert: (kind == MessageKind::DispatchVisit)
                .then(|| "佐藤 恵子（社会保険労務士法人みらい）".into()),
        }),
        visit: (kind == MessageKind::DispatchVisit).then(|| VisitBlock {
            change: "scheduled".into(),
            when: uketsuke::i18n::dates::range(lang, starts, ends),
            mode: if ja { "訪問" } else { "On site" }.into(),
            place: "東京都千代田区丸の内3-2-2 <3F>".into(),
            online: false,
            expert: "佐藤 恵子（社会保険労務士法人みらい）".into(),
            company: "株式会社みらい製作所".into(),
            to_expert: false,
        }),
        // An offer, and to its host the student who applied (text as typed: <b> stays text).
        internship: internship.then(|| InternshipBlock {
            company: "株式会社テスト <b>製作所</b>".into(),
            period: if ja {
                "2027-02-08〜2027-02-19"
            } else {
                "2027-02-08 to 2027-02-19"
            }
            .into(),
            tasks: "英語版Webサイトの制作\n展示会の準備".into(),
            details: if ja {
                "残り2名（定員2名） · 日本語、英語 · 日本語: N3 · 手当あり"
            } else {
                "2 of 2 places left · Japanese, English · Japanese: N3 · with allowance"
            }
            .into(),
            applicant: (kind == MessageKind::InternshipApplicationArrived).then(|| {
                uketsuke::mail::ApplicantBlock {
                    name: "Nguyen Van An".into(),
                    affiliation: "東京大学".into(),
                    profile: if ja {
                        "2028年卒業予定 · 日本語: N2 · 経営学"
                    } else {
                        "Graduating 2028 · Japanese: N2 · Business"
                    }
                    .into(),
                    motivation: "日本の中小企業で働きたい。\n=cmd <script>".into(),
                }
            }),
        }),
        attendance: (kind == MessageKind::AttendanceCheck).then(|| {
            uketsuke::mail::AttendanceLinks {
                will_come_url: "https://uketsuke.example.jp/c/c12-00112233445566778899aabbccddeeff?answer=will_come".into(),
                cannot_come_url: "https://uketsuke.example.jp/c/c12-00112233445566778899aabbccddeeff?answer=cannot_come".into(),
            }
        }),
    }
}

/// The locales whose emails are snapshotted: Japanese, easy Japanese and English.
fn locales() -> [Lang; 3] {
    ["ja", "ja-x-easy", "en"].map(|tag| Lang::parse(tag).unwrap())
}

#[test]
fn every_message_in_every_locale() {
    let emails = Emails::new().unwrap();
    for &kind in MessageKind::ALL {
        for lang in locales() {
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
    for lang in locales() {
        let mut ctx = context(MessageKind::Promoted, lang);
        // Two colleagues: both at the keynote, one moved up at the case talk, where the other
        // still waits. Each line says who.
        ctx.sessions = vec![
            uketsuke::mail::SessionLine {
                when: "2026年12月8日(火) 10:00〜11:00".into(),
                title: "基調講演".into(),
                room: Some("ホールA".into()),
                status: "参加確定（山田 花子、佐藤 一郎）".into(),
                who: Some("山田 花子、佐藤 一郎".into()),
                waiting: false,
                online_url: None,
            },
            uketsuke::mail::SessionLine {
                when: "2026年12月8日(火) 11:00〜12:00".into(),
                title: "事例発表".into(),
                room: None,
                status: "参加確定（佐藤 一郎）".into(),
                who: Some("佐藤 一郎".into()),
                waiting: false,
                online_url: None,
            },
            uketsuke::mail::SessionLine {
                when: "2026年12月8日(火) 11:00〜12:00".into(),
                title: "事例発表".into(),
                room: None,
                status: "キャンセル待ち（山田 花子）".into(),
                who: Some("山田 花子".into()),
                waiting: true,
                online_url: None,
            },
        ];
        ctx.promoted_session = Some("事例発表".into());
        ctx.promoted_for = Some("佐藤 一郎".into());
        let r = emails.render(MessageKind::Promoted, ctx).unwrap();
        insta::assert_snapshot!(format!("promoted_session_{}", lang.tag()), r.text);
    }
}

#[test]
fn an_online_event_asks_for_no_qr_code_at_reception() {
    let emails = Emails::new().unwrap();
    for lang in locales() {
        for kind in [MessageKind::Confirmed, MessageKind::Reminder] {
            let mut ctx = context(kind, lang);
            ctx.event.in_person = false;
            ctx.event.map_url = None;
            ctx.event.venue = if lang.content() == uketsuke::domain::Language::Ja {
                "オンライン"
            } else {
                "Online"
            }
            .into();
            let r = emails.render(kind, ctx).unwrap();
            for part in [&r.text, &r.html] {
                assert!(!part.contains("QR"), "{kind:?} {lang}: {part}");
                assert!(
                    !part.contains("k1-0011"),
                    "{kind:?} {lang}: no code: {part}"
                );
                assert!(
                    part.contains("meet.example.jp"),
                    "{kind:?} {lang}: the meeting link is there"
                );
            }
            if kind == MessageKind::Reminder {
                insta::assert_snapshot!(format!("reminder_online_{}", lang.tag()), r.text);
            }
        }
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

/// A registrant may read any locale that has public pages, so each such locale has its own
/// subject, text and HTML body for every message, and its own bases: none falls back to
/// another's words. (A locale only the back-office is shown in would need none.)
#[test]
fn every_message_kind_exists_in_every_public_locale() {
    let files: std::collections::BTreeSet<&str> = uketsuke::i18n::EMAIL_FILES
        .iter()
        .map(|(name, _)| *name)
        .collect();
    let public: Vec<_> = uketsuke::i18n::locales()
        .iter()
        .filter(|l| l.has_file("site.ftl") || l.has_file("forms.ftl"))
        .collect();
    assert!(public.len() >= 3, "ja, ja-x-easy and en at least");
    let mut missing = Vec::new();
    for locale in &public {
        for base in ["base.txt", "base.html"] {
            let name = format!("{base}.{}.j2", locale.tag);
            if !files.contains(name.as_str()) {
                missing.push(name);
            }
        }
        for &kind in MessageKind::ALL {
            for part in ["subject.txt", "body.txt", "body.html"] {
                let name = format!("{}/{part}.{}.j2", kind.code(), locale.tag);
                if !files.contains(name.as_str()) {
                    missing.push(name);
                }
            }
        }
    }
    assert!(missing.is_empty(), "emails/ lacks {missing:#?}");
    // Each body extends its own locale's base.
    for (name, source) in uketsuke::i18n::EMAIL_FILES {
        if let Some(rest) = name.split_once("/body.").map(|(_, r)| r) {
            let (part, tag) = rest.split_once('.').unwrap();
            let tag = tag.trim_end_matches(".j2");
            let base = format!("{{% extends \"base.{part}.{tag}.j2\" %}}");
            assert!(source.contains(&base), "{name} extends {base}");
        }
    }
}

#[test]
fn calendar_text_escapes_backslash_semicolon_comma_and_newlines() {
    assert_eq!(calendar::escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(
        calendar::escape_text("一行目\r\n二行目\n三行目\r四"),
        r"一行目\n二行目\n三行目\n四"
    );
    assert_eq!(calendar::escape_text("bell\u{7}"), "bell");
}

#[test]
fn calendar_text_parameters_are_quoted_and_cannot_break_out() {
    assert_eq!(
        calendar::quote_param("山田 太郎, 株式会社テスト; 営業部"),
        "\"山田 太郎, 株式会社テスト; 営業部\""
    );
    assert_eq!(calendar::quote_param("say \"hi\":x"), "\"say 'hi':x\"");
    assert_eq!(
        calendar::quote_param("a\r\nATTENDEE:evil"),
        "\"aATTENDEE:evil\""
    );
}

#[test]
fn calendar_text_folding_keeps_lines_within_75_octets_and_characters_whole() {
    let long = format!("SUMMARY:{}", "テレワーク体験セミナー、八王子；".repeat(10));
    let folded = calendar::fold(&format!("{long}\r\n"));
    for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert_eq!(
        icalendar::parser::unfold(&folded).trim_end(),
        long,
        "unfolding gives the line back"
    );
    // ASCII exactly at the limit is not folded; one more octet is.
    let exact = "X".repeat(75);
    assert_eq!(calendar::fold(&exact), format!("{exact}\r\n"));
    assert_eq!(
        calendar::fold(&format!("{exact}Y")),
        format!("{exact}\r\n Y\r\n")
    );
}

#[test]
fn calendar_text_an_invitation_has_tokyo_times_method_and_quoted_names() {
    let t = |h| {
        chrono_tz::Asia::Tokyo
            .with_ymd_and_hms(2026, 12, 3, h, 0, 0)
            .unwrap()
            .with_timezone(&Utc)
    };
    let ics = calendar::render(
        Method::Request,
        &[CalendarEvent {
            uid: "registration-7@uketsuke".into(),
            sequence: 2,
            summary: "テレワーク体験セミナー, 八王子; 第1回".into(),
            description: "1行目\n2行目".into(),
            location: Some("八王子市学園都市センター".into()),
            url: Some("https://uketsuke.example.jp/events/x".into()),
            starts_at: t(14),
            ends_at: t(16),
            organizer: Some(Person {
                name: "東京都".into(),
                email: "events@tmg.example.jp".into(),
            }),
            attendees: vec![Person {
                name: "山田 花子, 株式会社テスト".into(),
                email: "hanako@example.jp".into(),
            }],
            cancelled: false,
            stamp: t(9),
        }],
    );
    let unfolded = icalendar::parser::unfold(&ics);
    assert!(unfolded.contains("METHOD:REQUEST\r\n"));
    assert!(unfolded.contains("DTSTART;TZID=Asia/Tokyo:20261203T140000\r\n"));
    assert!(unfolded.contains("DTEND;TZID=Asia/Tokyo:20261203T160000\r\n"));
    assert!(unfolded.contains("TZOFFSETTO:+0900"));
    assert!(unfolded.contains("SUMMARY:テレワーク体験セミナー\\, 八王子\\; 第1回\r\n"));
    assert!(unfolded.contains("ATTENDEE;CN=\"山田 花子, 株式会社テスト\";PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:hanako@example.jp"));
    assert!(unfolded.contains("SEQUENCE:2\r\n"));
    assert!(ics.lines().all(|l| l.len() <= 75));
}
