"""The demo's content: Vietnamese text and facts as pure data, by subject.

No database, no randomness, no logic beyond reading the data: the seeder in
``tracker.demo`` chooses from these tables. Text that is only true at some dates or in some
months says so with a ``timing.When``; places are (commune, district) rows of
``places.PLACES``. The strings are data and do not go through gettext.
"""
