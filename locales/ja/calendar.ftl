## Calendar files (.ics): the words around an event's own title and description.
# A session's entry: the session's title, then its event's.
calendar-session-summary = { $session }（{ $event }）
calendar-event-page = イベントの詳細
calendar-meeting-link = 参加用URL
calendar-manage = 申込内容の確認・変更・キャンセル
# The manage page's link to the registrant's own entry; $link is yes when the entry carries a
# meeting link (an event with an online part), no otherwise.
calendar-add-mine = { $link ->
    [yes] 参加予定をカレンダーに追加（.ics、参加用URL付き）
   *[no] 参加予定をカレンダーに追加（.ics）
}
