## Dates and times. Built in src/i18n/dates.rs from these messages.
## $weekday is a code: mon tue wed thu fri sat sun. $year, $month, $day are numbers;
## $time, $start, $end are already written (14:00, or a date and a time); $zone is a time-zone
## name (Europe/Berlin).

# 2026年12月3日(木): the weekday is kept short, as on calendars
dates-date = { $year }年{ $month }月{ $day }日({ $weekday ->
        [mon] 月
        [tue] 火
        [wed] 水
        [thu] 木
        [fri] 金
        [sat] 土
       *[sun] 日
    })
dates-date-time = { $date } { $time }
# One day: 2026年12月3日(木) 14:00から16:00まで
dates-range-same-day = { $date } { $start }から{ $end }まで
# Across days: both are a date and a time.
dates-range = { $start }から{ $end }まで
dates-range-in-same-day = { $zone }の 時間で { $date } { $start }から{ $end }まで
dates-range-in = { $zone }の 時間で { $start }から { $end }まで
# Two times of one day.
dates-time-range = { $start }から{ $end }まで
# 2026年12月
dates-month = { $year }年{ $month }月
# A fiscal year (April to March). $reiwa is the year of the Reiwa era, 0 before 2019.
dates-fiscal-year = { $reiwa ->
        [0] { $year }年度
        [1] 令和1年度
       *[other] 令和{ $reiwa }年度
    }
