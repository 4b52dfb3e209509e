## Calendar files (.ics): the words around an event's own title and description.
# A session's entry: the session's title, then its event's.
calendar-session-summary = { $session } ({ $event })
calendar-event-page = Event details
calendar-meeting-link = Meeting link
calendar-manage = See, change or cancel your registration
# The manage page's link to the registrant's own entry; $link is yes when the entry carries a
# meeting link (an event with an online part), no otherwise.
calendar-add-mine = { $link ->
    [yes] Add your place to your calendar (.ics, with the meeting link)
   *[no] Add your place to your calendar (.ics)
}
