"""Who may change what everyone sees: users and roles (viewer, editor, admin) in a TOML file with hashed
passwords, sign-in with a rate limit, and the one check every editing path calls.

The users file (default data/users.toml beside the warehouse, or $PARTYBUILD_USERS):

    [users.an]
    role = "editor"
    password = "pbkdf2_sha256$600000$<salt hex>$<hash hex>"

Passwords are never stored: `partybuild users add` writes the PBKDF2-SHA256 hash. After MAX_FAILURES wrong
passwords for a name within WINDOW_S seconds, sign-in for that name is refused until the window has passed,
whatever the password (the counts live in a file beside the users file, so every server process shares them).
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
import secrets
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from etl.errors import PartybuildError

ROLES = ("viewer", "editor", "admin")
USERS_ENV = "PARTYBUILD_USERS"
ITERATIONS = 600_000
MAX_FAILURES = 5
WINDOW_S = 15 * 60


class AccessError(PartybuildError):
    """Sign-in refused or an action not allowed for the user's role."""


class SignInLocked(AccessError):
    """Too many wrong passwords for a name: sign-in is refused for `minutes` more, whatever the password."""

    def __init__(self, minutes: int) -> None:
        super().__init__(f"too many wrong passwords; try again in {minutes} minutes")
        self.minutes = minutes


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        return self.role in ("editor", "admin")


def users_path(flag: str | os.PathLike[str] | None = None, db: Path | None = None) -> Path:
    if flag:
        return Path(flag)
    if os.environ.get(USERS_ENV):
        return Path(os.environ[USERS_ENV])
    return (db.parent if db else Path.cwd() / "data") / "users.toml"


def hash_password(password: str, *, iterations: int = ITERATIONS) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def _check(password: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        got = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def load_users(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    users = data.get("users", {})
    for name, entry in users.items():
        if entry.get("role") not in ROLES:
            raise AccessError(f"{path}: user '{name}' has role {entry.get('role')!r}; use one of {', '.join(ROLES)}")
    return users


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def save_users(path: Path, users: dict[str, dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# partybuild users: roles viewer, editor, admin; passwords are PBKDF2 hashes", ""]
    for name in sorted(users):
        lines += [f"[users.{_toml_string(name)}]", f"role = {_toml_string(users[name]['role'])}",
                  f"password = {_toml_string(users[name]['password'])}", ""]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def set_user(path: Path, name: str, role: str, password: str) -> None:
    if role not in ROLES:
        raise AccessError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
    if not name.strip():
        raise AccessError("a user needs a name")
    if len(password) < 8:
        raise AccessError("a password needs at least 8 characters")
    users = load_users(path)
    users[name.strip()] = {"role": role, "password": hash_password(password)}
    save_users(path, users)


def remove_user(path: Path, name: str) -> None:
    users = load_users(path)
    if name not in users:
        raise AccessError(f"no user '{name}' in {path}")
    del users[name]
    save_users(path, users)


class _Attempts:
    """Failed sign-ins per name, in a JSON file guarded by flock (shared by every server process)."""

    def __init__(self, users_file: Path) -> None:
        self.path = users_file.with_name(users_file.name + ".attempts.json")

    def _update(self, name: str, change: str, now: float) -> list[float]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a+", encoding="utf-8") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            fh.seek(0)
            try:
                data: dict[str, list[float]] = json.loads(fh.read() or "{}")
            except json.JSONDecodeError:
                data = {}
            recent = [t for t in data.get(name, []) if now - t < WINDOW_S]
            if change == "fail":
                recent.append(now)
            elif change == "clear":
                recent = []
            data[name] = recent
            fh.seek(0)
            fh.truncate()
            fh.write(json.dumps(data))
            return recent

    def recent(self, name: str, now: float) -> list[float]:
        return self._update(name, "read", now)

    def fail(self, name: str, now: float) -> None:
        self._update(name, "fail", now)

    def clear(self, name: str, now: float) -> None:
        self._update(name, "clear", now)


def sign_in(path: Path, name: str, password: str, *, now: float | None = None) -> User:
    """The user, or AccessError with a message that does not say whether the name exists."""
    now = time.time() if now is None else now
    attempts = _Attempts(path)
    recent = attempts.recent(name, now)
    if len(recent) >= MAX_FAILURES:
        wait = int(WINDOW_S - (now - min(recent))) + 1
        raise SignInLocked(wait // 60 + 1)
    entry = load_users(path).get(name)
    if entry is None or not _check(password, entry.get("password", "")):
        attempts.fail(name, now)
        raise AccessError("wrong name or password")
    attempts.clear(name, now)
    return User(name=name, role=entry["role"])


def require_editor(user: User | None) -> User:
    """The server-side check every editing path calls: a viewer's or anonymous edit is refused, whatever the
    request looked like."""
    if user is None:
        raise AccessError("sign in as an editor to change figures; without sign-in the dashboard is read-only")
    if not user.can_edit:
        raise AccessError(f"user '{user.name}' is a {user.role}: only editors and admins may change figures")
    return user
