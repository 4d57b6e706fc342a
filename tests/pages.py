"""Reading pages the way a user does: the figures on a home page and where they lead."""

import html as html_lib
import re
from html.parser import HTMLParser

_FIGURE = re.compile(
    r'<a href="(?P<href>[^"]*)" class="figure-link[^"]*">\s*'
    r'<span class="figure-value[^"]*">(?P<value>[^<]*)</span>\s*'
    r'<span class="figure-label[^"]*">(?P<label>[^<]*)</span>'
)


def figures(page: str) -> dict[str, tuple[str, str]]:
    """The linked figures of a page: {label: (value, href)}."""
    return {
        html_lib.unescape(m["label"]).strip(): (m["value"].strip(), html_lib.unescape(m["href"]))
        for m in _FIGURE.finditer(page)
    }


def figure_linking_to(page: str, href: str) -> str | None:
    """The value shown by the figure that links to ``href``."""
    for value, target in figures(page).values():
        if target == href:
            return value
    return None


class Form:
    """A form as the browser would post it: its action, method and current field values."""

    def __init__(self, action: str, method: str):
        self.action = action
        self.method = method.upper()
        self.fields: dict[str, str] = {}  # the values a browser would send as the page stands
        self.kinds: dict[str, str] = {}  # input type, "select" or "textarea"
        self.options: dict[str, list[str]] = {}

    def data(self, **changes) -> dict[str, str]:
        return {**self.fields, **changes}


class _FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = Form(a.get("action") or self.page_url, a.get("method") or "get")
            self.forms.append(self._form)
            return
        form = self._form
        if form is not None and tag == "option" and self._select:
            value = a.get("value", "")
            form.options[self._select].append(value)
            if "selected" in a or self._select not in form.fields:
                form.fields[self._select] = value
            return
        if form is None or not a.get("name"):
            return
        name = a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            form.kinds[name] = kind
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    form.fields[name] = a.get("value", "on")
                form.options.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "reset"):
                form.fields[name] = a.get("value", "")
        elif tag == "select":
            form.kinds[name] = "select"
            form.options[name] = []
            self._select = name
        elif tag == "textarea":
            form.kinds[name] = "textarea"
            form.fields[name] = ""
            self._textarea = name

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms(page: str, page_url: str) -> list[Form]:
    """Every form of a page, as it stands (the values a browser would post unchanged)."""
    parser = _FormParser(page_url)
    parser.feed(page)
    return parser.forms
