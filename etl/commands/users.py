"""`partybuild users`: who may sign in to the dashboard and edit figures."""

from __future__ import annotations

import argparse
import getpass
import sys

from etl.commands.common import add_db_argument
from etl.config import resolve_db_path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    users = sub.add_parser("users", help="manage dashboard users and roles",
                           description="Manage dashboard users (roles viewer, editor, admin). The users file "
                           "is --users, else $PARTYBUILD_USERS, else users.toml beside the warehouse.")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION")
    for name, text in (("add", "add a user or change a user's role and password"), ("remove", "remove a user"),
                       ("list", "list users and roles")):
        p = actions.add_parser(name, help=text, description=text)
        add_db_argument(p)
        p.add_argument("--users", metavar="FILE", help="the users file")
        if name != "list":
            p.add_argument("name")
        if name == "add":
            p.add_argument("--role", choices=("viewer", "editor", "admin"), default="viewer")
            p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
        p.set_defaults(func=run, users_action=name)
    users.set_defaults(func=lambda args: (users.print_help(), 1)[1])


def run(args: argparse.Namespace) -> int:
    from warehouse.access import load_users, remove_user, set_user, users_path

    path = users_path(args.users, resolve_db_path(args.db))
    if args.users_action == "list":
        for name, entry in sorted(load_users(path).items()):
            print(f"{name}\t{entry['role']}")
        return 0
    if args.users_action == "remove":
        remove_user(path, args.name)
        print(f"removed {args.name} from {path}")
        return 0
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"password for {args.name}: ")
        if getpass.getpass("again: ") != password:
            print("partybuild: the two passwords differ", file=sys.stderr)
            return 1
    set_user(path, args.name, args.role, password)
    print(f"{args.name} is a {args.role} in {path}")
    return 0
