"""Agreements and commitments: what the Office records, what a liaison proposes and updates,
the derived status, the lists, searches, exports and figures, and the rules that refuse bad
input with a message at the field."""

import csv
import io
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from tests.factories import (
    TINY_PDF,
    AgencyFactory,
    AgreementFactory,
    AgreementPartyFactory,
    CommitmentFactory,
    CommitmentUpdateFactory,
    TermFactory,
    upload,
)
from tests.pages import figure_linking_to, forms
from tracker.enums import AuditAction, CommitmentStatus, PartyRole
from tracker.extensions import db
from tracker.models import (
    Agreement,
    AuditEvent,
    Commitment,
    CommitmentUpdate,
    CommitmentUpdateFigure,
    FrozenRecordError,
    commitment_status,
)
from tracker.services import calendar
from tracker.services import commitments as service
from tracker.services.errors import ValidationError

EN = {"Accept-Language": "en"}


def page(response) -> str:
    return response.get_data(as_text=True)


def _form(client, url: str, action: str | None = None):
    html = page(client.get(url))
    return next(f for f in forms(html, url) if f.method == "POST" and f.action == (action or url))


# -- the status is derived, never stored --------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, CommitmentStatus.NOT_STARTED),
        ({"last_update_on": date(2024, 1, 5), "progress": 30}, CommitmentStatus.IN_PROGRESS),
        ({"due_date": date(2024, 6, 30)}, CommitmentStatus.OVERDUE),
        (
            {"due_date": date(2024, 6, 30), "last_update_on": date(2024, 5, 1), "progress": 60},
            CommitmentStatus.OVERDUE,
        ),
        ({"progress": 100, "last_update_on": date(2024, 5, 1)}, CommitmentStatus.DONE),
        ({"due_date": date(2024, 6, 30), "done_at": "now"}, CommitmentStatus.DONE),
        ({"due_date": date(2024, 6, 30), "cancelled_at": "now"}, CommitmentStatus.CANCELLED),
    ],
)
def test_the_status_follows_one_rule_in_sql_and_in_python(app, world, changes, expected):
    from tracker.models.base import utcnow

    values = {k: (utcnow() if v == "now" else v) for k, v in changes.items()}
    values.setdefault("due_date", date(2025, 12, 31))
    commitment = CommitmentFactory(
        agreement=world.agreements["a"], responsible_agency=world.a, **values
    )
    db.session.commit()
    today = date(2025, 1, 10)
    assert commitment.status_on(today) == expected
    in_sql = db.session.scalar(
        sa.select(commitment_status(today)).where(Commitment.id == commitment.id)
    )
    assert in_sql == expected


def test_overdue_is_true_the_day_after_the_due_date_with_no_job(app, world):
    commitment = CommitmentFactory(
        agreement=world.agreements["a"], responsible_agency=world.a, due_date=date(2025, 3, 31)
    )
    db.session.commit()
    for today, expected in (
        (date(2025, 3, 31), CommitmentStatus.NOT_STARTED),
        (date(2025, 4, 1), CommitmentStatus.OVERDUE),
    ):
        found = db.session.scalars(
            sa.select(Commitment.id).where(commitment_status(today) == CommitmentStatus.OVERDUE)
        ).all()
        assert (commitment.id in found) == (expected == CommitmentStatus.OVERDUE)
        assert commitment.status_on(today) == expected


# -- the Office records an agreement ------------------------------------------------------------


def _agreement_data(world, **changes) -> dict:
    data = {
        "number": "21-CTr/BTGTU-SGDDT",
        "title": "Chương trình phối hợp công tác khoa giáo năm 2025",
        "term_id": str(world.term.id),
        "signed_on": "2025-02-10",
        "status": "in_force",
        "summary": "Phối hợp tuyên truyền Nghị quyết 29-NQ/TW.",
        "parties-0-agency_id": str(world.office_agency.id),
        "parties-0-role": "lead",
        "parties-0-signatory": "Nguyễn Văn Bình - Phó Trưởng Ban",
        "parties-1-agency_id": str(world.a.id),
        "parties-1-role": "partner",
        "parties-1-signatory": "Phạm Văn Dũng - Giám đốc Sở",
        "parties-2-agency_id": "",
        "parties-2-role": "partner",
        "parties-3-agency_id": "",
        "parties-3-role": "partner",
    }
    data.update(changes)
    return data


def test_the_office_records_an_agreement_with_its_parties(client, login, world):
    login(world.users.office)
    response = client.post("/agreements/new", data=_agreement_data(world))
    assert response.status_code == 302
    agreement = db.session.scalar(
        sa.select(Agreement).where(Agreement.number == "21-CTr/BTGTU-SGDDT")
    )
    assert agreement.signed_on == date(2025, 2, 10)
    assert {(p.agency_id, p.role) for p in agreement.parties} == {
        (world.office_agency.id, PartyRole.LEAD),
        (world.a.id, PartyRole.PARTNER),
    }
    html = page(client.get(response.headers["Location"]))
    assert "Phạm Văn Dũng - Giám đốc Sở" in html
    audit = db.session.scalar(
        sa.select(AuditEvent).where(
            AuditEvent.object_type == "agreement", AuditEvent.action == AuditAction.CREATE
        )
    )
    assert audit.after["number"] == "21-CTr/BTGTU-SGDDT" and len(audit.after["parties"]) == 2


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"number": "01-CTr/BTGTU-SGDDT"}, "number", "đã được dùng trong giai đoạn"),
        ({"signed_on": "2031-02-10"}, "signed_on", "không được sau ngày hôm nay"),
        ({"signed_on": "2019-02-10"}, "signed_on", "phải nằm trong giai đoạn"),
        ({"signed_on": "2025-02-31"}, "signed_on", "Ngày không hợp lệ"),
        ({"signed_on": ""}, None, "cần có ngày ký"),
        ({"parties-0-role": "partner"}, None, "đúng một bên chủ trì"),
        ({"parties-0-agency_id": ""}, None, "Ban phải là một bên"),
        ({"title": "   "}, "title", "bắt buộc"),
    ],
)
def test_a_bad_agreement_comes_back_with_the_message_and_the_text(
    client, login, world, changes, field, message
):
    login(world.users.office)
    before = db.session.scalar(sa.select(sa.func.count(Agreement.id)))
    response = client.post("/agreements/new", data=_agreement_data(world, **changes))
    assert response.status_code == 422
    html = page(response)
    assert message in html
    assert "Phạm Văn Dũng - Giám đốc Sở" in html  # nothing typed is lost
    assert db.session.scalar(sa.select(sa.func.count(Agreement.id))) == before


def test_the_same_number_may_come_back_in_another_term(client, login, world):
    TermFactory(name="2026-2030", start_date=date(2026, 1, 1), end_date=date(2030, 12, 31))
    db.session.commit()
    term = db.session.scalar(
        sa.select(type(world.term)).where(type(world.term).name == "2026-2030")
    )
    login(world.users.office)
    response = client.post(
        "/agreements/new",
        data=_agreement_data(
            world, number="01-CTr/BTGTU-SGDDT", term_id=str(term.id), signed_on="2026-01-12"
        ),
    )
    assert response.status_code == 302


def test_a_dissolved_agency_cannot_sign_a_new_agreement(client, login, world):
    world.b.dissolved_on = date(2025, 3, 1)
    db.session.commit()
    login(world.users.office)
    response = client.post(
        "/agreements/new",
        data=_agreement_data(world, **{"parties-1-agency_id": str(world.b.id)}),
    )
    assert response.status_code == 422
    assert "không còn tồn tại" in page(response)


def test_two_people_editing_the_same_agreement_the_second_is_told(client, login, world):
    login(world.users.office)
    url = f"/agreements/{world.agreements['a'].id}/edit"
    first = _form(client, url)
    second = _form(client, url)
    assert client.post(url, data=first.data(title="Tiêu đề thứ nhất")).status_code == 302
    response = client.post(url, data=second.data(title="Tiêu đề thứ hai"))
    assert response.status_code == 422
    assert "Người khác đã lưu hồ sơ này" in page(response)
    db.session.refresh(world.agreements["a"])
    assert world.agreements["a"].title == "Tiêu đề thứ nhất"


def test_the_signed_scan_is_checked_by_content_and_downloaded_by_its_agencies(client, login, world):
    login(world.users.office)
    url = f"/agreements/{world.agreements['a'].id}/scan"
    refused = client.post(
        url,
        data={"file": upload("ban-ky.pdf", b"MZ\x90\x00 this is a program")},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 422
    assert "Không nhận loại tệp này" in page(refused)
    accepted = client.post(
        url,
        data={"file": upload("Bản ký chương trình.pdf", TINY_PDF)},
        content_type="multipart/form-data",
    )
    assert accepted.status_code == 302
    agreement = db.session.get(Agreement, world.agreements["a"].id)
    scan = agreement.attachments[-1]
    assert scan.original_name == "Bản ký chương trình.pdf"
    download = client.get(f"/attachments/{scan.id}")
    assert download.status_code == 200 and download.data == TINY_PDF
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Cache-Control"] == "no-store"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''B%E1%BA%A3n" in download.headers["Content-Disposition"]
    client.post("/logout")
    login(world.users.liaison_b)
    assert client.get(f"/attachments/{scan.id}").status_code == 404
    client.post("/logout")
    login(world.users.liaison_a)
    assert client.get(f"/attachments/{scan.id}").status_code == 200


# -- commitments: proposals, confirmation, cancellation -------------------------------------


def _commitment_data(agency, **changes) -> dict:
    data = {
        "responsible_agency_id": str(agency.id),
        "field": "education",
        "title": "Tập huấn chính trị hè cho cán bộ quản lý giáo dục",
        "description": "Phối hợp tổ chức lớp bồi dưỡng chính trị hè năm 2025.",
        "evidence_expected": "Kế hoạch, danh sách học viên",
        "recurrence": "once",
        "due_date": "2025-08-31",
    }
    data.update(changes)
    return data


def test_a_liaison_proposes_edits_and_the_office_confirms(client, login, world):
    login(world.users.liaison_a)
    url = f"/agreements/{world.agreements['a'].id}/commitments/new"
    response = client.post(url, data=_commitment_data(world.a))
    assert response.status_code == 302
    proposal = db.session.scalar(
        sa.select(Commitment).where(Commitment.title.startswith("Tập huấn chính trị hè"))
    )
    assert not proposal.confirmed and proposal.proposed_by_id == world.users.liaison_a.id
    assert "Đề xuất, chờ Ban xác nhận" in page(client.get(response.headers["Location"]))
    # Still theirs to edit.
    edit = f"/commitments/{proposal.id}/edit"
    form = _form(client, edit)
    assert client.post(edit, data=form.data(title="Tập huấn chính trị hè 2025")).status_code == 302
    client.post("/logout")

    login(world.users.office)
    listing = page(client.get("/commitments?proposed=1"))
    assert "Tập huấn chính trị hè 2025" in listing
    confirm = _form(client, f"/commitments/{proposal.id}", f"/commitments/{proposal.id}/confirm")
    assert (
        client.post(f"/commitments/{proposal.id}/confirm", data=confirm.data()).status_code == 302
    )
    client.post("/logout")

    login(world.users.liaison_a)
    assert client.get(edit).status_code == 403  # the Office's now
    db.session.refresh(proposal)
    assert proposal.confirmed and proposal.confirmed_by_id == world.users.office.id


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"due_date": "2019-05-01"}, "Thời hạn phải nằm trong giai đoạn"),
        ({"due_date": ""}, "cần có thời hạn hoàn thành"),
        ({"due_date": "2025-13-40"}, "Ngày không hợp lệ"),
        ({"field": "astrology"}, "Hãy chọn một giá trị trong danh sách"),
        ({"title": ""}, "bắt buộc"),
    ],
)
def test_a_bad_commitment_is_refused_with_the_text_kept(client, login, world, changes, message):
    login(world.users.office)
    url = f"/agreements/{world.agreements['a'].id}/commitments/new"
    before = db.session.scalar(sa.select(sa.func.count(Commitment.id)))
    response = client.post(url, data=_commitment_data(world.a, **changes))
    assert response.status_code == 422
    assert message in page(response)
    assert "Kế hoạch, danh sách học viên" in page(response)
    assert db.session.scalar(sa.select(sa.func.count(Commitment.id))) == before


def test_the_responsible_agency_must_be_a_party(app, world):
    with pytest.raises(ValidationError, match="phải là một bên"):
        service.create(
            world.users.office,
            world.agreements["a"],
            **{**_service_values(), "responsible_agency_id": world.b.id},
        )


def _service_values() -> dict:
    return {
        "field": "education",
        "title": "Sơ kết 5 năm thực hiện chương trình",
        "description": "",
        "evidence_expected": "",
        "recurrence": "once",
        "due_date": date(2025, 6, 30),
    }


def test_a_liaison_cannot_propose_for_another_agency(client, login, world):
    login(world.users.liaison_a)
    url = f"/agreements/{world.agreements['a'].id}/commitments/new"
    response = client.post(url, data=_commitment_data(world.office_agency))
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count(Commitment.id))) == 2


def test_the_office_cancels_with_a_reason(client, login, world):
    commitment = world.commitments["a"]
    login(world.users.office)
    url = f"/commitments/{commitment.id}/cancel"
    form = _form(client, url)
    assert client.post(url, data=form.data(reason="")).status_code == 422
    assert (
        client.post(url, data=form.data(reason="Lồng ghép vào kế hoạch chung")).status_code == 302
    )
    db.session.refresh(commitment)
    assert commitment.status_on(calendar.today_local()) == CommitmentStatus.CANCELLED
    assert commitment.cancel_reason == "Lồng ghép vào kế hoạch chung"
    assert "Lồng ghép vào kế hoạch chung" in page(client.get(f"/commitments/{commitment.id}"))


# -- progress updates ---------------------------------------------------------------------------


def _update_data(**changes) -> dict:
    data = {
        "recorded_on": "2025-05-20",
        "progress": "60",
        "note": "Tổ chức 3 lớp tập huấn cho 240 cán bộ quản lý.",
        "figures-0-metric": "classes_held",
        "figures-0-value": "3",
        "figures-1-metric": "people_trained",
        "figures-1-value": "240",
        "evidence_url": "https://sgddt.kontum.gov.vn/tin-tuc/tap-huan.html",
        "corrects_id": "",
    }
    data.update(changes)
    return data


def test_a_liaison_posts_an_update_that_shows_at_once_on_the_agency_and_bloc_pages(
    client, login, world
):
    commitment = world.commitments["a"]
    login(world.users.liaison_a)
    url = f"/commitments/{commitment.id}/updates/new"
    response = client.post(
        url,
        data={
            **_update_data(),
            "file": upload("anh-lop-hoc.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, page(response)
    update = db.session.scalar(
        sa.select(CommitmentUpdate).where(CommitmentUpdate.commitment_id == commitment.id)
    )
    assert [(f.metric.value, f.value) for f in update.figures] == [
        ("classes_held", 3),
        ("people_trained", 240),
    ]
    assert len(update.attachments) == 1
    db.session.refresh(commitment)
    assert commitment.progress == 60 and commitment.last_update_on == date(2025, 5, 20)

    agency_page = page(client.get(f"/agencies/{world.a.id}?term={world.term.id}"))
    assert "Tổ chức 3 lớp tập huấn" in agency_page
    client.post("/logout")
    login(world.users.office)
    bloc = page(client.get(f"/bloc?term={world.term.id}"))
    # Due 30/06/2024 and at 60 %: overdue, counted in A's overdue figure and linked to it.
    overdue_link = f"/commitments?term={world.term.id}&amp;agency={world.a.id}&amp;status=overdue"
    assert f'href="{overdue_link}">1</a>' in bloc


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"recorded_on": (date.today() + timedelta(days=3)).isoformat()},
            "không được sau ngày hôm nay",
        ),
        ({"recorded_on": "2020-01-01"}, "không được trước ngày ký"),
        ({"progress": "140"}, "từ 0 đến 100"),
        ({"progress": "abc"}, "số nguyên"),
        ({"note": "  "}, "bắt buộc"),
        ({"evidence_url": "javascript:alert(1)"}, "http:// hoặc https://"),
        ({"figures-0-value": "-5"}, "Số phải"),
    ],
)
def test_a_bad_update_is_refused_and_nothing_is_written(client, login, world, changes, message):
    commitment = world.commitments["a"]
    login(world.users.liaison_a)
    response = client.post(
        f"/commitments/{commitment.id}/updates/new", data=_update_data(**changes)
    )
    assert response.status_code == 422
    assert message in page(response)
    assert db.session.scalar(sa.select(sa.func.count(CommitmentUpdate.id))) == 0


def test_an_update_is_frozen_and_a_correction_is_a_new_update(client, login, world):
    commitment = world.commitments["a"]
    first = CommitmentUpdateFactory(
        commitment=commitment, progress=40, recorded_on=date(2025, 3, 1)
    )
    db.session.commit()
    first.note = "sửa lén"
    with pytest.raises(FrozenRecordError):
        db.session.flush()
    db.session.rollback()
    with pytest.raises(FrozenRecordError):
        db.session.delete(db.session.get(CommitmentUpdate, first.id))
        db.session.flush()
    db.session.rollback()
    login(world.users.liaison_a)
    response = client.post(
        f"/commitments/{commitment.id}/updates/new",
        data=_update_data(progress="45", corrects_id=str(first.id), note="Đính chính: 45%."),
    )
    assert response.status_code == 302
    html = page(client.get(f"/commitments/{commitment.id}"))
    assert "Đính chính lần cập nhật ngày 01/03/2025" in html
    assert db.session.scalar(sa.select(sa.func.count(CommitmentUpdate.id))) == 2


def test_a_dissolved_agencys_liaison_reads_but_does_not_file(client, login, world):
    world.a.dissolved_on = date(2025, 3, 1)
    db.session.commit()
    login(world.users.liaison_a)
    commitment = world.commitments["a"]
    assert client.get(f"/commitments/{commitment.id}").status_code == 200
    assert client.get(f"/commitments/{commitment.id}/updates/new").status_code == 403
    assert client.get(f"/agreements/{world.agreements['a'].id}/commitments/new").status_code == 403


# -- lists, search, exports, figures -----------------------------------------------------------


@pytest.fixture
def many(world):
    """Commitments of A in two fields, one about natural resources."""
    agreement = world.agreements["a"]
    CommitmentFactory(
        agreement=agreement,
        responsible_agency=world.a,
        title="Tuyên truyền Luật Đất đai và bảo vệ tài nguyên",
        field="environment",
        due_date=date(2025, 9, 30),
    )
    CommitmentFactory(
        agreement=agreement,
        responsible_agency=world.a,
        title="Giáo dục đạo đức, lối sống cho học sinh",
        due_date=date(2025, 10, 31),
        progress=100,
        last_update_on=date(2025, 6, 1),
    )
    db.session.commit()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("tai nguyen", "Tuyên truyền Luật Đất đai và bảo vệ tài nguyên"),
        ("DAT DAI", "Tuyên truyền Luật Đất đai và bảo vệ tài nguyên"),
        ("giao duc dao duc", "Giáo dục đạo đức, lối sống cho học sinh"),
    ],
)
def test_search_ignores_case_and_diacritics(client, login, world, many, query, title):
    login(world.users.office)
    html = page(client.get(f"/commitments?q={query}"))
    assert title in html
    assert html.count('href="/commitments/') - html.count("/commitments/export") == 1


def test_the_lists_and_exports_hold_only_what_the_user_may_see(client, login, world, many):
    login(world.users.liaison_b)
    html = page(client.get("/commitments"))
    assert "Luật Đất đai" not in html
    exported = client.get("/commitments/export.csv")
    text = exported.data.decode("utf-8")
    assert text.startswith("\ufeff")  # so Excel reads Vietnamese
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert len(rows) == 1 + 1  # heading, B's one commitment
    assert world.b.name_vi in rows[1]
    client.post("/logout")
    login(world.users.office)
    book = load_workbook(
        io.BytesIO(client.get(f"/commitments/export.xlsx?agency={world.a.id}").data)
    )
    sheet = book.active
    titles = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(titles) == sorted(
        db.session.scalars(
            sa.select(Commitment.title).where(Commitment.responsible_agency_id == world.a.id)
        ).all()
    )
    assert exported.headers["Cache-Control"] == "no-store"


def test_every_bloc_figure_equals_an_independent_count_and_links_to_those_rows(
    client, login, world, many
):
    login(world.users.leadership)
    html = page(client.get(f"/bloc?term={world.term.id}"))
    today = calendar.today_local()
    for agency in (world.a, world.b):
        for status in CommitmentStatus:
            expected = sum(
                1
                for c in db.session.scalars(
                    sa.select(Commitment)
                    .join(Agreement)
                    .where(
                        Agreement.term_id == world.term.id,
                        Commitment.responsible_agency_id == agency.id,
                    )
                )
                if c.status_on(today) == status
            )
            link = f"/commitments?term={world.term.id}&agency={agency.id}&status={status.value}"
            if status in (CommitmentStatus.OVERDUE, CommitmentStatus.DONE):
                assert f'href="{link.replace("&", "&amp;")}">{expected}</a>' in html
                listed = page(client.get(link))
                assert listed.count('class="cell-title"><a href="/commitments/') == expected


def test_the_agency_page_figures_link_to_their_lists(client, login, world, many):
    login(world.users.liaison_a)
    html = page(client.get(f"/agencies/{world.a.id}?term={world.term.id}"))
    total = figure_linking_to(html, f"/commitments?term={world.term.id}&agency={world.a.id}")
    assert total == str(
        db.session.scalar(
            sa.select(sa.func.count(Commitment.id)).where(
                Commitment.responsible_agency_id == world.a.id
            )
        )
    )


def test_a_liaison_of_a_successor_reads_the_predecessors_history(client, login, world):
    from tracker.services import agencies

    successor = AgencyFactory(code="SNNMT", name_vi="Sở Nông nghiệp và Môi trường")
    agencies.reorganise(
        None, world.b, effective_on=date(2025, 3, 1), successor_ids=[successor.id], note="QĐ 1"
    )
    world.users.liaison_b.agency = successor
    db.session.commit()
    login(world.users.liaison_b)
    assert client.get(f"/agreements/{world.agreements['b'].id}").status_code == 200
    assert client.get(f"/agreements/{world.agreements['a'].id}").status_code == 404
    html = page(client.get(f"/agencies/{world.b.id}"))
    assert "kế thừa bởi Sở Nông nghiệp và Môi trường" in html


# -- statements per list page --------------------------------------------------------------------


def test_the_commitments_list_costs_as_many_statements_for_a_thousand(client, login, world):
    def statements(url):
        seen = []
        listen = lambda *a: seen.append(a[2])  # noqa: E731
        sa.event.listen(db.engine, "before_cursor_execute", listen)
        try:
            assert client.get(url).status_code == 200
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", listen)
        return len(seen)

    login(world.users.office)
    agreement = AgreementFactory(term=world.term, number="99-CTr/BTGTU-X")
    AgreementPartyFactory(agreement=agreement, agency=world.a)
    for n in range(10):
        CommitmentFactory(agreement=agreement, responsible_agency=world.a, position=n + 1)
    db.session.commit()
    small = {u: statements(u) for u in ("/commitments", f"/bloc?term={world.term.id}")}
    db.session.execute(
        sa.insert(Commitment),
        [
            {
                "agreement_id": agreement.id,
                "position": n + 100,
                "responsible_agency_id": world.a.id,
                "field": "education",
                "title": f"Nội dung {n}",
                "description": "",
                "evidence_expected": "",
                "recurrence": "once",
                "progress": n % 100,
                "confirmed": True,
                "cancel_reason": "",
                "search_norm": f"noi dung {n}",
                "version_id": 1,
            }
            for n in range(990)
        ],
    )
    db.session.commit()
    assert {u: statements(u) for u in small} == small


#: Rows as the foundation's schema stored them: a commitment "in progress" since 2019.
OLD_ROWS = (
    "INSERT INTO term VALUES (1, '2017-2021', '2017-01-01', '2021-09-30', '2017-01-01',"
    " '2017-01-01')",
    "INSERT INTO agency (id, code, name_vi, name_en, level, is_office, in_bloc, active,"
    " created_at, updated_at) VALUES (1, 'SGDDT', 'Sở GD', '', 'province', false, true, true,"
    " '2017-01-01', '2017-01-01')",
    "INSERT INTO agreement (id, number, title, term_id, status, notes, version_id, created_at,"
    " updated_at) VALUES (1, '03-CTr', 'CT', 1, 'expired', 'ghi chú', 1, '2017-01-01',"
    " '2017-01-01')",
    "INSERT INTO commitment (id, agreement_id, position, responsible_agency_id, field, title,"
    " description, due_date, recurrence, status, progress, version_id, created_at, updated_at)"
    " VALUES (1, 1, 1, 1, 'education', 'Giáo dục', '', '2019-06-30', 'once', 'in_progress',"
    " 70, 1, '2017-01-01', '2017-01-01')",
    "INSERT INTO commitment_update (id, commitment_id, recorded_on, created_at, note, progress,"
    " metric, metric_value) VALUES (1, 1, '2019-03-01', '2019-03-01', 'x', 70, 'classes_held',"
    " 4)",
)


def test_a_migration_fixes_the_stale_status_of_past_due_commitments(tmp_path):
    """Upgrading a foundation-era database: a commitment stored 'in_progress' long after its
    due date comes out overdue, its figures become rows, nothing is lost."""
    from alembic import command
    from alembic.config import Config

    from tracker import ROOT, create_app

    url = f"sqlite:///{tmp_path / 'old.db'}"
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, SQLALCHEMY_ENGINE_OPTIONS={})
    with app.app_context():
        config = Config(str(ROOT / "migrations" / "alembic.ini"))
        config.set_main_option("script_location", str(ROOT / "migrations"))
        command.upgrade(config, "7d5e5884900a")
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            for statement in OLD_ROWS:
                conn.execute(sa.text(statement))
        command.upgrade(config, "head")
        with engine.connect() as conn:
            row = conn.execute(sa.text("SELECT last_update_on, confirmed FROM commitment")).one()
            figure = conn.execute(
                sa.text("SELECT metric, value FROM commitment_update_figure")
            ).one()
            summary = conn.execute(sa.text("SELECT summary FROM agreement")).scalar()
        db.session.remove()
        status = db.session.scalar(sa.select(commitment_status(date(2026, 1, 1))))
        engine.dispose()
        db.engine.dispose()
    assert str(row[0]) == "2019-03-01" and row[1]
    assert tuple(figure) == ("classes_held", 4)
    assert summary == "ghi chú"
    assert status == CommitmentStatus.OVERDUE
    assert CommitmentUpdateFigure  # the model of the figures table
