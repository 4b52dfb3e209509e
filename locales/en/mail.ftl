## Words the email templates share (emails/*/*.j2 call them with t("mail-…")).
## Prose that belongs to one message stays in that message's template.
mail-brand = uketsuke
mail-dear = Dear { $name },
mail-copy-note = { $contact } registered you as an attendee; this is your copy. Please ask { $contact } for any change or cancellation.
mail-event = Event
mail-when = When
mail-where = Where
mail-map = Map
mail-map-link = map
mail-meeting-link = Meeting link
mail-details = Details
mail-sessions = Your sessions
mail-door = At the door
mail-door-show-qr = Show this QR code at reception.
mail-door-show-qr-text = Show the QR code in this email (HTML version) at reception, or give your name and the code below.
mail-checkin-line = { $name }: { $code }
mail-manage = See, change or cancel your registration
mail-manage-private = This link is yours alone: please do not share it.
mail-questions = Questions
mail-privacy = Personal information
mail-unsubscribe = Stop reminders and announcements
mail-unsubscribe-note = Messages about your registration and changes to the event still come.
mail-footer = Work-style reform events of the Tokyo Metropolitan Government and TCCI
mail-attendees = Attendees
mail-calendar-attached = The attached invite.ics adds it to your calendar.
mail-calendar-removed = The attached invite.ics removes it from your calendar.
mail-calendar-updated = Your calendar entry is updated too (invite.ics attached).
mail-declaration = Your declaration
mail-commitments = Commitments
mail-statement = Statement
mail-campaign-entry = Your entry
mail-campaign-actions = Actions
mail-campaign-employees = Employees covered
mail-people = { $n }
mail-campaign-period = Days
mail-campaign-listed = Listed among participants
mail-campaign-listed-yes = yes
mail-campaign-listed-no = no
## Where the review of a booth application or a declaration stands, in its receipt.
mail-review = Review
mail-under-review = Under review (not decided yet)
mail-booth = Your booth
mail-positions = Positions
mail-languages = Languages
## A job fair's message carries the English version below the Japanese one, under this heading.
mail-english-version = English
mail-promoted-who = Confirmed for: { $names }
