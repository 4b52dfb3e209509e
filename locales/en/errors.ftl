# Error messages: `error-<code>` for each error code (the code with `_` as `-`). One code has
# one wording; the page shows the field's label next to a field's message, so a message may
# be general ("This field is required.").

## Whole requests

error-validation-failed = Some fields need attention; see the message for each field.
error-not-found = What you are looking for was not found.
error-unauthenticated = Authentication required: send a valid API token as Authorization: Bearer.
error-forbidden = You are not allowed to do this.
error-payload-too-large = What was sent is too large.
error-internal = Something went wrong on our side. Please try again later.
error-request-control-character = What was sent contains a character that cannot be used (a control character); remove it and send again.
error-request-invalid-encoding = Nothing was saved: what was sent contains bytes that are not UTF-8 text. Go back in your browser to the form, type the garbled field again and send it.
error-method-not-allowed = This method is not allowed here.
error-unsupported-media-type = Send the body as Content-Type: application/json.
error-malformed-request = The request could not be read
error-too-many-requests = Too many requests: please try again in about { $seconds } seconds.

## Any field

error-required = This field is required.
error-choose-one = Choose one.
error-choose-at-least-one = Choose at least one.
error-invalid-choice = Choose from the options.
error-too-long = Use at most { $max } characters.
error-too-short = Use at least { $min } characters.
error-out-of-range = Enter a whole number from { $min } to { $max }.
error-invalid-number = Enter a whole number of { $min } or more.
error-not-a-number = Enter a number.
error-not-a-time = Enter the time as 2026-12-03T14:00.
error-invalid-date = Enter the date as 2026-07-01.
error-control-character = This contains a character that cannot be used (a control character, which may be invisible). Clear this field and type it again.
error-line-break = Enter this on one line, without line breaks.
error-confirm-required = Tick the box to confirm.
error-both-languages = Give this in both Japanese and English.
error-other-required = Describe "other".
error-invalid-email = This is not a valid email address.
error-invalid-url = Enter a full URL starting with https://.

## Companies and people

error-invalid-corporate-number = A corporate number has 13 digits.
error-corporate-number-check-digit = This corporate number is not valid (its check digit does not match). Please check it on the National Tax Agency's site.
error-corporate-number-required = Enter the corporate number (sole proprietors: tick "sole proprietor").
error-invalid-postal-code = Enter a 7-digit postal code in Japan (e.g. 100-0005), or elsewhere the postal code as written there (letters, digits, spaces and hyphens, up to 12).
error-invalid-phone = Enter a valid phone number: in Japan 10 or 11 digits starting with 0 (e.g. 03-1234-5678); elsewhere with the country code (e.g. +1 415 555 0123).
error-invalid-kana = { $latin ->
    [yes] Enter the reading in katakana, hiragana or Latin letters.
   *[no] Enter the reading in katakana or hiragana.
}
error-invalid-prefecture = Choose a prefecture.
error-invalid-year = Enter your graduation year, e.g. 2027.

## Registrations

error-consent-required = Please agree to the purpose of use of personal information.
error-answer-required = Please answer this question.
error-unknown-question = There is no such question.
error-no-attendees = Add at least one attendee.
error-too-many-attendees = { $max ->
    [one] At most one attendee.
   *[other] At most { $max } attendees.
}
error-per-company-limit = This event takes at most { $limit } attendees per company ({ $others } already registered under this corporate number, so { $left } more).
error-duplicate-attendee = Another attendee in this form has the same email address.
error-not-for-campaign = A campaign is joined by the company: no attendees are registered.
error-campaign-joined = A company with this corporate number has joined already; use the link in its email to change the entry.
error-idempotency-key-reused = This idempotency key was used for a different request.
error-event-full = This event is full.
error-event-cancelled = This event has been cancelled.
error-registration-not-open = Registration has not opened yet.
error-registration-closed = Registration has closed.
error-registration-cancelled = This registration has been cancelled.
error-registration-duplicate = This registration repeated addresses that were registered already, so it holds no place: there is nothing here to change or cancel.
error-changes-closed = Registrations cannot be changed once the event has started or been cancelled.
error-individual-registration = An individual registration has no attendees to change.
error-last-attendee = Keep at least one attendee (to withdraw everyone, cancel the registration).
error-unknown-attendee = This registration has no such attendee.
error-email-fixed = A registered attendee's email cannot change; remove the attendee and add the new person instead.
error-not-enough-seats = Not enough seats left: { $seats ->
    [one] one is needed.
   *[other] { $seats } are needed.
}
error-not-waitlisted = This registration is not on the waiting list.
error-unknown-session = A chosen session is not part of this event; reload the page.
error-one-slot = One slot per company: choose one.
error-sessions-clash = "{ $first }" and "{ $second }" overlap; choose one of them.
error-slot-taken = The slot "{ $session }" was just booked by someone else; choose another.
error-session-full = "{ $session }" is full.
error-unknown-booth = A chosen booth is not part of this fair; reload the page.
error-outside-period = Choose dates within the campaign ({ $from } to { $to }).
error-last-day-before-first = The last day must not come before the first.

## Events, sessions and questions (back office)

error-invalid-slug = Use 3 to 64 lower-case letters, digits and single hyphens (e.g. telework-seminar-2026-12).
error-slug-taken = The slug "{ $slug }" is taken; choose another.
error-required-on-site = An on-site event needs this.
error-ends-before-start = The end must come after the start.
error-closes-after-start = Registration must close by the start (for a campaign, by the end).
error-closes-before-opening = Registration must close after it opens.
error-campaign-has-no-capacity = A campaign or declaration scheme has no seats; leave the capacity empty.
error-exceeds-capacity = The per-company limit cannot exceed the capacity.
error-below-seats-taken = { $seats ->
    [one] One seat is taken already; the capacity cannot be lower.
   *[other] { $seats } seats are taken already; the capacity cannot be lower.
}
error-invalid-reminder-days = Reminders go 1 to 30 days before the event, at most 5 of them.
error-event-in-past = This event has already ended and cannot be published; check its dates.
error-event-not-published = An event that is not published has no registrants to tell.
error-not-published = This can be done only for a published event.
error-one-line = A subject is one line.
error-needs-english-subject = With an English body, give an English subject too.
error-needs-english-body = With an English subject, give an English body too.
error-outside-event = A session must fall within the event's time.
error-too-many-sessions = An event has at most { $max } sessions.
error-mixed-sessions = Consultation slots and talks cannot be mixed in one event.
error-session-in-use = A session with registrations cannot be removed.
error-too-many-questions = An event has at most { $max } questions.
error-options-count = Give 2 to 50 options.
error-invalid-value = Use letters, digits, '-' or '_' for the value.
error-duplicate-value = Two options have the same value.
error-booths-full = All { $booths } booths are taken: raise the number of booths or decline another.
error-not-now = That cannot be done in the state this application is in now (approving what is approved already, for example). Reload the list to see where it stands.
error-return-note-required = Say what should be changed.

## Moving a registration, the door

error-choose-event = Choose the event to move the registration to.
error-unknown-event = Choose one of your organization's events.
error-slot-booking = { $event } takes bookings of time slots: the registrant must choose one and register there.
error-move-other-shape = This registration cannot move to { $event }: it takes a different kind of registration or audience. A registration moves only to an event of the same kind (seats to seats) and for the same audience (companies or individuals).
error-not-open = { $event } is not a published event yet to come.
error-already-registered-there = { $names } already registered for that event.
error-target-full = { $event } has no room for { $seats }.
error-cancelled = A cancelled registration cannot be moved.
error-already-registered = This address is registered already: search for the name and check them in.
error-not-confirmed = { $name } does not hold a confirmed seat.
error-not-in-session = { $name } holds no place in this session.
error-walk-in-consent = Explain the purpose of use and tick once the person agrees.

## Accounts, organizations and partners

error-login-failed = The email address or password is not right. After repeated failures, wait about 15 minutes before trying again.
error-wrong-password = The current password is not right.
error-passwords-differ = The two new passwords differ.
error-user-exists = A user with this email address exists already.
error-own-account = You cannot change your own role or switch yourself off; ask another admin.
error-invalid-org-code = An organization code has 2 to 32 letters, digits, '-' or '_'.
error-organization-exists = The organization code { $code } is taken.
error-unknown-organization = There is no organization with the code { $code }.
error-organizer-is-fixed = The organizer is the organization that created the event; it cannot be added as a partner.
error-is-organizer = The organizer cannot be its own partner.
error-partner-exists = { $name } is a partner of this event already.
error-database-not-empty = The database holds data already; demo data goes into an empty database only.

## Who registers (issue 16)
error-invalid-country = Choose a country or region.
error-invalid-time-zone = Choose a time zone from the list.
error-not-for-sole-proprietor = A sole proprietor has no corporate number. If there is one, register as a company.
## Certification: documents and calls
error-document-too-large = "{ $name }" is too large: each file may be up to { $max } MB.
error-document-type = "{ $name }" is not a PDF, PNG or JPEG file (we check its content).
error-document-empty = "{ $name }" is empty.
error-document-required = Attach at least one document.
error-document-unreadable = The files could not be read. Please send the form again.
error-too-many-documents = You may attach up to { $max } documents.
error-invalid-category-code = Use lower-case letters, digits, "_" and "-", up to 32 characters.
error-duplicate-category = A category with this code exists already.
error-too-many-categories = A call may have up to { $max } categories.
## Expert dispatch

error-dispatch-too-many-dates = Give at most { $max } dates.
error-dispatch-date-outside = Choose dates within the programme's period.
error-dispatch-visit-past = A visit must be in the future.
error-dispatch-visit-limit = This company has had its { $max } visits of fiscal year { $year } already. Cancel another visit, or schedule it in the next fiscal year.
error-dispatch-no-expert = Assign an expert first.
error-dispatch-assigned = An expert has been assigned, so the request cannot be withdrawn here. Please contact the organizer.
error-internship-offer-unavailable = The host company you chose no longer takes applications or is not part of this programme. Reload the page and choose again.
error-internship-applied-already = You have applied to this host company already.
error-internship-places-full = All { $places } places are taken. Decline another student first to accept this one.

## Check-in through the API (issue 17)
error-attendee-or-code = Give either the attendee id (attendee_id) or the check-in code (code), one of the two.
error-invalid-confirm-days-before = The attendance check goes 1 to 30 days before the event.
