from errors import EventMapError, FileTooLargeError, InputError, ParseError, StoreError, ValidationError, NotFoundError


def test_message_names_where_field_and_value():
    err = ValidationError("is not a valid date", field="date.start", value="2017-02-30", where="events.csv:4812")
    assert str(err) == "events.csv:4812, field 'date.start': is not a valid date (got '2017-02-30')"


def test_value_not_repeated_when_message_already_shows_it():
    err = ValidationError("year 20177 out of range '20177'", value="20177")
    assert str(err).count("20177") == 2


def test_long_values_are_shortened():
    err = ParseError("bad", value="x" * 500)
    assert len(str(err)) < 120


def test_hierarchy_lets_callers_catch_broadly():
    assert issubclass(ValidationError, InputError) and issubclass(ParseError, InputError)
    assert issubclass(FileTooLargeError, InputError) and issubclass(InputError, EventMapError)
    assert issubclass(NotFoundError, StoreError) and issubclass(StoreError, EventMapError)
