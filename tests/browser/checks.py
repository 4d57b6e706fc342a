"""What every page must pass in a real browser, as readable lines for one assertion message:
axe-core finds nothing serious or critical, and the page is no wider than the screen."""

from functools import cache

#: The impacts that fail a page; "minor" and "moderate" findings are not reported.
FAILING_IMPACTS = ("serious", "critical")
#: How many offending elements a line names before "and N more".
MAX_TARGETS = 6


@cache
def _axe():
    # Imported on first use, so that collecting the tests needs no browser package.
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_problems(page, where: str) -> list[str]:
    """One line per serious or critical axe violation: where, rule, the elements' selectors."""
    response = _axe().run(page).response
    lines = []
    for violation in response["violations"]:
        if violation.get("impact") not in FAILING_IMPACTS:
            continue
        targets = [_describe(node) for node in violation["nodes"]]
        shown = ", ".join(targets[:MAX_TARGETS])
        if len(targets) > MAX_TARGETS:
            shown += f" and {len(targets) - MAX_TARGETS} more"
        lines.append(
            f"{where}: axe {violation['id']} ({violation['impact']}): {violation['help']} → {shown}"
        )
    return lines


def _describe(node: dict) -> str:
    """The node's selector, with its contrast ratio when that is what failed."""
    selector = " ".join(map(str, node["target"]))
    for check in node.get("any", []):
        data = check.get("data")
        if isinstance(data, dict) and data.get("contrastRatio"):
            return f"{selector} ({data['contrastRatio']}:1)"
    return selector


# The elements that first poke out of the screen (their parent does not), widest first.
_OVERFLOW_JS = """
() => {
  const screen = window.innerWidth;
  const width = document.documentElement.scrollWidth;
  if (width <= screen) return null;
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    for (const c of el.classList) s += "." + c;
    return s;
  };
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      parts.unshift(name(e));
    }
    return parts.join(" > ");
  };
  // Inside a box that clips or scrolls, an element does not widen the page.
  const contained = (el) => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== "visible") return true;
    }
    return false;
  };
  const culprits = [];
  for (const el of document.body.querySelectorAll("*")) {
    const right = el.getBoundingClientRect().right;
    const parent = el.parentElement;
    if (right > screen + 0.5 && parent
        && parent.getBoundingClientRect().right <= screen + 0.5 && !contained(el)) {
      culprits.push({path: path(el), right: Math.round(right)});
    }
  }
  culprits.sort((a, b) => b.right - a.right);
  return {screen, width, culprits: culprits.slice(0, 5)};
}
"""


def overflow_problems(page, where: str) -> list[str]:
    """A line when the page is wider than the screen, naming the elements that stick out."""
    found = page.evaluate(_OVERFLOW_JS)
    if not found:
        return []
    culprits = "; ".join(f"{c['path']} (to {c['right']} px)" for c in found["culprits"])
    return [
        f"{where}: the page is {found['width']} px wide on a {found['screen']} px screen"
        f" → {culprits or 'no single element found'}"
    ]
