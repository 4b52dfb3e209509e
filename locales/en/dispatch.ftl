# Expert dispatch: the request form, the manage page, emails and calendar entries.
# The back-office's own words are in backoffice.ftl (section "Expert dispatch").

## The form and the manage page

dispatch-request-link = Request an expert visit
dispatch-section = Your request for an expert
dispatch-intro = A work-style reform expert (a labour and social security attorney, an SME consultant and the like) supports your company at your office or online, free of charge.
dispatch-theme = Theme
dispatch-issue = The issue you face
dispatch-issue-hint = Describe where you stand and what troubles you (up to 2,000 characters).
dispatch-employees = Number of employees
dispatch-preferred-dates = Preferred dates (up to 3)
dispatch-date-n = Choice { $n }
dispatch-dates-hint = Choose at least one day between { $from } and { $to }.
dispatch-mode = How to meet
dispatch-state = Status
dispatch-company = Company
dispatch-expert = Your expert
dispatch-expert-line = { $name } ({ $affiliation })
dispatch-no-expert-yet = We are finding an expert for you and will email you once one is assigned.
dispatch-visits = Visits
dispatch-visits-hint = Each visit comes by email with its own calendar file; changes and cancellations are emailed too.
dispatch-no-visits-yet = No visit has been scheduled yet.
dispatch-standing-requested = We have received your request. We will arrange an expert and dates with you by email.
dispatch-standing-assigned = An expert has been assigned. The visits are listed below and sent by email.
dispatch-standing-closed = This support has been completed.
dispatch-calendar-summary = Expert visit ({ $theme }): { $company }

## Emails

dispatch-mail-request = Your request
dispatch-mail-visit = Visit
dispatch-mail-when = Date and time
dispatch-mail-where = Place
dispatch-mail-link = Meeting link
