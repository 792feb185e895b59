import Testing
import UTCTime

/// The one calendar: day counts, leap years, strict `YYYY-MM-DD` reading. Day counts from
/// Python's `date.toordinal() - date(1970, 1, 1).toordinal()`.
@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(arguments: [
        ("1970-01-01", Int64(0), 4), ("1969-12-31", -1, 3), ("2000-02-29", 11_016, 2),
        ("2026-12-07", 20_794, 1), ("1900-03-01", -25_508, 4), ("0001-01-01", -719_162, 1),
        ("9999-12-31", 2_932_896, 5),
    ])
    func dayCountsAndWeekdays(text: String, days: Int64, weekday: Int) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.daysSince1970 == days)
        #expect(CalendarDate(daysSince1970: days) == date)
        #expect(date.description == text)
        #expect(date.weekday == weekday)
    }

    @Test(arguments: [
        (2024, 2, 29), (2000, 2, 29), (1900, 2, 28), (2026, 2, 28), (2026, 4, 30), (2026, 12, 31),
    ])
    func lastDaysOfMonths(year: Int, month: Int, last: Int) {
        #expect(CalendarDate.days(inMonth: month, of: year) == last)
        #expect(CalendarDate(year: year, month: month, day: last) != nil)
        #expect(CalendarDate(year: year, month: month, day: last + 1) == nil)
    }

    @Test(arguments: [
        "", "2026-11", "2026-1-01", "26-11-26", "2026-13-01", "2026-00-10", "2026-02-29", "1900-02-29",
        "2026-11-00", "2026-11-26T00:00:00Z", "2026/11/26", "２０２６-11-26", "+202-11-26",
    ])
    func refusedTexts(text: String) {
        #expect(CalendarDate(iso: text) == nil, "\(text)")
    }

    @Test func ordersByDay() throws {
        let earlier = try #require(CalendarDate(iso: "2026-02-28"))
        let later = try #require(CalendarDate(iso: "2026-03-01"))
        #expect(earlier < later)
        #expect(CalendarDate(daysSince1970: earlier.daysSince1970 + 1) == later)
    }
}
