"""The dashboard's entry point: page config and navigation only (`partybuild dashboard` serves it)."""

import streamlit as st

from dashboard import data, frame

st.set_page_config(page_title="partybuild", page_icon=":material/bar_chart:", layout="wide")
all_pages = frame.pages()
current = st.navigation(all_pages, position="hidden")
with frame.timed(current.url_path or "overview", "run"), data.session():  # one connection per run
    frame.sidebar(all_pages)
    current.run()
    frame.finish()
