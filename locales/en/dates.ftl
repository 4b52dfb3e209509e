## Dates and times. Built in src/i18n/dates.rs from these messages.
## $weekday is a code: mon tue wed thu fri sat sun. $year, $month, $day are numbers;
## $time, $start, $end are already written (14:00, or a date and a time); $zone is a time-zone
## name (Europe/Berlin).

# Thu 3 Dec 2026
dates-date = { $weekday ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
       *[sun] Sun
    } { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $year }
dates-date-time = { $date } { $time }
# One day: Thu 3 Dec 2026, 14:00–16:00 JST (readers abroad need to know the zone)
dates-range-same-day = { $date }, { $start }–{ $end } JST
# Across days: both are a date and a time.
dates-range = { $start } – { $end } JST
dates-range-in-same-day = { $date }, { $start }–{ $end }, { $zone } time
dates-range-in = { $start } – { $end }, { $zone } time
# Two times of one day.
dates-time-range = { $start }–{ $end }
# December 2026
dates-month = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
# A fiscal year (April to March). $reiwa is the year of Japan's Reiwa era, 0 before 2019;
# English does not name it.
dates-fiscal-year = { $reiwa ->
       *[other] FY{ $year }
    }
