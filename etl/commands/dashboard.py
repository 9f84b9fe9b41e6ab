"""`partybuild dashboard`: serve the Streamlit app."""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from etl.commands.common import add_db_argument
from etl.config import DB_ENV, resolve_db_path
from warehouse.access import USERS_ENV


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("dashboard", help="serve the dashboard in the browser",
                       description="Serve the Streamlit dashboard (http://localhost:PORT).")
    add_db_argument(p)
    p.add_argument("--port", type=int, default=8501, help="port (default 8501)")
    p.add_argument("--address", default="localhost", help="address to listen on (default localhost)")
    p.add_argument("--users", metavar="FILE",
                   help="the users file that allows signing in to edit (default: $PARTYBUILD_USERS, else users.toml "
                        "beside the warehouse; without one the dashboard is read-only)")
    p.set_defaults(func=run)


def app_path() -> Path:
    """dashboard/app.py wherever the package is (an editable install may see it as a namespace package)."""
    spec = importlib.util.find_spec("dashboard")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "app.py"
        if candidate.is_file():
            return candidate
    return Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


def run(args: argparse.Namespace) -> int:
    app = str(app_path())
    env = dict(os.environ)
    env[DB_ENV] = str(resolve_db_path(args.db).resolve())
    if args.users:
        users = Path(args.users).resolve()
        if not users.is_file():
            print(f"partybuild dashboard: no users file at {users} (create it with `partybuild users add NAME "
                  f"--role editor --users {args.users}`)", file=sys.stderr)
            return 1
        env[USERS_ENV] = str(users)
    cmd = [sys.executable, "-m", "streamlit", "run", app, "--server.port", str(args.port),
           "--server.address", args.address, "--server.headless", "true",
           "--browser.gatherUsageStats", "false",
           # No raw tracebacks in the browser: pages turn errors into sentences, the rest goes to the log.
           "--client.showErrorDetails", "none", "--client.toolbarMode", "viewer",
           "--server.runOnSave", "false", "--server.fileWatcherType", "none",
           # dashboard/static/: the Plotly bundle the charts load (dashboard/plot.py).
           "--server.enableStaticServing", "true"]
    print(f"partybuild dashboard on http://{args.address}:{args.port} (warehouse {env[DB_ENV]})", flush=True)
    try:
        return subprocess.call(cmd, env=env)
    except KeyboardInterrupt:
        return 0
