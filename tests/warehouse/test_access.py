"""Sign-in: hashed passwords, roles, rate limiting, and the server-side editor check."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from etl.cli import main
from warehouse.access import (
    MAX_FAILURES,
    WINDOW_S,
    AccessError,
    User,
    load_users,
    require_editor,
    set_user,
    sign_in,
)


@pytest.fixture
def users(tmp_path: Path) -> Path:
    path = tmp_path / "users.toml"
    set_user(path, "an", "editor", "mật-khẩu-đủ-dài")
    set_user(path, "binh", "viewer", "mật-khẩu-khác-1")
    return path


def test_passwords_are_stored_hashed(users: Path) -> None:
    text = users.read_text(encoding="utf-8")
    assert "mật-khẩu" not in text and "pbkdf2_sha256$" in text
    assert load_users(users)["an"]["role"] == "editor"


def test_sign_in_gives_the_role(users: Path) -> None:
    assert sign_in(users, "an", "mật-khẩu-đủ-dài") == User("an", "editor")
    assert sign_in(users, "binh", "mật-khẩu-khác-1").can_edit is False


@pytest.mark.parametrize(("name", "password"), [("an", "sai"), ("an", ""), ("không-có", "mật-khẩu-đủ-dài")])
def test_wrong_passwords_are_refused(users: Path, name: str, password: str) -> None:
    with pytest.raises(AccessError, match="wrong name or password"):
        sign_in(users, name, password)


def test_wrong_passwords_are_rate_limited(users: Path) -> None:
    now = 1_000_000.0
    for i in range(MAX_FAILURES):
        with pytest.raises(AccessError, match="wrong"):
            sign_in(users, "an", f"đoán-{i}", now=now + i)
    with pytest.raises(AccessError, match="too many"):
        sign_in(users, "an", "mật-khẩu-đủ-dài", now=now + MAX_FAILURES)  # even the right password
    assert sign_in(users, "an", "mật-khẩu-đủ-dài", now=now + WINDOW_S + 10).role == "editor"
    assert sign_in(users, "binh", "mật-khẩu-khác-1", now=now + 1).role == "viewer"  # others unaffected


def test_only_editors_pass_the_server_side_check() -> None:
    assert require_editor(User("an", "editor")).name == "an"
    assert require_editor(User("root", "admin")).can_edit
    with pytest.raises(AccessError, match="viewer"):
        require_editor(User("binh", "viewer"))
    with pytest.raises(AccessError, match="read-only"):
        require_editor(None)


def test_bad_roles_and_short_passwords(tmp_path: Path) -> None:
    with pytest.raises(AccessError, match="role"):
        set_user(tmp_path / "u.toml", "x", "superuser", "mật-khẩu-đủ-dài")
    with pytest.raises(AccessError, match="8 characters"):
        set_user(tmp_path / "u.toml", "x", "editor", "ngắn")


def test_users_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "users.toml"
    monkeypatch.setattr("sys.stdin", io.StringIO("mật-khẩu-đủ-dài\n"))
    assert main(["users", "add", "chi", "--role", "editor", "--password-stdin", "--users", str(path)]) == 0
    assert main(["users", "list", "--users", str(path)]) == 0
    assert "chi\teditor" in capsys.readouterr().out
    assert sign_in(path, "chi", "mật-khẩu-đủ-dài").can_edit
