site-name = uketsuke
site-tagline = Work-style reform events of TMG and TCCI
skip-to-content = Skip to main content
language = Language
catalogue-title = Events and seminars
catalogue-intro = Seminars and events on work-style reform, telework, talent acquisition and more, run by the Tokyo Metropolitan Government with the Tokyo Chamber of Commerce and Industry.
filters = Filter
filter-area = Programme area
filter-kind = Kind
filter-format = Format
filter-month = Month
filter-text = Keywords
filter-all = All
filter-submit = Search
filter-reset = Clear filters
results-count = events
no-results = No events match. Try other filters.
date-time = Date and time
period = Period
venue = Venue
seats = Seats
full = Full
seats-left = { $left } of { $capacity } seats left
online-too = {" "}/ online
lang-ja = Japanese
lang-en = English
no-seat-limit = No seat limit
partners = Organizers and partners
online = Online
online-note = The meeting link is sent by email once your registration is confirmed.
map = Open map
languages = Languages
per-company-limit = Attendees per company, at most
persons = people
registration = Registration
registration-open = Open
registration-not-yet = Not open yet
registration-closed = Closed
registration-period = Registration period
fiscal-year = Fiscal year
cancelled-banner = This event has been cancelled.
description = About
back-to-catalogue = Back to all events
previous-page = Previous page
next-page = Next page
page = Page
footer-note = This site takes registrations for events under the cooperation agreement on work-style reform between the Tokyo Metropolitan Government and the Tokyo Chamber of Commerce and Industry.
api-docs = API
calendar = Calendar
add-to-calendar = Add to your calendar (.ics)
unsubscribe-stopped = Reminders and announcements are stopped.
unsubscribe-resumed = Reminders and announcements will come again.
error-title = Error
register-link = Register for this event
required = required
optional = optional
employee-band = Employees
yes = Yes
no = No
section-contact = Contact person
name = Name
department = Department
job-title = Title
email = Email
section-attendees = Attendees
registration-not-open-yet = Registration has not opened yet.
registration-closed-message = Registration has closed.
csrf-failed = The form expired or was sent from elsewhere. What you typed is kept: please send it again.
form-resubmitted = This form was sent already. To register with what you changed, press Register again.
done-changed = Your registration has been changed.
done-cancelled = Your registration has been cancelled.
done-attendee-cancelled = The attendee has been cancelled.
company = Company
not-found-title = Page not found
exhibit-link = Companies: apply for a booth
booth-languages = Languages at the booth / 対応言語
booth-positions = Positions offered / 募集職種
booth-visa-support = Work visa support / 就労ビザ取得の支援
exhibitors = Exhibitors / 出展企業
no-exhibitors = Exhibitors are listed once approved.
booth-interested = Students who want to visit / 訪問希望の学生
join-link = Join this campaign
declare-link = Make a declaration
declaration-commitments = Commitments
declaration-state = Review
declared-companies = Declared companies
campaign-actions = Actions you will take
campaign-period = Campaign period:
participants = Participating companies
participants-note = Participants who agreed to be listed.
no-participants = No participant has agreed to be listed yet.
sessions = Programme (sessions)
slots = Time slot
session-seats-left = { $n } seats left
session-full = Full
session-full-waitlist = Full (you may join the waiting list)
no-limit = No limit
slot-free = Available
slot-taken = Booked
room = Room
speaker = Speaker
your-time = In your time zone
show-in-zone = Show in another time zone
zone-tokyo = Japan time (Tokyo)
show = Show
preview-banner = Preview: shown to its organizers only (it may not be published yet).

## added for issue 14
full-waitlist = Full (you can join the waiting list)
full-no-waitlist = Full: no more registrations
in-brackets = {" "}({ $text })
time-range = { $from }–{ $to }
# A visitor's time zone, by its IANA name with '/' written as '-'.
zone-name = { $zone ->
    [Asia-Seoul] Seoul (Korea)
    [Asia-Shanghai] Shanghai (China)
    [Asia-Taipei] Taipei (Taiwan)
    [Asia-Manila] Manila (Philippines)
    [Asia-Singapore] Singapore
    [Asia-Bangkok] Bangkok (Thailand)
    [Asia-Ho_Chi_Minh] Ho Chi Minh City (Vietnam)
    [Asia-Jakarta] Jakarta (Indonesia)
    [Asia-Kolkata] India
    [Australia-Sydney] Sydney (Australia)
    [Europe-London] London (UK)
    [Europe-Paris] Paris (France)
    [Europe-Berlin] Berlin (Germany)
    [America-New_York] New York (US Eastern)
    [America-Los_Angeles] Los Angeles (US Pacific)
    [UTC] Coordinated Universal Time (UTC)
   *[other] { $zone }
}
