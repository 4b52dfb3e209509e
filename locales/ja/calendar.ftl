## Calendar files (.ics): the words around an event's own title and description.
# A session's entry: the session's title, then its event's.
calendar-session-summary = { $session }（{ $event }）
calendar-event-page = イベントの詳細
calendar-meeting-link = 参加用URL
calendar-manage = 申込内容の確認・変更・キャンセル
