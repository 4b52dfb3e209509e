## Calendar files (.ics): the words around an event's own title and description.
## やさしい日本語: short sentences, everyday words.
# A session's entry: the session's title, then its event's.
calendar-session-summary = { $session }（{ $event }）
calendar-event-page = イベントのくわしい説明
calendar-meeting-link = 参加するURL
calendar-manage = 申し込みを見る・変える・キャンセルする
