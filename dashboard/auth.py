"""Sign-in on the dashboard, and the one path every edit from it takes.

Users and roles (viewer, editor, admin) live in the users file of warehouse.access ($PARTYBUILD_USERS, else
users.toml beside the warehouse; `partybuild users add NAME --role editor`). Without that file the dashboard
is read-only and shows no sign-in. The signed-in name is kept in st.session_state (server side, never in the
URL), and its role is read again from the users file on every run, so removing a user or changing a role
takes effect at once, in every open session.

Single sign-on: when $PARTYBUILD_SSO_HEADER names a request header (e.g. X-Forwarded-User) that a reverse
proxy sets after its own sign-in, the user named there is signed in with their role from the users file
(a name missing from the file is a viewer). Only enable it when the dashboard is reachable through that
proxy alone (listening on 127.0.0.1) and the proxy overwrites the header: otherwise anyone can send it.

Edits go through `review` and `add_fact`, which call warehouse.corrections.review_as / add_fact_as with the
user as the server sees them now: those refuse a viewer's or an anonymous edit, whatever the browser sent.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from dashboard import data
from dashboard.state import t
from warehouse import access, corrections
from warehouse.access import AccessError, SignInLocked, User

log = logging.getLogger(__name__)

SESSION_KEY = "pb_user"
SSO_ENV = "PARTYBUILD_SSO_HEADER"


def users_file() -> Path:
    return access.users_path(None, data.db_path())


def sso_header() -> str | None:
    return os.environ.get(SSO_ENV, "").strip() or None


def _read_users() -> dict[str, dict[str, str]] | None:
    """The users file's entries ({} when there is none); None when it cannot be read (the log says why)."""
    try:
        return access.load_users(users_file())
    except (AccessError, OSError, tomllib.TOMLDecodeError):
        log.exception("cannot read the users file %s; the dashboard is read-only", users_file())
        return None


def _users() -> dict[str, dict[str, str]]:
    return _read_users() or {}


def sso_user(headers: Mapping[str, str], header: str | None,
             users: Mapping[str, Mapping[str, str]]) -> User | None:
    """The user a trusted proxy's header names: their role from the users file, else viewer."""
    if not header:
        return None
    name = next((v for k, v in headers.items() if k.lower() == header.lower()), "").strip()
    if not name:
        return None
    entry = users.get(name)
    return User(name, entry["role"] if entry else "viewer")


def _headers() -> Mapping[str, str]:
    try:
        return dict(st.context.headers)
    except Exception:  # no request (bare mode, tests)
        return {}


def current_user() -> User | None:
    """The signed-in user with the role the users file gives them now (None: anonymous)."""
    users = _users()
    found = sso_user(_headers(), sso_header(), users)
    if found is not None:
        return found
    saved = st.session_state.get(SESSION_KEY)
    if not isinstance(saved, User):
        return None
    entry = users.get(saved.name)
    if entry is None:  # removed from the users file (or the file is gone): signed out
        st.session_state.pop(SESSION_KEY, None)
        return None
    return User(saved.name, entry["role"])


def can_edit() -> User | None:
    """The current user when they may edit (what decides whether the page shows editing controls)."""
    user = current_user()
    return user if user is not None and user.can_edit else None


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)


def role_name(role: str) -> str:
    return t(f"role_{role}")


def sidebar_sign_in() -> None:
    """The sidebar's sign-in form, or who is signed in with a sign-out button; a 'read-only' caption when no
    users are configured."""
    path = users_file()
    header = sso_header()
    users = _read_users()
    if users is None or (not path.exists() and not header):  # no users, or a file nobody can sign in with
        st.caption(t("auth_read_only"), help=t("auth_read_only_help"))
        return
    sso = sso_user(_headers(), header, users)
    if sso is not None:
        st.caption(t("auth_signed_in_sso", name=sso.name, role=role_name(sso.role)))
        return
    user = current_user()
    if user is not None:
        st.caption(t("auth_signed_in", name=user.name, role=role_name(user.role)))
        st.button(t("auth_sign_out"), key="auth_sign_out", on_click=sign_out, icon=":material/logout:")
        return
    with st.expander(t("auth_sign_in_title"), icon=":material/login:"):
        with st.form("auth_form", clear_on_submit=True, border=False):
            name = st.text_input(t("auth_name"), key="auth_name", autocomplete="username")
            password = st.text_input(t("auth_password"), type="password", key="auth_password",
                                     autocomplete="current-password")
            submitted = st.form_submit_button(t("auth_sign_in"), key="auth_submit", icon=":material/login:")
        if submitted:
            _sign_in(path, name.strip(), password)


def _sign_in(path: Path, name: str, password: str) -> None:
    if not name or not password:
        st.warning(t("auth_fill"))
        return
    try:
        user = access.sign_in(path, name, password)
    except SignInLocked as exc:
        st.error(t("auth_locked", minutes=exc.minutes))
        return
    except AccessError:
        st.error(t("auth_wrong"))
        return
    st.session_state[SESSION_KEY] = user
    st.rerun()


def _after_edit() -> None:
    # The cache is keyed on the warehouse's version, which a publish changes; clearing it as well makes the
    # corrected figure show at once on every page, whatever the file system's timestamps.
    st.cache_data.clear()


def review(user: User | None, fact_id: int, action: str, *, reason: str,
           change: corrections.Change | None = None) -> list[int]:
    """Reject, confirm or correct a fact as `user`; the server checks the role (AccessError for a viewer)."""
    made = corrections.review_as(user, data.db_path(), fact_id, action, reason=reason, change=change)
    _after_edit()
    return made


def add_fact(user: User | None, change: corrections.Change, *, source: str, reason: str) -> int:
    """Add a missing fact as `user`; the server checks the role (AccessError for a viewer)."""
    made = corrections.add_fact_as(user, data.db_path(), change, source=source, reason=reason)
    _after_edit()
    return made
