"""Sign-in and editing on the Evidence page: who sees the controls, what the server refuses, and edits that show
at once. Each test gets its own copy of a small warehouse, with a users file beside it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import auth
from etl.cli import main
from warehouse.access import MAX_FAILURES, AccessError, User, hash_password, save_users
from warehouse.corrections import Change

SHEET = (
    "body,metric,period,value,unit,source\n"
    "Đảng bộ tỉnh Tây Ninh,members_admitted,2021,1.250,người,Báo cáo tổng kết năm 2021 (mẫu)\n"
    "Đảng bộ tỉnh Long An,members_admitted,2021,980,người,Báo cáo tổng kết năm 2021 (mẫu)\n"
    "Đảng bộ tỉnh Long An,members_admitted,2022,1.040,người,Báo cáo tổng kết năm 2022 (mẫu)\n"
    "Đảng bộ huyện Gò Dầu,members_admitted,2021,86,người,Báo cáo của Huyện ủy Gò Dầu (mẫu)\n"
    "Đảng bộ huyện Tân Châu,houses_built,2021,12,căn,Báo cáo của Huyện ủy Tân Châu (mẫu)\n"
)
PASSWORDS = {"an": "mật-khẩu-biên-tập", "binh": "mật-khẩu-người-xem", "chi": "mật-khẩu-quản-trị"}
ROLES = {"an": "editor", "binh": "viewer", "chi": "admin"}
EDIT_KEYS = ("save_correct_", "save_confirm_", "save_reject_", "save_add")


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("editing")
    sheet = folder / "bao-cao.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    db = folder / "partybuild.duckdb"
    assert main(["etl", "run", str(sheet), "--db", str(db)]) == 0
    return db


def write_users(path: Path, roles: dict[str, str]) -> None:
    # Few PBKDF2 iterations keep the tests fast; sign-in reads the count from each stored hash.
    save_users(path, {name: {"role": role, "password": hash_password(PASSWORDS[name], iterations=1_000)}
                      for name, role in roles.items()})


@pytest.fixture
def db(tmp_path: Path, base_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the warehouse with users.toml beside it (found there, as `partybuild users` puts it)."""
    copy = tmp_path / "partybuild.duckdb"
    shutil.copyfile(base_db, copy)
    monkeypatch.delenv("PARTYBUILD_USERS", raising=False)
    monkeypatch.delenv(auth.SSO_ENV, raising=False)
    monkeypatch.setenv("PARTYBUILD_DB", str(copy))
    write_users(tmp_path / "users.toml", ROLES)
    return copy


def one(db: Path, sql: str, params: list | None = None) -> object:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(sql, params or []).fetchone()
    return row[0] if row else None


def fact_id(db: Path, body: str, year: int = 2021) -> int:
    value = one(db, "SELECT fact_id FROM v_facts WHERE body = ? AND year(period_end) = ?", [body, year])
    assert isinstance(value, int)
    return value


def evidence(app: Callable[..., AppTest], db: Path, **params: str) -> AppTest:
    return app(db, "screens/evidence.py", **{"level": "", **params})


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.sidebar.text_input(key="auth_name").input(name)
    at.sidebar.text_input(key="auth_password").input(password)
    return at.sidebar.button(key="auth_submit").click().run()


def bodies_shown(at: AppTest) -> list[str]:
    return list(at.dataframe[0].value["Tổ chức"])


def select(at: AppTest, body: str, period: str = "năm 2021") -> AppTest:
    table = at.dataframe[0].value
    rows = table.index[(table["Tổ chức"] == body) & (table["Kỳ"] == period)].tolist()
    assert rows, f"{body} {period} is not listed: {table[['Tổ chức', 'Kỳ']].values.tolist()}"
    at.session_state["facts"] = {"selection": {"rows": [int(rows[0])], "columns": []}}
    return at.run()


def edit_controls(at: AppTest) -> list[str]:
    return [b.key for b in at.button if b.key and b.key.startswith(EDIT_KEYS)]


def test_without_a_users_file_the_dashboard_is_read_only(app, no_errors, db: Path) -> None:
    (db.parent / "users.toml").unlink()
    at = select(evidence(app, db), "Đảng bộ tỉnh Long An")
    no_errors(at)
    assert any(c.value == "Chế độ chỉ xem" for c in at.sidebar.caption)
    assert not at.sidebar.text_input  # no sign-in form
    assert edit_controls(at) == []
    assert any("chưa được hiệu chỉnh" in c.value for c in at.caption)  # the history is for everyone


@pytest.mark.parametrize("text", ["[users.an\nrole = ", '[users.an]\nrole = "chief"\npassword = "x"\n'])
def test_an_unreadable_users_file_leaves_the_dashboard_read_only(app, no_errors, db: Path, text: str) -> None:
    (db.parent / "users.toml").write_text(text, encoding="utf-8")
    at = select(evidence(app, db), "Đảng bộ tỉnh Long An")
    no_errors(at)
    assert any(c.value == "Chế độ chỉ xem" for c in at.sidebar.caption)
    assert not at.sidebar.text_input
    assert edit_controls(at) == []


def test_anonymous_and_viewer_see_no_edit_controls(app, no_errors, db: Path) -> None:
    at = select(evidence(app, db), "Đảng bộ tỉnh Long An")
    no_errors(at)
    assert [w.key for w in at.sidebar.text_input] == ["auth_name", "auth_password"]
    assert edit_controls(at) == []
    at = sign_in(at, "binh", PASSWORDS["binh"])
    no_errors(at)
    assert any(c.value == "Đã đăng nhập: binh (người xem)" for c in at.sidebar.caption)
    at = select(at, "Đảng bộ tỉnh Long An")
    assert at.text  # the detail is shown…
    assert edit_controls(at) == []  # …without any editing control
    assert not [w for w in at.text_input if (w.key or "").startswith(("reason_", "value_", "add_"))]


def test_a_wrong_password_is_refused_and_repeated_ones_lock_the_name(app, db: Path) -> None:
    at = evidence(app, db)
    at = sign_in(at, "an", "đoán-sai")
    assert [e.value for e in at.error] == ["Sai tên đăng nhập hoặc mật khẩu."]
    assert auth.SESSION_KEY not in at.session_state
    at = select(at, "Đảng bộ tỉnh Long An")
    assert edit_controls(at) == []
    for i in range(MAX_FAILURES - 1):
        at = sign_in(at, "an", f"đoán-{i}")
    at = sign_in(at, "an", PASSWORDS["an"])  # the right password, too late
    assert any("quá nhiều lần" in e.value for e in at.error)
    assert edit_controls(at) == []
    assert sign_in(at, "binh", PASSWORDS["binh"]).sidebar.caption  # other names are not locked


def test_an_editors_rejection_makes_the_fact_vanish(app, no_errors, db: Path) -> None:
    target = fact_id(db, "Đảng bộ tỉnh Long An")
    at = sign_in(evidence(app, db), "an", PASSWORDS["an"])
    assert any(c.value == "Đã đăng nhập: an (biên tập viên)" for c in at.sidebar.caption)
    at = select(at, "Đảng bộ tỉnh Long An")
    assert f"save_reject_{target}" in edit_controls(at)
    at.button(key=f"save_reject_{target}").click().run()  # no reason: refused on the page
    assert any("lý do" in w.value for w in at.warning)
    assert one(db, "SELECT count(*) FROM corrections") == 0
    at.text_input(key=f"reason_reject_{target}").input("số liệu kế hoạch, không phải kết quả")
    at.button(key=f"save_reject_{target}").click().run()
    no_errors(at)
    assert [s.value for s in at.success] == [f"Đã loại bỏ số liệu {target}."]
    assert ("Đảng bộ tỉnh Long An", "năm 2021") not in set(zip(bodies_shown(at), at.dataframe[0].value["Kỳ"],
                                                                strict=True))
    assert one(db, "SELECT count(*) FROM v_facts WHERE fact_id = ?", [target]) == 0
    assert one(db, "SELECT made_by || ': ' || reason FROM v_corrections") == "an: số liệu kế hoạch, không phải kết quả"


def test_an_editors_correction_shows_at_once_with_its_history(app, no_errors, db: Path) -> None:
    target = fact_id(db, "Đảng bộ huyện Gò Dầu")
    at = select(sign_in(evidence(app, db), "chi", PASSWORDS["chi"]), "Đảng bộ huyện Gò Dầu")  # an admin
    at.button(key=f"save_correct_{target}").click().run()
    assert any("ít nhất một" in w.value for w in at.warning)  # nothing changed
    at.text_input(key=f"value_{target}").input("96")
    at.text_input(key=f"reason_correct_{target}").input("báo cáo bổ sung ghi 96")
    at.button(key=f"save_correct_{target}").click().run()
    no_errors(at)
    table = at.dataframe[0].value
    assert table.loc[table["Tổ chức"] == "Đảng bộ huyện Gò Dầu", "Giá trị"].tolist() == ["96 người"]
    assert at.session_state["facts"]["selection"]["rows"]  # still selected: its history is below
    assert "Đảng bộ huyện Gò Dầu · năm 2021 · 96 người" in [x.value for x in at.text]
    assert at.text_input(key=f"value_{target}").value == ""  # the form is emptied for the next edit
    trail = at.dataframe[1].value
    assert trail["Trước → sau"].tolist() == ["Giá trị: 86 người → 96 người"]
    assert trail["Người thực hiện"].tolist() == ["chi"]
    # Confirming the corrected figure keeps the corrected value.
    at.button(key=f"save_confirm_{target}").click().run()
    no_errors(at)
    assert one(db, "SELECT value FROM v_facts WHERE body = 'Đảng bộ huyện Gò Dầu'") == 96
    assert at.dataframe[1].value["Thao tác"].tolist() == ["xác nhận", "sửa (đã được thay bằng hiệu chỉnh sau)"]


def test_an_editor_adds_a_missing_fact_with_its_source(app, no_errors, db: Path) -> None:
    at = sign_in(evidence(app, db), "an", PASSWORDS["an"])
    at.selectbox(key="add_body").select("tinh-tay-ninh-2025")
    at.text_input(key="add_period").input("2022")
    at.text_input(key="add_value").input("1.310")
    at.text_input(key="add_reason").input("bài báo bị sót")
    at.button(key="save_add").click().run()
    assert any("Cần đủ" in w.value for w in at.warning)  # the source is missing
    at.text_input(key="add_source").input("Báo Tây Ninh, 05/01/2023")
    at.button(key="save_add").click().run()
    no_errors(at)
    assert [s.value for s in at.success] == ["Đã thêm số liệu."]
    table = at.dataframe[0].value
    added = table[(table["Tổ chức"] == "Đảng bộ tỉnh Tây Ninh") & (table["Kỳ"] == "năm 2022")]
    assert added["Giá trị"].tolist() == ["1.310 người"]
    assert added["Trích dẫn"].tolist() == ["Báo Tây Ninh, 05/01/2023"]
    # A fact added by hand can be rejected like any other; the addition stays in its history.
    new_id = int(one(db, "SELECT fact_id FROM v_facts WHERE period_label = 'năm 2022' AND value = 1310"))
    at = select(at, "Đảng bộ tỉnh Tây Ninh", "năm 2022")
    at.text_input(key=f"reason_reject_{new_id}").input("trùng với báo cáo tổng kết")
    at.button(key=f"save_reject_{new_id}").click().run()
    no_errors(at)
    assert one(db, "SELECT count(*) FROM v_facts WHERE value = 1310") == 0
    assert one(db, "SELECT list(action ORDER BY correction_id) FROM v_corrections") == ["add", "reject"]


def test_a_viewers_forged_edit_is_refused_by_the_server(db: Path) -> None:
    """What the page's edit path does with whoever the server says is signed in: a viewer, an anonymous
    request or a forged role never reaches the warehouse."""
    target = fact_id(db, "Đảng bộ tỉnh Long An")
    with pytest.raises(AccessError, match="viewer"):
        auth.review(User("binh", "viewer"), target, "reject", reason="giả mạo")
    with pytest.raises(AccessError, match="sign in"):
        auth.review(None, target, "correct", reason="giả mạo", change=Change(value="1"))
    with pytest.raises(AccessError, match="viewer"):
        auth.add_fact(User("binh", "viewer"), Change("members_admitted", "tinh-long-an", "2023", "5"),
                      source="x", reason="y")
    assert one(db, "SELECT count(*) FROM corrections") == 0


def test_a_demoted_editor_loses_the_controls_at_once(app, no_errors, db: Path) -> None:
    target = fact_id(db, "Đảng bộ tỉnh Long An")
    at = select(sign_in(evidence(app, db), "an", PASSWORDS["an"]), "Đảng bộ tỉnh Long An")
    assert edit_controls(at)
    write_users(db.parent / "users.toml", {**ROLES, "an": "viewer"})  # an admin demotes 'an' meanwhile
    at.text_input(key=f"reason_reject_{target}").input("gửi từ trang cũ")
    at.button(key=f"save_reject_{target}").click().run()  # the stale form is submitted anyway
    no_errors(at)
    assert edit_controls(at) == []
    assert any(c.value == "Đã đăng nhập: an (người xem)" for c in at.sidebar.caption)
    assert one(db, "SELECT count(*) FROM corrections") == 0


def test_sign_out(app, db: Path) -> None:
    at = sign_in(evidence(app, db), "an", PASSWORDS["an"])
    at.sidebar.button(key="auth_sign_out").click().run()
    assert auth.SESSION_KEY not in at.session_state
    assert [w.key for w in at.sidebar.text_input] == ["auth_name", "auth_password"]


@pytest.mark.parametrize(("level", "expected"), [
    ("province", {"Đảng bộ tỉnh Tây Ninh", "Đảng bộ tỉnh Long An"}),
    ("district", {"Đảng bộ huyện Gò Dầu"}),
    ("", {"Đảng bộ tỉnh Tây Ninh", "Đảng bộ tỉnh Long An", "Đảng bộ huyện Gò Dầu"}),
])
def test_the_evidence_page_follows_the_level_filter(app, no_errors, db: Path, level: str, expected: set[str]) -> None:
    at = evidence(app, db, level=level)
    no_errors(at)
    assert set(bodies_shown(at)) == expected


def test_single_sign_on_header_names_the_user() -> None:
    users = {"an": {"role": "editor", "password": ""}}
    assert auth.sso_user({"X-Forwarded-User": "an"}, "x-forwarded-user", users) == User("an", "editor")
    assert auth.sso_user({"x-forwarded-user": "dung"}, "X-Forwarded-User", users) == User("dung", "viewer")
    assert auth.sso_user({"X-Forwarded-User": "an"}, None, users) is None  # not enabled: the header is ignored
    assert auth.sso_user({}, "X-Forwarded-User", users) is None
