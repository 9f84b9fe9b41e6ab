"""`partybuild dashboard`: serve the Streamlit app."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from importlib import resources

from etl.commands.common import add_db_argument
from etl.config import DB_ENV, resolve_db_path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("dashboard", help="serve the dashboard in the browser",
                       description="Serve the Streamlit dashboard (http://localhost:PORT).")
    add_db_argument(p)
    p.add_argument("--port", type=int, default=8501, help="port (default 8501)")
    p.add_argument("--address", default="localhost", help="address to listen on (default localhost)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    app = str(resources.files("dashboard") / "app.py")
    env = dict(os.environ)
    env[DB_ENV] = str(resolve_db_path(args.db).resolve())
    cmd = [sys.executable, "-m", "streamlit", "run", app, "--server.port", str(args.port),
           "--server.address", args.address, "--server.headless", "true",
           "--browser.gatherUsageStats", "false"]
    print(f"partybuild dashboard on http://{args.address}:{args.port} (warehouse {env[DB_ENV]})", flush=True)
    try:
        return subprocess.call(cmd, env=env)
    except KeyboardInterrupt:
        return 0
