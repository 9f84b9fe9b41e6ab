"""Where a Plotly figure meets the page: our own Streamlit element instead of st.plotly_chart.

Why not st.plotly_chart: it loads the whole plotly.js (Streamlit's 4.7 MB PlotlyChart chunk), and a browser tab
spends about 0.8 s of main-thread time evaluating it before the first chart appears — most of what kept the
chart pages over their 2 s first render. The dashboard draws three trace types (scatter, bar, treemap), so this
element loads a plotly.js built with only those (dashboard/static/plotly-partybuild.min.js, 1.25 MB, built by
tools/plotly-bundle) from the app's static folder, once per tab, and draws the figure Python built.

Clicks come back as one trigger per click, `selection` = {"points": [...]}, each point with the customdata, x,
y and id Plotly reports (what crossfilter.chart_values reads). A trigger (not a state) so that clicking the same
bar twice reaches Python twice (crossfilter's toggle). The figure itself never keeps a selection of its own:
what is selected is drawn from the URL's selection by the chart functions (charts.py), so a redraw cannot
disagree with the selection. Treemap cells do not zoom on click: the page opens the level under the cell.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from dashboard.state import t

BUNDLE = "plotly-partybuild.min.js"  # in dashboard/static/, served at app/static/ (server.enableStaticServing)

_JS = """
const loads = new Map();
function plotly(src) {
  if (!loads.has(src)) loads.set(src, import(src).then((m) => m.default));
  return loads.get(src);
}
function point(p) {
  return {customdata: p.customdata ?? null, x: p.x ?? null, y: p.y ?? null, id: p.id ?? null,
          curve_number: p.curveNumber, point_index: p.pointNumber ?? p.pointIndex ?? null};
}
export default function ({ data, parentElement, setTriggerValue }) {
  const root = parentElement.querySelector('.pb-plot');
  const src = new URL(data.src, document.baseURI).href;
  let live = true;
  plotly(src).then((Plotly) => {
    if (!live) return;
    const fig = JSON.parse(data.figure);
    const modes = data.clickable ? data.modes : [];
    const layout = fig.layout || {};
    if (modes.includes('box') && !layout.dragmode) layout.dragmode = 'select';
    const config = {responsive: true, displaylogo: false, modeBarButtonsToRemove: ['toImage'].concat(
      modes.includes('box') ? [] : ['select2d'], modes.includes('lasso') ? [] : ['lasso2d'])};
    Plotly.react(root, fig.data || [], layout, config).then(() => {
      if (!live || !data.clickable || root.dataset.pbBound) return;
      root.dataset.pbBound = '1';
      const send = (event) => setTriggerValue('selection', {points: (event && event.points || []).map(point)});
      root.on('plotly_click', send);
      root.on('plotly_selected', (event) => { if (event) send(event); });  // a box or a lasso
      root.on('plotly_deselect', () => send(null));  // a double click empties the selection
      // A treemap cell: its own event, answered false so that Plotly does not zoom (the page opens the level
      // under the cell) — which also keeps Plotly from sending the plotly_click.
      root.on('plotly_treemapclick', (event) => { send(event); return false; });
    });
  }).catch((error) => {
    root.textContent = data.failed;
    console.error(error);
  });
  return () => { live = false; };
}
"""

_CSS = ".pb-plot { width: 100%; }"

ELEMENT = "partybuild_plot"
_element = st.components.v2.component(ELEMENT, html="<div class='pb-plot'></div>", css=_CSS, js=_JS,
                                      isolate_styles=False)  # Plotly puts its own styles in the page's head


@functools.cache
def _version() -> str:
    """A digest of the bundle, put in its address: Streamlit serves static files with no Cache-Control, so a
    browser may keep a copy for days; a rebuilt bundle gets a new address instead of a stale copy."""
    path = Path(__file__).with_name("static") / BUNDLE
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:  # the element then shows its message in place of the chart
        return "missing"


def bundle_url() -> str:
    """The bundle's address from the app's root (a base URL path, if the server has one, included)."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{'/' + base if base else ''}/app/static/{BUNDLE}?v={_version()}"


def show(fig: go.Figure, key: str, *, on_click: Callable[[], None] | None = None,
         modes: Sequence[str] = ("points",)) -> Any:
    """Draw `fig`; with `on_click`, a click on a point (or, with "box"/"lasso" in `modes`, a box or lasso drawn
    over points) calls it, and st.session_state[key].selection holds those points while it runs."""
    data = {"figure": fig.to_json(), "src": bundle_url(), "clickable": on_click is not None,
            "modes": list(modes), "failed": t("chart_failed")}
    if on_click is None:
        return _element(key=key, data=data)
    return _element(key=key, data=data, on_selection_change=on_click)


def clicked_points(result: Any) -> list[dict[str, Any]]:
    """The points of the click this run answers (none when the run was not caused by a click)."""
    try:
        selection = result["selection"]
    except (KeyError, TypeError):
        selection = getattr(result, "selection", None)
    if not isinstance(selection, dict):
        return []
    points = selection.get("points")
    return [p for p in points if isinstance(p, dict)] if isinstance(points, list) else []
