## Calendar files (.ics): the words around an event's own title and description.
## やさしい日本語: short sentences, everyday words.
# A session's entry: the session's title, then its event's.
calendar-session-summary = { $session }（{ $event }）
calendar-event-page = イベントのくわしい説明
calendar-meeting-link = 参加するURL
calendar-manage = 申し込みを見る・変える・キャンセルする
# The manage page's link to the registrant's own entry; $link is yes when the entry carries a
# meeting link (an event with an online part), no otherwise.
calendar-add-mine = { $link ->
    [yes] あなたの予定をカレンダーに入れる（.ics。参加するURLも入っています）
   *[no] あなたの予定をカレンダーに入れる（.ics）
}
