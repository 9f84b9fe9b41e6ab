"""The dashboard's chart elements (dashboard/plot.py) as AppTest sees them: unknown `bidi_component` elements
whose data carries the figure as Plotly JSON."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from dashboard import plot


def plots(at: AppTest) -> list[Any]:
    """The page's charts, in page order."""
    return [e for e in at.get("bidi_component") if e.proto.component_name == plot.ELEMENT]


def figure(element: Any) -> dict[str, Any]:
    """The Plotly figure (data, layout) a chart element was given."""
    result: dict[str, Any] = json.loads(json.loads(element.proto.json)["figure"])
    return result
