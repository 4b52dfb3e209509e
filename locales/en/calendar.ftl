## Calendar files (.ics): the words around an event's own title and description.
# A session's entry: the session's title, then its event's.
calendar-session-summary = { $session } ({ $event })
calendar-event-page = Event details
calendar-meeting-link = Meeting link
calendar-manage = See, change or cancel your registration
