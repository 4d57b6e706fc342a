"""Vietnamese first, English one click away, and no string left untranslated."""

import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tracker import ROOT
from tracker.extensions import db

CATALOGS = ROOT / "tracker" / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _catalog(locale: str):
    with open(CATALOGS / locale / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh, locale=locale)


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_every_extracted_string_has_a_vietnamese_translation(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            Path(sys.executable).parent / "pybabel",
            "extract",
            "-F",
            "babel.cfg",
            # Babel skips folders starting with "_" by default; templates/_macros has strings.
            "--ignore-dirs",
            ".*",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-k",
            "lazy_pgettext:1c,2",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(pot, "rb") as fh:
        extracted = {_ids(m)[0] for m in read_po(fh) if m.id}
    vi = {_ids(m)[0]: m for m in _catalog("vi") if m.id}
    assert sorted(extracted - set(vi)) == [], "run `make extract-messages` and translate"
    untranslated = sorted(i for i in extracted if not all(_strings(vi[i])) or vi[i].fuzzy)
    assert untranslated == []


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_translations_keep_every_placeholder(locale):
    for message in _catalog(locale):
        if message.id and all(_strings(message)):
            expected = set(PLACEHOLDER.findall(_ids(message)[-1]))
            for text in _strings(message):
                assert set(PLACEHOLDER.findall(text)) == expected, message.id


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_catalogs_pass_the_checks_of_pybabel_compile(locale):
    """What `make translations` (pybabel compile) refuses, the suite refuses first."""
    errors = [(m.id, [str(e) for e in errs]) for m, errs in _catalog(locale).check()]
    assert errors == []


def test_vietnamese_translations_have_diacritics():
    """A guard against unaccented 'Vietnamese' (e.g. 'Dang nhap')."""
    strings = [_strings(m)[0] for m in _catalog("vi") if m.id and all(_strings(m))]
    accented = [
        s
        for s in strings
        if re.search(
            r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", s, re.I
        )
    ]
    assert len(accented) / len(strings) > 0.9


def test_english_catalog_exists_for_every_string():
    english = {_ids(m)[0] for m in _catalog("en") if m.id}
    vietnamese = {_ids(m)[0] for m in _catalog("vi") if m.id}
    assert vietnamese <= english


@pytest.mark.parametrize(("locale", "expected"), [("vi", "05/03/2025"), ("en", "5 Mar 2025")])
def test_dates_read_dd_mm_yyyy_in_vietnamese(app, locale, expected):
    from flask_babel import force_locale

    from tracker.formatting import fmt_date, fmt_datetime

    with app.test_request_context(), force_locale(locale):
        assert fmt_date(date(2025, 3, 5)) == expected
        # 23:30 UTC is already the next morning in Vietnam.
        moment = fmt_datetime(datetime(2025, 3, 4, 23, 30, tzinfo=UTC))
        assert ("05/03/2025" if locale == "vi" else "5 Mar 2025") in moment
        assert "06:30" in moment


def test_the_language_choice_is_saved_for_the_user(client, login, world):
    login(world.users.office)
    assert "Trang chủ" in client.get("/").get_data(as_text=True)
    response = client.post("/language", data={"locale": "en", "next": "/reports"})
    assert response.headers["Location"] == "/reports"
    db.session.refresh(world.users.office)
    assert world.users.office.locale == "en"
    html = client.get("/").get_data(as_text=True)
    assert "Home" in html and "Trang chủ" not in html
    # It follows the user to a new session.
    client.post("/logout")
    login(world.users.office)
    assert "Home" in client.get("/").get_data(as_text=True)


def test_language_before_login_is_remembered_in_the_session(client):
    client.post("/language", data={"locale": "en"})
    assert "Log in" in client.get("/login").get_data(as_text=True)
    client.post("/language", data={"locale": "vi"})
    assert "Đăng nhập" in client.get("/login", headers={"Accept-Language": "en"}).get_data(
        as_text=True
    )


def test_an_unknown_language_falls_back_to_vietnamese(client, login, world):
    login(world.users.office)
    client.post("/language", data={"locale": "fr"})
    db.session.refresh(world.users.office)
    assert world.users.office.locale == "vi"
