## Column headers of the back-office's CSV and Excel files, and the labels of the report
## tables, in the order the columns appear. Back-office only.

## The roster (roster.csv, roster.xlsx)
col-attendee-id = Attendee ID
col-registration-id = Registration ID
col-status = Status
col-attendee = Attendee
col-kana = Kana
col-department = Department
col-title = Title
col-email = Email
col-check-in = Checked in
col-company = Company
col-company-kana = Company kana
col-corporate-number = Corporate number
col-employees = Employees
col-prefecture = Prefecture
col-city = City
col-contact = Contact
col-contact-email = Contact email
col-contact-phone = Contact phone
col-heard-via = Heard via
col-registered-at = Registered at
col-sessions = Sessions
# The worksheet's name in roster.xlsx.
export-roster-sheet = Roster

## A campaign's entries (campaign.csv)
col-industry = Industry
col-company-employees = Employees (company)
col-actions = Actions
col-employees-covered = Employees covered
col-first-day = First day
col-last-day = Last day
col-listed = Listed

## Declarations (declarations.csv)
col-commitments = Commitments
col-statement = Statement
col-review = Review
col-reviewed-at = Reviewed at

## Booth applications (exhibitors.csv)
col-positions = Positions
col-languages = Languages
col-booth-staff = Booth staff
col-visa-support = Work visa support
col-fields = Fields
col-students-interested = Students interested

## Yes and no in a cell
export-yes = yes
export-no = no
# Whether a company supports a work visa.
export-has = yes
export-has-not = no

## An event's report (report.csv) and its charts
col-section = Section
col-label = Label
col-count = Count
report-over-time = Registrations so far
report-via-code = Via code (?via=)
report-company-size = Company size
report-city = Ward or city

## The fiscal year's report (reports.csv) and its chart
col-programme-area = Programme area
col-events-held = Events
col-seats-offered = Seats offered
col-companies = Companies
col-smes = of which SMEs
col-schools = Schools
col-other-organizations = Other organizations
col-attendees = Attendees (confirmed)
col-checked-in = Checked in
col-attendance-rate = Attendance rate
col-campaign-employees = Campaign employees covered
report-attendees-by-area = Attendees by programme area

## The roster's columns added for every kind of event (issue 16), after col-heard-via:
## the ?via= code of the link the registrant came by, then the company's industry
## (col-industry above), TCCI membership and the rest of its address. One column per
## question of the event follows, headed by the question's own text.
col-via-code = Link code (?via=)
col-tcci-member = TCCI member
col-postal-code = Postal code
col-street = Street address

## Who registered and where (issue 16)
col-registrant-kind = Registrant
col-country = Country or region
col-region = State or province
## Expert dispatch (the fiscal-year report)

report-dispatch-title = Expert dispatch
report-dispatch-note = Requests received in the fiscal year (not withdrawn), the companies that made them (each once), and the visits held in the fiscal year.
col-dispatch-requests = Requests
col-dispatch-companies = Companies
col-dispatch-visits-held = Visits held

## Expert dispatch (dispatch.csv)

col-dispatch-requested-at = Requested at
col-dispatch-theme = Theme
col-dispatch-issue = Issue
col-dispatch-employees = Employees
col-dispatch-state = Status
col-dispatch-expert = Expert
col-dispatch-visits = Visits
