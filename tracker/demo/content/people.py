"""The demo accounts. Every account's password is DEMO_PASSWORD (README, `make run`).

The Office's staff and leadership belong to the Office that exists today (Ban Tuyên giáo và
Dân vận Tỉnh ủy since 1 March 2025; before that day, Ban Tuyên giáo Tỉnh ủy). The liaisons of
the two departments dissolved on that day keep their accounts: they read their agency's
history and file nothing more.
"""

from tracker.enums import Role

DEMO_PASSWORD = "tracker-demo"

#: (username, full name, role, agency code).
DEMO_USERS: list[tuple[str, str, Role, str | None]] = [
    ("admin", "Lê Minh Tuấn", Role.ADMIN, None),
    ("office", "Trần Thị Hồng Nhung", Role.OFFICE, "BTGDVTU"),
    ("office2", "Nguyễn Văn Hải", Role.OFFICE, "BTGDVTU"),
    ("office3", "Phan Thị Thu Hà", Role.OFFICE, "BTGDVTU"),
    ("leader", "Đặng Văn Thành", Role.LEADERSHIP, "BTGDVTU"),
    ("sgddt", "Võ Thị Thanh Hương", Role.LIAISON, "SGDDT"),
    ("skhcn", "Phạm Đức Long", Role.LIAISON, "SKHCN"),
    ("syt", "Nguyễn Thị Mai Anh", Role.LIAISON, "SYT"),
    ("svhttdl", "A Thuyên", Role.LIAISON, "SVHTTDL"),
    ("sldtbxh", "Hoàng Thị Lan", Role.LIAISON, "SLDTBXH"),
    ("stnmt", "Bùi Quang Vinh", Role.LIAISON, "STNMT"),
    ("snv", "Nguyễn Thị Kim Oanh", Role.LIAISON, "SNV"),
    ("snnmt", "A Sang", Role.LIAISON, "SNNMT"),
]
#: The Office staff who review reports and follow issues; the first one leads.
OFFICE_STAFF = ("office", "office2", "office3")
EMAIL_DOMAIN = "kontum.tracker.example"
