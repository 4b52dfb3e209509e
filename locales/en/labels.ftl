## Labels of codes: what each value of a closed set (industry, status, role...) is called.
## Ids: label-<set>-<code>, listed beside each value in src/domain.

## Audience
label-audience-companies = Companies and organizations
label-audience-individuals = Individuals

## RegistrationStatus
label-registration-status-confirmed = Confirmed
label-registration-status-waitlisted = Waitlisted
label-registration-status-cancelled = Cancelled
label-registration-status-duplicate = Already registered

## AttendeeStatus
label-attendee-status-active = Attending
label-attendee-status-cancelled = Cancelled
label-attendee-status-duplicate = Duplicate

## HeardVia
label-heard-via-tcci-mail-magazine = TCCI mail magazine
label-heard-via-tosho-shimbun = Tosho Shimbun (TCCI newspaper)
label-heard-via-tcci-advisor = A TCCI management advisor
label-heard-via-tmg-website = TMG website
label-heard-via-municipality = My municipality
label-heard-via-other = Other

## MessageKind
label-message-kind-confirmed = Registration confirmed
label-message-kind-waitlisted = You are on the waiting list
label-message-kind-promoted = A seat is yours
label-message-kind-changed = Registration changed
label-message-kind-cancelled = Cancellation received
label-message-kind-already-registered = You are already registered
label-message-kind-event-changed = Event changed
label-message-kind-event-cancelled = Event cancelled
label-message-kind-reminder = Reminder
label-message-kind-announcement = Announcement from the organizer
label-message-kind-booth-received = Booth application received
label-message-kind-booth-decided = Your booth application has been decided
label-message-kind-entry-received = Campaign entry received
label-message-kind-declaration-received = Declaration received
label-message-kind-declaration-reviewed = Your declaration has been reviewed

## QuestionKind
label-question-kind-text = Free text
label-question-kind-single-choice = Single choice
label-question-kind-multiple-choice = Multiple choice
label-question-kind-yes-no = Yes or no

## CampaignAction
label-campaign-action-telework = Telework
label-campaign-action-staggered-commuting = Staggered commuting (Jisa Biz)
label-campaign-action-flex-time = Flexitime
label-campaign-action-logistics = Efficient logistics, TDM
label-campaign-action-other = Other

## PartnerRole
label-partner-role-organizer = Organized by
label-partner-role-co-host = Co-hosted by
label-partner-role-backing = Supported by
label-partner-role-cooperation = In cooperation with
label-partner-role-publicity = Publicity by

## PartnerState
label-partner-state-requested = Requested
label-partner-state-approved = Approved
label-partner-state-declined = Declined

## BoothLanguage
label-booth-language-ja = Japanese
label-booth-language-en = English
label-booth-language-zh = Chinese
label-booth-language-ko = Korean
label-booth-language-vi = Vietnamese
label-booth-language-other = Other

## JapaneseLevel
label-japanese-level-n1 = JLPT N1
label-japanese-level-n2 = JLPT N2
label-japanese-level-n3 = JLPT N3
label-japanese-level-n4 = JLPT N4
label-japanese-level-n5 = JLPT N5
label-japanese-level-native = Native speaker
label-japanese-level-learning = Learning (no certificate)

## ExhibitorState
label-booth-state-under-review = Under review
label-booth-state-approved = Approved
label-booth-state-declined = Declined

## ProgrammeArea
label-programme-area-work-style-reform = Work-style reform
label-programme-area-telework = Telework
label-programme-area-smooth-biz = Smooth-Biz
label-programme-area-life-work-balance = Life-work balance
label-programme-area-womens-advancement = Women's advancement
label-programme-area-sme-talent = SME talent acquisition

## EventKind
label-event-kind-seminar = Seminar
label-event-kind-experience-seminar = Hands-on seminar
label-event-kind-expo = EXPO
label-event-kind-job-fair = Job fair
label-event-kind-campaign = Campaign
label-event-kind-consultation = Consultation
label-event-kind-info-exchange = Information exchange
label-event-kind-case-presentation = Case presentation
label-event-kind-matching-event = Matching event
label-event-kind-internship = Internship
label-event-kind-declaration = Declaration

## EventFormat
label-event-format-on-site = On site
label-event-format-online = Online
label-event-format-hybrid = On site and online

## EventStatus
label-event-status-draft = Draft
label-event-status-published = Published
label-event-status-cancelled = Cancelled

## UserRole
label-user-role-admin = Administrator
label-user-role-organizer = Organizer
label-user-role-checkin-staff = Check-in staff
label-user-role-viewer = Viewer

## Industry
label-industry-construction = Construction
label-industry-manufacturing = Manufacturing
label-industry-information-communications = Information and communications
label-industry-transport = Transport and postal services
label-industry-wholesale = Wholesale
label-industry-retail = Retail
label-industry-finance = Finance and insurance
label-industry-real-estate = Real estate and leasing
label-industry-professional-services = Professional and technical services
label-industry-hospitality = Accommodation and food services
label-industry-living-services = Personal services and entertainment
label-industry-education = Education
label-industry-medical = Medical care and welfare
label-industry-other-services = Other services
label-industry-other = Other

## EmployeeBand
label-employee-band-1-5 = 1–5
label-employee-band-6-20 = 6–20
label-employee-band-21-50 = 21–50
label-employee-band-51-100 = 51–100
label-employee-band-101-300 = 101–300
label-employee-band-301-1000 = 301–1,000
label-employee-band-1001-or-more = 1,001 or more

## OrganizationKind
label-organization-kind-tmg = Tokyo Metropolitan Government
label-organization-kind-tcci = Tokyo Chamber of Commerce and Industry
label-organization-kind-municipality = Municipality
label-organization-kind-association = Business association
label-organization-kind-company = Company
label-organization-kind-other = Other

## Commitment
label-commitment-telework = Promote telework
label-commitment-flexible-hours = Staggered hours and flexitime
label-commitment-online-meetings = Online meetings and sales
label-commitment-paperless = Paperless work and e-approval
label-commitment-satellite = Satellite offices
label-commitment-other = Other

## ReviewState
label-declaration-state-under-review = Under review
label-declaration-state-approved = Approved
label-declaration-state-returned = Returned for changes

## PickStatus
label-pick-status-confirmed = Confirmed
label-pick-status-waitlisted = Waitlisted
label-pick-status-cancelled = Dropped

## Prefectures
label-prefecture-hokkaido = Hokkaido
label-prefecture-aomori = Aomori
label-prefecture-iwate = Iwate
label-prefecture-miyagi = Miyagi
label-prefecture-akita = Akita
label-prefecture-yamagata = Yamagata
label-prefecture-fukushima = Fukushima
label-prefecture-ibaraki = Ibaraki
label-prefecture-tochigi = Tochigi
label-prefecture-gunma = Gunma
label-prefecture-saitama = Saitama
label-prefecture-chiba = Chiba
label-prefecture-tokyo = Tokyo
label-prefecture-kanagawa = Kanagawa
label-prefecture-niigata = Niigata
label-prefecture-toyama = Toyama
label-prefecture-ishikawa = Ishikawa
label-prefecture-fukui = Fukui
label-prefecture-yamanashi = Yamanashi
label-prefecture-nagano = Nagano
label-prefecture-gifu = Gifu
label-prefecture-shizuoka = Shizuoka
label-prefecture-aichi = Aichi
label-prefecture-mie = Mie
label-prefecture-shiga = Shiga
label-prefecture-kyoto = Kyoto
label-prefecture-osaka = Osaka
label-prefecture-hyogo = Hyogo
label-prefecture-nara = Nara
label-prefecture-wakayama = Wakayama
label-prefecture-tottori = Tottori
label-prefecture-shimane = Shimane
label-prefecture-okayama = Okayama
label-prefecture-hiroshima = Hiroshima
label-prefecture-yamaguchi = Yamaguchi
label-prefecture-tokushima = Tokushima
label-prefecture-kagawa = Kagawa
label-prefecture-ehime = Ehime
label-prefecture-kochi = Kochi
label-prefecture-fukuoka = Fukuoka
label-prefecture-saga = Saga
label-prefecture-nagasaki = Nagasaki
label-prefecture-kumamoto = Kumamoto
label-prefecture-oita = Oita
label-prefecture-miyazaki = Miyazaki
label-prefecture-kagoshima = Kagoshima
label-prefecture-okinawa = Okinawa

## Lines built from codes and data (src/i18n/words.rs)
# Between the items of a list (names, labels).
list-separator = { ", " }
# Between the languages spoken at a booth.
list-separator-languages = { ", " }
# A choice "other" with the registrant's own words.
label-with-other = { $label } ({ $other })
# One role of the partner line: Organized by Tokyo Metropolitan Government
partner-line-role = { $role } { $names }
partner-line-separator = { " / " }
channel-walk-in = Walk-in
venue-line = { $name } { $address }
venue-line-hybrid = { $name } { $address } (also online)
venue-line-online = Online
# The days a company takes part in a campaign (dates as 2027-07-01).
campaign-days = { $from } to { $to }
# A booth: the positions, the languages, and whether a work visa is supported ($visa: yes, no).
booth-details = { $positions } · { $languages } · { $visa ->
        [yes] work visa supported
       *[no] no work visa support
    }
answer-yes = Yes
answer-no = No
report-not-given = Not given
report-total = Total
# The statement registrants agree to when an event has none of its own.
default-purpose-of-use = The personal information you register is used only to run this event (confirming attendance, contacting you, sending materials, reception on the day), to tell you about future programmes of the organizer and co-hosts, and for statistical analysis of results. It is not given to third parties without your consent, except where the law requires.
# An event by its title and time.
event-with-time = { $title } ({ $when })
label-shape-seats = Registration
label-shape-booth = Booth application
label-shape-student-visit = Visit
label-shape-campaign-entry = Campaign entry
label-shape-declaration = Declaration
label-booth-state-withdrawn = Withdrawn
label-declaration-state-withdrawn = Withdrawn
label-entry-state-joined = Entered
label-entry-state-withdrawn = Withdrawn
session-status-who = { $status } ({ $names })

## Who registers (issue 16)
label-audience-everyone = Organizations and individuals
label-registrant-kind-company = A company
label-registrant-kind-sole-proprietor = A sole proprietor
label-registrant-kind-school = A school (university, vocational school, Japanese-language school…)
label-registrant-kind-municipality = A municipality
label-registrant-kind-association = A business or industry association
label-registrant-kind-other-organization = Another organization (NPO, foundation…)
label-registrant-kind-individual = An individual
label-school-type-university = University or graduate school
label-school-type-junior-college = Junior college
label-school-type-vocational-school = Vocational school
label-school-type-japanese-language-school = Japanese-language school
label-school-type-high-school = High school
label-school-type-other = Another school
# Messages to the staff of organizations (issue 16): a partner request and its answer.
label-message-kind-partner-requested = Partner request
label-message-kind-partner-answered = Answer to a partner request
## Certification schemes
label-event-kind-certification = Certification
label-shape-certification-application = Application for certification
label-message-kind-certification-received = Application received
label-message-kind-certification-decided = Result of your application
label-certification-state-under-review = Under review
label-certification-state-certified = Certified
label-certification-state-not-certified = Not certified
label-certification-state-withdrawn = Withdrawn
## Expert dispatch

label-event-kind-expert-dispatch = Expert dispatch
label-shape-dispatch-request = Expert visit request
label-dispatch-theme-work-style = Work-style reform in general
label-dispatch-theme-telework = Telework
label-dispatch-theme-working-hours = Shorter working hours
label-dispatch-theme-leave = Taking paid leave
label-dispatch-theme-care-balance = Work with childcare or nursing care
label-dispatch-theme-womens-advancement = Women's advancement
label-dispatch-theme-hr-systems = Appraisal and pay systems
label-dispatch-theme-digital = Digital work processes
label-visit-mode-on-site = On site
label-visit-mode-online = Online
label-dispatch-state-requested = Received (finding an expert)
label-dispatch-state-assigned = Expert assigned
label-dispatch-state-closed = Support completed
label-dispatch-state-withdrawn = Withdrawn
label-visit-state-scheduled = Scheduled
label-visit-state-held = Held
label-visit-state-not-held = Not held
label-visit-state-cancelled = Cancelled
label-message-kind-dispatch-received = Expert visit request received
label-message-kind-dispatch-visit = Expert visit schedule
label-shape-internship-offer = Internship offer
label-shape-internship-application = Internship application
label-offer-state-open = Open
label-offer-state-closed = Closed (all places taken)
label-offer-state-withdrawn = Withdrawn
label-application-state-applied = Under consideration
label-application-state-accepted = Accepted
label-application-state-declined = Declined
label-application-state-withdrawn = Withdrawn
label-message-kind-internship-offer-received = Internship offer received
label-message-kind-internship-applied = Application received
label-message-kind-internship-application-arrived = New application
label-message-kind-internship-decided = Decision on an application
label-message-kind-attendance-check = Attendance check
