from lessons.kit.inputs import shown


def test_short_values_are_shown_whole():
    assert shown("5 kg") == "'5 kg'"
    assert shown(12) == "12"


def test_long_values_are_cut_and_say_how_long_they_were():
    text = shown("0" * 1_000_000)
    assert len(text) < 80 and "1,000,000 characters" in text
    assert "characters" in shown(10 ** 400)


def test_a_failing_repr_does_not_raise():
    class Bad:
        def __repr__(self):
            raise RuntimeError("no")

    assert shown(Bad()) == "<Bad>"
