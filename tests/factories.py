"""factory-boy factories, one per model, with a trait per role."""

from datetime import UTC, date, datetime
from io import BytesIO
from types import SimpleNamespace

import factory
from flask import current_app
from werkzeug.datastructures import FileStorage

from tracker.enums import (
    AgreementStatus,
    DocumentKind,
    IssueEventKind,
    IssueSource,
    IssueStatus,
    PartyRole,
    ReportKind,
    ReportStatus,
    Role,
    Sector,
    Sensitivity,
)
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    AgreementParty,
    BlocDocument,
    Commitment,
    CommitmentUpdate,
    Holiday,
    Issue,
    IssueEvent,
    Report,
    ReportVersion,
    Term,
    User,
)
from tracker.services import attachments, calendar, tokens
from tracker.services.passwords import hash_password

PASSWORD = "correct horse battery staple"
#: The smallest file the app accepts as a PDF.
TINY_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    """A file as a form posts it."""
    return FileStorage(stream=BytesIO(data), filename=name, content_type=content_type)


_HASHES: dict[tuple, str] = {}


def password_hash(password: str = PASSWORD) -> str:
    """Hashing is deliberately slow: hash each test password once per configuration."""
    key = (password, current_app.config["ARGON2_MEMORY_COST"])
    if key not in _HASHES:
        _HASHES[key] = hash_password(password)
    return _HASHES[key]


class Base(factory.alchemy.SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "flush"


class AgencyFactory(Base):
    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"S{n:03d}")
    name_vi = factory.Sequence(lambda n: f"Sở thử nghiệm {n}")
    name_en = factory.Sequence(lambda n: f"Test department {n}")
    is_office = False
    in_bloc = True

    class Params:
        office = factory.Trait(
            code="BTGTU",
            name_vi="Ban Tuyên giáo Tỉnh ủy",
            name_en="Propaganda and Education Commission",
            is_office=True,
            in_bloc=False,
        )


class UserFactory(Base):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    role = Role.LIAISON
    agency = factory.SubFactory(AgencyFactory)
    password_hash = factory.LazyFunction(password_hash)
    active = True
    locale = "vi"

    class Params:
        liaison = factory.Trait(role=Role.LIAISON)
        office = factory.Trait(role=Role.OFFICE)
        leadership = factory.Trait(role=Role.LEADERSHIP)
        admin = factory.Trait(role=Role.ADMIN, agency=None)


class TermFactory(Base):
    class Meta:
        model = Term

    name = "2021-2025"
    start_date = date(2021, 10, 1)
    end_date = date(2025, 12, 31)


class AgreementFactory(Base):
    class Meta:
        model = Agreement

    number = factory.Sequence(lambda n: f"{n:02d}-CTr/BTGTU-TEST")
    title = "Chương trình phối hợp công tác khoa giáo"
    term = factory.SubFactory(TermFactory)
    signed_on = factory.LazyAttribute(lambda o: o.term.start_date)
    status = AgreementStatus.IN_FORCE


class AgreementPartyFactory(Base):
    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = PartyRole.PARTNER


class CommitmentFactory(Base):
    class Meta:
        model = Commitment

    agreement = factory.SubFactory(AgreementFactory)
    position = factory.Sequence(lambda n: n + 1)
    responsible_agency = factory.SubFactory(AgencyFactory)
    field = Sector.EDUCATION
    title = "Tuyên truyền Nghị quyết 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục"
    description = ""


class CommitmentUpdateFactory(Base):
    class Meta:
        model = CommitmentUpdate

    commitment = factory.SubFactory(CommitmentFactory)
    recorded_on = date(2025, 3, 20)
    note = "Tổ chức hội nghị quán triệt Nghị quyết cho cán bộ quản lý giáo dục."
    progress = 40


class ReportFactory(Base):
    class Meta:
        model = Report

    agency = factory.SubFactory(AgencyFactory)
    kind = ReportKind.MONTHLY
    period = "2025-03"
    period_start = factory.LazyAttribute(lambda o: calendar.parse_period(o.kind, o.period).start)
    period_end = factory.LazyAttribute(lambda o: calendar.parse_period(o.kind, o.period).end)
    deadline = factory.LazyAttribute(
        lambda o: calendar.deadline_for(calendar.parse_period(o.kind, o.period), 3)
    )
    status = ReportStatus.DRAFT
    situation = "Tình hình tư tưởng cán bộ, giáo viên ổn định."


class IssueFactory(Base):
    class Meta:
        model = Issue

    title = factory.Sequence(lambda n: f"Phụ huynh phản ánh thu chi đầu năm học {n}")
    summary = "Báo chí phản ánh việc thu các khoản ngoài quy định tại một trường tiểu học."
    field = Sector.EDUCATION
    source = IssueSource.PRESS
    first_seen_on = date(2025, 9, 10)
    sensitivity = Sensitivity.MEDIUM
    status = IssueStatus.NEW
    reporting_agency = factory.SubFactory(AgencyFactory)
    responsible_agency = factory.SelfAttribute("reporting_agency")


class ReportVersionFactory(Base):
    class Meta:
        model = ReportVersion

    report = factory.SubFactory(ReportFactory)
    number = factory.Sequence(lambda n: n + 1)
    submitted_at = datetime(2025, 4, 15, 2, tzinfo=UTC)
    situation = "Tình hình tư tưởng cán bộ, giáo viên ổn định."


class IssueEventFactory(Base):
    class Meta:
        model = IssueEvent

    issue = factory.SubFactory(IssueFactory)
    kind = IssueEventKind.COMMENTED
    comment = "Đã liên hệ nhà trường để xác minh."


class HolidayFactory(Base):
    class Meta:
        model = Holiday

    day = date(2025, 9, 2)
    name = "Quốc khánh"


def make_world() -> SimpleNamespace:
    """The cast of the authorization tests: agencies A and B, the Office and one user per role,
    one record of each kind per department, and an issue flagged by A for B to handle."""
    office = AgencyFactory(office=True)
    a = AgencyFactory(
        code="SGDDT",
        name_vi="Sở Giáo dục và Đào tạo",
        name_en="Department of Education and Training",
        primary_field=Sector.EDUCATION,
    )
    b = AgencyFactory(
        code="SYT", name_vi="Sở Y tế", name_en="Department of Health", primary_field=Sector.HEALTH
    )
    term = TermFactory()
    agreements, reports, issues, commitments, scans = {}, {}, {}, {}, {}
    for key, agency in (("a", a), ("b", b)):
        agreement = AgreementFactory(
            term=term, number=f"0{len(agreements) + 1}-CTr/BTGTU-{agency.code}"
        )
        AgreementPartyFactory(agreement=agreement, agency=office, role=PartyRole.LEAD)
        AgreementPartyFactory(agreement=agreement, agency=agency)
        commitments[key] = CommitmentFactory(
            agreement=agreement, responsible_agency=agency, due_date=date(2024, 6, 30)
        )
        db.session.flush()
        scans[key] = attachments.store(
            None, agreement, upload(f"ban-ky-{agency.code}.pdf", TINY_PDF), attachments.SCANS
        )
        agreements[key] = agreement
        reports[key] = ReportFactory(
            agency=agency,
            status=ReportStatus.SUBMITTED,
            first_submitted_at=datetime(2025, 4, 15, 2, tzinfo=UTC),
            last_submitted_at=datetime(2025, 4, 15, 2, tzinfo=UTC),
        )
        ReportVersionFactory(report=reports[key], number=1)
        issues[key] = IssueFactory(reporting_agency=agency)
    # Flagged by A, for B to handle: both liaisons see it, and nobody else outside the Office.
    issues["ab"] = IssueFactory(
        reporting_agency=a,
        responsible_agency=b,
        title="Phản ánh về bếp ăn bán trú gây ngộ độc tại trường tiểu học",
        field=Sector.HEALTH,
    )
    document = BlocDocument(
        kind=DocumentKind.GUIDANCE,
        number="12-HD/BTGTU",
        title="Hướng dẫn tuyên truyền kỷ niệm các ngày lễ lớn năm 2025",
        issued_on=date(2025, 1, 6),
    )
    db.session.add(document)
    users = SimpleNamespace(
        liaison_a=UserFactory(username="liaison_a", liaison=True, agency=a),
        liaison_b=UserFactory(username="liaison_b", liaison=True, agency=b),
        office=UserFactory(username="office", office=True, agency=office),
        leadership=UserFactory(username="leader", leadership=True, agency=office),
        admin=UserFactory(username="admin", admin=True),
    )
    db.session.flush()
    _secret, token = tokens.issue(users.liaison_a, "Báo cáo tự động")
    db.session.commit()
    return SimpleNamespace(
        office_agency=office,
        token=token,
        a=a,
        b=b,
        term=term,
        agreements=agreements,
        commitments=commitments,
        scans=scans,
        document=document,
        reports=reports,
        issues=issues,
        users=users,
    )
