"""The administrator's story: agencies, accounts, terms, public holidays and settings.

Everything goes through the HTTP client as the administrator would click it. The admin works
in English here (their saved language), so that the assertions read the English messages
whatever the Vietnamese catalog says.
"""

import re
from datetime import date

import pytest
import sqlalchemy as sa

from tests.conftest import PASSWORD, Login
from tests.factories import AgencyFactory, HolidayFactory, UserFactory
from tracker.enums import AuditAction, Role
from tracker.extensions import db
from tracker.models import Agency, AuditEvent, Holiday, Setting, Term, User
from tracker.services import accounts, settings
from tracker.services import admin as admin_service

EN = {"Accept-Language": "en"}
NEW_PASSWORD = "a brand new passphrase"


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def audit_rows() -> list[AuditEvent]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)))


def page(response) -> str:
    return response.get_data(as_text=True)


@pytest.fixture
def admin(world, client):
    """The world's administrator, logged in, working in English."""
    world.users.admin.locale = "en"
    db.session.commit()
    Login(client)(world.users.admin)
    return client


def agency_data(**overrides) -> dict:
    data = {
        "code": "SKHCN",
        "name_vi": "Sở Khoa học và Công nghệ",
        "name_en": "Department of Science and Technology",
        "level": "province",
        "parent_id": "",
        "primary_field": "science",
        "in_bloc": "y",
        "active": "y",
    }
    data.update(overrides)
    return data


def user_data(agency, **overrides) -> dict:
    data = {
        "username": "lien.skhcn",
        "full_name": "Trần Thị Liên",
        "email": "lien@example.org",
        "role": "liaison",
        "agency_id": str(agency.id) if agency else "",
        "locale": "vi",
        "active": "y",
        "password": "mật khẩu ban đầu",
        "confirm": "mật khẩu ban đầu",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def edit_data(user: User, **overrides) -> dict:
    """What the edit form of ``user`` posts when the admin changes only ``overrides``."""
    data = {
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email or "",
        "role": user.role.value,
        "agency_id": str(user.agency_id or ""),
        "locale": user.locale,
        "active": "y" if user.active else None,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# -- the front page ------------------------------------------------------------------------------


def test_front_page_links_every_section_with_counts(admin, world):
    response = admin.get("/admin/")
    assert response.status_code == 200
    html = page(response)
    for url in (
        "/admin/agencies",
        "/admin/users",
        "/admin/terms",
        "/admin/holidays",
        "/admin/settings",
    ):
        assert f'href="{url}' in html
    assert "Agencies" in html and "Public holidays" in html
    assert "active of 3" in html  # three agencies in the world, all active


# -- agencies -----------------------------------------------------------------------------------


def test_admin_adds_an_agency_and_sees_it_in_the_list(admin, world):
    response = admin.post("/admin/agencies/new", data=agency_data())
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/admin/agencies")

    html = page(admin.get("/admin/agencies"))
    assert "SKHCN" in html
    assert "Department of Science and Technology" in html  # English name for an English UI
    agency = db.session.scalar(sa.select(Agency).where(Agency.code == "SKHCN"))
    assert agency.name_vi == "Sở Khoa học và Công nghệ"
    assert agency.in_bloc and agency.active and not agency.is_office


def test_duplicate_code_is_refused_and_the_typed_values_stay(admin, world):
    before = count(Agency)
    response = admin.post(
        "/admin/agencies/new",
        data=agency_data(code="sgddt", name_vi="Sở Giáo dục (bản trùng)", name_en="Duplicate"),
    )
    assert response.status_code == 422
    html = page(response)
    assert "The code SGDDT is already used by Sở Giáo dục và Đào tạo." in html
    assert 'value="Sở Giáo dục (bản trùng)"' in html
    assert 'value="sgddt"' in html
    assert count(Agency) == before


def test_an_agency_cannot_be_its_own_ancestor(admin, world):
    # B becomes a unit of A; A then cannot be placed under B.
    response = admin.post(
        f"/admin/agencies/{world.b.id}/edit",
        data=agency_data(code="SYT", name_vi="Sở Y tế", parent_id=str(world.a.id)),
    )
    assert response.status_code == 302
    response = admin.post(
        f"/admin/agencies/{world.a.id}/edit",
        data=agency_data(code="SGDDT", name_vi="Sở Giáo dục và Đào tạo", parent_id=str(world.b.id)),
    )
    assert response.status_code == 422
    assert "belongs to this agency: it cannot also be its parent" in page(response)
    db.session.expire_all()
    assert db.session.get(Agency, world.a.id).parent_id is None

    with pytest.raises(admin_service.ValidationError, match="cấp trên của chính nó"):
        admin_service.update_agency(world.users.admin, world.a, parent_id=world.a.id)


def test_the_office_keeps_its_flag_while_office_staff_belong_to_it(admin, world):
    response = admin.post(
        f"/admin/agencies/{world.office_agency.id}/edit",
        data=agency_data(code="BTGTU", name_vi="Ban Tuyên giáo Tỉnh ủy", in_bloc=None),
    )
    assert response.status_code == 422
    assert "has Office staff or leadership accounts" in page(response)
    db.session.expire_all()
    assert db.session.get(Agency, world.office_agency.id).is_office


def test_editing_an_absent_agency_is_a_404(admin, world):
    assert admin.get("/admin/agencies/99999/edit").status_code == 404


# -- users -------------------------------------------------------------------------------------


def test_admin_creates_a_liaison_who_can_then_log_in(app, admin, world):
    skhcn = AgencyFactory(code="SKHCN")
    db.session.commit()
    response = admin.post("/admin/users/new", data=user_data(skhcn))
    assert response.status_code == 302
    assert "lien.skhcn" in page(admin.get("/admin/users"))

    user = accounts.find_user("LIEN.SKHCN")
    assert user.role == Role.LIAISON and user.agency_id == skhcn.id

    newcomer = app.test_client()
    response = newcomer.post(
        "/login", data={"username": "lien.skhcn", "password": "mật khẩu ban đầu"}
    )
    assert response.status_code == 302


def test_duplicate_username_is_refused_whatever_its_case(admin, world):
    response = admin.post(
        "/admin/users/new", data=user_data(world.a, username="Liaison_A", full_name="Lê Văn Tư")
    )
    assert response.status_code == 422
    html = page(response)
    assert "The username liaison_a is already taken." in html
    assert 'value="Lê Văn Tư"' in html  # typed text kept
    assert count(User) == 5


@pytest.mark.parametrize(
    ("role", "agency_key", "message"),
    [
        ("liaison", None, "A department liaison must belong to an agency."),
        ("office", "a", "Office staff and leadership must belong to the Office"),
        ("leadership", None, "Office staff and leadership must belong to the Office"),
    ],
)
def test_each_role_needs_the_right_agency(admin, world, role, agency_key, message):
    agency = getattr(world, agency_key) if agency_key else None
    response = admin.post("/admin/users/new", data=user_data(agency, role=role))
    assert response.status_code == 422
    assert message in page(response)
    assert count(User) == 5


def test_office_staff_are_created_in_the_office(admin, world):
    response = admin.post(
        "/admin/users/new",
        data=user_data(world.office_agency, username="hoa", role="office"),
    )
    assert response.status_code == 302
    assert accounts.find_user("hoa").agency_id == world.office_agency.id


def test_a_short_password_is_refused_and_the_form_kept(admin, world):
    response = admin.post(
        "/admin/users/new", data=user_data(world.a, password="short", confirm="short")
    )
    assert response.status_code == 422
    assert "The password must have between 8 and 128 characters." in page(response)
    assert 'value="lien.skhcn"' in page(response)


def test_reset_password_ends_the_users_sessions_and_the_new_one_works(app, admin, world):
    liaison = world.users.liaison_a
    theirs = app.test_client()
    Login(theirs)(liaison)
    assert theirs.get("/admin/").status_code == 403  # logged in (and not an admin)

    response = admin.post(
        f"/admin/users/{liaison.id}/password",
        data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 302

    response = theirs.get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]

    again = app.test_client()
    refused = again.post("/login", data={"username": "liaison_a", "password": PASSWORD})
    assert refused.status_code == 401
    assert (
        again.post("/login", data={"username": "liaison_a", "password": NEW_PASSWORD}).status_code
        == 302
    )


def test_reset_password_needs_the_same_password_twice(admin, world):
    response = admin.post(
        f"/admin/users/{world.users.liaison_a.id}/password",
        data={"password": NEW_PASSWORD, "confirm": "something else"},
    )
    assert response.status_code == 422
    assert "The two passwords are not the same." in page(response)


def test_disabling_a_user_ends_their_session_and_login_says_so(app, admin, world):
    liaison = world.users.liaison_a
    theirs = app.test_client()
    Login(theirs)(liaison)

    response = admin.post(f"/admin/users/{liaison.id}/edit", data=edit_data(liaison, active=None))
    assert response.status_code == 302
    db.session.expire_all()
    assert not db.session.get(User, liaison.id).active

    response = theirs.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]

    response = app.test_client().post(
        "/login", data={"username": "liaison_a", "password": PASSWORD}, headers=EN
    )
    assert response.status_code == 401
    assert "This account has been disabled" in page(response)


def test_the_admin_cannot_disable_or_demote_themselves(admin, world):
    me = world.users.admin
    response = admin.post(f"/admin/users/{me.id}/edit", data=edit_data(me, active=None))
    assert response.status_code == 422
    assert "You cannot disable your own account." in page(response)

    response = admin.post(
        f"/admin/users/{me.id}/edit",
        data=edit_data(me, role="office", agency_id=str(world.office_agency.id)),
    )
    assert response.status_code == 422
    assert "You cannot change the role of your own account." in page(response)
    db.session.expire_all()
    me = db.session.get(User, me.id)
    assert me.active and me.role == Role.ADMIN


def test_the_admin_changes_their_own_password_on_their_account_page(admin, world):
    me = world.users.admin
    response = admin.post(
        f"/admin/users/{me.id}/password", data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert response.status_code == 422
    assert "Change your own password on your account page." in page(response)


def test_users_are_filtered_by_role_and_agency_and_paginated(admin, world):
    UserFactory.create_batch(30, agency=world.a)
    db.session.commit()

    html = page(admin.get(f"/admin/users?agency={world.a.id}"))
    assert "1–25 of 31 accounts" in html
    assert "liaison_b" not in html
    html = page(admin.get(f"/admin/users?agency={world.a.id}&page=2"))
    assert "26–31 of 31 accounts" in html

    html = page(admin.get("/admin/users?role=leadership"))
    assert "leader" in html and "liaison_a" not in html
    assert "1–1 of 1 accounts" in html


# -- terms -------------------------------------------------------------------------------------


def test_admin_adds_the_next_term(admin, world):
    response = admin.post(
        "/admin/terms/new",
        data={"name": "2026-2030", "start_date": "2026-01-01", "end_date": "2030-12-31"},
    )
    assert response.status_code == 302
    html = page(admin.get("/admin/terms"))
    assert "2026-2030" in html and "2021-2025" in html


def test_an_overlapping_term_is_refused_and_the_other_term_named(admin, world):
    response = admin.post(
        "/admin/terms/new",
        data={"name": "2025-2030", "start_date": "2025-06-01", "end_date": "2030-05-31"},
    )
    assert response.status_code == 422
    html = page(response)
    assert "These dates overlap the term 2021-2025" in html
    assert 'value="2025-2030"' in html and 'value="2025-06-01"' in html
    assert count(Term) == 1


def test_an_open_ended_term_overlaps_everything_after_it(admin, world):
    assert (
        admin.post(
            "/admin/terms/new", data={"name": "2026-", "start_date": "2026-01-01", "end_date": ""}
        ).status_code
        == 302
    )
    response = admin.post(
        "/admin/terms/new",
        data={"name": "2040-2045", "start_date": "2040-01-01", "end_date": "2045-12-31"},
    )
    assert response.status_code == 422
    assert "These dates overlap the term 2026-" in page(response)
    assert "open-ended" in page(response)


def test_a_term_cannot_end_before_it_starts(admin, world):
    response = admin.post(
        "/admin/terms/new",
        data={"name": "2031-2035", "start_date": "2035-12-31", "end_date": "2031-01-01"},
    )
    assert response.status_code == 422
    assert "The end date must not be before the start date." in page(response)


def test_a_term_edited_does_not_overlap_itself(admin, world):
    response = admin.post(
        f"/admin/terms/{world.term.id}/edit",
        data={"name": "2021-2025", "start_date": "2021-01-01", "end_date": "2025-12-31"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Term, world.term.id).start_date == date(2021, 1, 1)


def test_a_term_name_is_used_once(admin, world):
    response = admin.post(
        "/admin/terms/new",
        data={"name": "2021-2025", "start_date": "2040-01-01", "end_date": "2041-01-01"},
    )
    assert response.status_code == 422
    assert "There is already a term named 2021-2025." in page(response)


# -- public holidays -------------------------------------------------------------------------


def test_admin_adds_edits_and_deletes_a_holiday(admin, world):
    response = admin.post("/admin/holidays/new", data={"day": "2025-09-02", "name": "Quốc khánh"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/admin/holidays?year=2025")
    assert "Quốc khánh" in page(admin.get("/admin/holidays?year=2025"))
    holiday = db.session.scalar(sa.select(Holiday).where(Holiday.day == date(2025, 9, 2)))

    response = admin.post(
        f"/admin/holidays/{holiday.id}/edit",
        data={"day": "2025-09-01", "name": "Nghỉ lễ Quốc khánh"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Holiday, holiday.id).day == date(2025, 9, 1)
    assert "Nghỉ lễ Quốc khánh" in page(admin.get("/admin/holidays?year=2025"))

    assert admin.get(f"/admin/holidays/{holiday.id}/delete").status_code == 405
    response = admin.post(f"/admin/holidays/{holiday.id}/delete")
    assert response.status_code == 302
    assert count(Holiday) == 0
    html = page(admin.get("/admin/holidays?year=2025"))
    assert "(Nghỉ lễ Quốc khánh) is no longer a holiday." in html
    assert "Nghỉ lễ Quốc khánh" not in page(admin.get("/admin/holidays?year=2025"))


def test_a_date_is_a_holiday_only_once(admin, world):
    HolidayFactory(day=date(2025, 9, 2), name="Quốc khánh")
    db.session.commit()
    response = admin.post("/admin/holidays/new", data={"day": "2025-09-02", "name": "Lễ khác"})
    assert response.status_code == 422
    assert "is already a holiday: Quốc khánh." in page(response)
    assert 'value="Lễ khác"' in page(response)


def test_importing_the_official_holidays_adds_tet_once(admin, world):
    HolidayFactory(day=date(2025, 9, 2), name="Quốc khánh (sửa tay)")
    db.session.commit()

    response = admin.post("/admin/holidays/import", data={"year": "2025"})
    assert response.status_code == 302
    days = {h.day: h.name for h in db.session.scalars(sa.select(Holiday))}
    assert date(2025, 1, 29) in days  # Tết Nguyên Đán
    assert date(2025, 4, 30) in days
    assert days[date(2025, 9, 2)] == "Quốc khánh (sửa tay)"  # hand-made entry kept
    added = len(days) - 1
    assert f"{added} official holidays of 2025 have been added." in page(
        admin.get("/admin/holidays?year=2025")
    )

    response = admin.post("/admin/holidays/import", data={"year": "2025"}, follow_redirects=True)
    assert "nothing was added" in page(response)
    assert count(Holiday) == added + 1


def test_the_holiday_page_shows_the_chosen_year(admin, world):
    HolidayFactory(day=date(2024, 4, 30), name="Ngày Chiến thắng 2024")
    HolidayFactory(day=date(2025, 4, 30), name="Ngày Chiến thắng 2025")
    db.session.commit()
    html = page(admin.get("/admin/holidays?year=2024"))
    assert "Ngày Chiến thắng 2024" in html and "Ngày Chiến thắng 2025" not in html
    assert "Import the official holidays of 2024" in html
    assert '<option value="2024" selected>' in html


def test_the_delete_button_carries_a_csrf_token(csrf_app, world):
    holiday = HolidayFactory(day=date(2025, 9, 2))
    world.users.admin.locale = "en"
    db.session.commit()
    client = csrf_app.test_client()
    login_page = page(client.get("/login"))
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page)
    token = token or re.search(r'name="csrf_token" value="([^"]+)"', login_page)
    client.post(
        "/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token.group(1)}
    )

    assert client.post(f"/admin/holidays/{holiday.id}/delete").status_code == 400
    assert count(Holiday) == 1

    html = page(client.get("/admin/holidays?year=2025"))
    form = re.search(rf'action="/admin/holidays/{holiday.id}/delete".*?value="([^"]+)"', html, re.S)
    response = client.post(
        f"/admin/holidays/{holiday.id}/delete", data={"csrf_token": form.group(1)}
    )
    assert response.status_code == 302
    assert count(Holiday) == 0


# -- settings --------------------------------------------------------------------------------


def settings_data(**overrides) -> dict:
    data = {spec.key: str(spec.default) for spec in settings.SPECS}
    data.update(overrides)
    return data


def test_settings_are_saved_and_audited(admin, world):
    html = page(admin.get("/admin/settings"))
    assert 'value="Kon Tum"' in html

    rows = len(audit_rows())
    response = admin.post(
        "/admin/settings", data=settings_data(province_name="Điện Biên", deadline_days_monthly="5")
    )
    assert response.status_code == 302
    assert settings.get("province_name") == "Điện Biên"
    assert settings.get("deadline_days_monthly") == 5

    new = audit_rows()[rows:]
    assert len(new) == 1
    assert new[0].action == AuditAction.UPDATE and new[0].object_type == "setting"
    assert new[0].before == {"province_name": "Kon Tum", "deadline_days_monthly": 3}
    assert new[0].after == {"province_name": "Điện Biên", "deadline_days_monthly": 5}


def test_a_deadline_out_of_range_is_refused(admin, world):
    response = admin.post("/admin/settings", data=settings_data(deadline_days_annual="61"))
    assert response.status_code == 422
    assert "Enter a number from 0 to 60." in page(response)
    assert 'value="61"' in page(response)
    assert count(Setting) == 0


# -- the audit trail ---------------------------------------------------------------------------


MUTATIONS = [
    ("agency created", lambda w: ("/admin/agencies/new", agency_data())),
    (
        "agency edited",
        lambda w: (f"/admin/agencies/{w.a.id}/edit", agency_data(code="SGDDT", name_vi="Sở GD&ĐT")),
    ),
    ("user created", lambda w: ("/admin/users/new", user_data(w.a))),
    (
        "user edited",
        lambda w: (
            f"/admin/users/{w.users.liaison_b.id}/edit",
            edit_data(w.users.liaison_b, full_name="Phạm Thị Bình"),
        ),
    ),
    (
        "password reset",
        lambda w: (
            f"/admin/users/{w.users.liaison_b.id}/password",
            {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        ),
    ),
    (
        "term created",
        lambda w: (
            "/admin/terms/new",
            {"name": "2026-2030", "start_date": "2026-01-01", "end_date": ""},
        ),
    ),
    (
        "term edited",
        lambda w: (
            f"/admin/terms/{w.term.id}/edit",
            {"name": "2021-2025", "start_date": "2021-09-01", "end_date": "2025-12-31"},
        ),
    ),
    ("holiday created", lambda w: ("/admin/holidays/new", {"day": "2025-01-01", "name": "Tết"})),
    (
        "holiday edited",
        lambda w: (
            f"/admin/holidays/{w.holiday.id}/edit",
            {"day": "2025-09-02", "name": "Quốc khánh 2/9"},
        ),
    ),
    ("holiday deleted", lambda w: (f"/admin/holidays/{w.holiday.id}/delete", {})),
    ("holidays imported", lambda w: ("/admin/holidays/import", {"year": "2025"})),
    ("settings saved", lambda w: ("/admin/settings", settings_data(office_name="Ban Tuyên giáo"))),
]


@pytest.mark.parametrize("build", [m[1] for m in MUTATIONS], ids=[m[0] for m in MUTATIONS])
def test_every_change_writes_exactly_one_audit_row(admin, world, build):
    world.holiday = HolidayFactory(day=date(2025, 9, 2))
    db.session.commit()
    url, data = build(world)
    rows = len(audit_rows())

    response = admin.post(url, data=data)
    assert response.status_code == 302, page(response)[:2000]
    new = audit_rows()[rows:]
    assert len(new) == 1
    event = new[0]
    assert event.actor_id == world.users.admin.id
    text = repr((event.before, event.after, event.detail))
    assert "password" not in text.lower() and "argon2" not in text
    if event.action in (AuditAction.CREATE, AuditAction.UPDATE):
        assert event.after


def test_a_refused_change_writes_no_audit_row(admin, world):
    rows = len(audit_rows())
    admin.post("/admin/agencies/new", data=agency_data(code="SGDDT"))
    admin.post("/admin/terms/new", data={"name": "x", "start_date": "2022-01-01"})
    assert len(audit_rows()) == rows


# -- who may enter -------------------------------------------------------------------------


ADMIN_PAGES = [
    "/admin/",
    "/admin/agencies",
    "/admin/agencies/new",
    "/admin/users",
    "/admin/users/new",
    "/admin/terms",
    "/admin/terms/new",
    "/admin/holidays?year=2025",
    "/admin/holidays/new",
    "/admin/settings",
]


@pytest.mark.parametrize("who", ["office", "liaison_a", "leadership"])
def test_other_roles_are_refused_every_admin_page(client, world, who):
    Login(client)(getattr(world.users, who))
    for url in ADMIN_PAGES:
        assert client.get(url).status_code == 403, url
    for url in (
        f"/admin/agencies/{world.a.id}/edit",
        f"/admin/users/{world.users.admin.id}/edit",
        f"/admin/terms/{world.term.id}/edit",
    ):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("who", ["office", "liaison_a"])
def test_a_refused_post_changes_nothing(client, world, who):
    holiday = HolidayFactory(day=date(2025, 9, 2))
    db.session.commit()
    Login(client)(getattr(world.users, who))
    counts = (count(Agency), count(User), count(Term), count(Holiday), count(Setting))

    assert client.post("/admin/agencies/new", data=agency_data()).status_code == 403
    assert client.post("/admin/users/new", data=user_data(world.a)).status_code == 403
    assert (
        client.post(
            f"/admin/users/{world.users.admin.id}/edit",
            data=edit_data(world.users.admin, active=None),
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/admin/users/{world.users.admin.id}/password",
            data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        ).status_code
        == 403
    )
    assert client.post(f"/admin/holidays/{holiday.id}/delete").status_code == 403
    assert client.post("/admin/holidays/import", data={"year": "2025"}).status_code == 403
    assert client.post("/admin/settings", data=settings_data(province_name="X")).status_code == 403

    db.session.expire_all()
    assert (count(Agency), count(User), count(Term), count(Holiday), count(Setting)) == counts
    admin_user = db.session.get(User, world.users.admin.id)
    assert admin_user.active
    assert Login(client.application.test_client())(admin_user).status_code == 302
    denied = [e for e in audit_rows() if e.action == AuditAction.ACCESS_DENIED]
    assert len(denied) == 7


def test_anonymous_visitors_are_sent_to_login(client, world):
    response = client.get("/admin/users")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


# -- the command line ----------------------------------------------------------------------


def test_create_admin_command_makes_an_admin_who_can_log_in(app, runner):
    args = [
        "create-admin",
        "--username",
        "root",
        "--full-name",
        "Quản trị",
        "--password",
        "a-long-password",
    ]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "Administrator 'root' created." in result.output

    db.session.expire_all()
    root = accounts.find_user("root")
    assert root.role == Role.ADMIN and root.full_name == "Quản trị" and root.agency_id is None
    (event,) = audit_rows()
    assert event.action == AuditAction.CREATE and event.object_id == str(root.id)
    assert event.after["username"] == "root" and "password_hash" not in event.after
    client = app.test_client()
    assert (
        client.post("/login", data={"username": "root", "password": "a-long-password"}).status_code
        == 302
    )
    assert client.get("/admin/").status_code == 200

    again = runner.invoke(args=[*args[:2], "ROOT", *args[3:]])
    assert again.exit_code != 0
    assert "Tên đăng nhập root đã có người dùng." in again.output
    assert count(User) == 1


def test_create_admin_refuses_a_short_password(app, runner):
    result = runner.invoke(
        args=[
            "create-admin",
            "--username",
            "root",
            "--full-name",
            "Quản trị",
            "--password",
            "short",
        ]
    )
    assert result.exit_code != 0
    assert "từ 8 đến 128 ký tự" in result.output
    assert count(User) == 0
