"""One module per `partybuild` subcommand, each with `register(subparsers)` and `run(args) -> exit code`."""
