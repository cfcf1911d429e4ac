from datetime import date

import pytest

from graph.dates import parse


def test_precision_kept_and_bounds() -> None:
    month = parse("2010-09")
    assert (month.precision, month.earliest, month.latest) == ("month", date(2010, 9, 1), date(2010, 9, 30))
    assert str(month.literal().datatype).endswith("#gYearMonth")
    year = parse("2011")
    assert (year.earliest, year.latest) == (date(2011, 1, 1), date(2011, 12, 31))
    assert str(year.literal().datatype).endswith("#gYear")
    assert parse("2012-02").latest == date(2012, 2, 29)
    assert str(parse("2011-06-01").literal().datatype).endswith("#date")


@pytest.mark.parametrize("bad", ["Sept. 2010", "2010-13", "2011-02-30", "10/01/10", "2010-9"])
def test_bad_dates_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse(bad)
