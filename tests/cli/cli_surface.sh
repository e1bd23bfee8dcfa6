#!/usr/bin/env bash
# What madoguchi-cli says it has, from its own --help texts, one line each:
#   global --db            a global option
#   command case           a command
#   action case add        an action of a command
#   option case add --name an option of a command or action ("option deadlines --birth")
#   exit 2                 an exit code
# Shared by the tests that hold docs/cli.md and the man page to the program.
#
# usage: cli_surface.sh MADOGUCHI_CLI
set -euo pipefail
cli=$1
help=$("$cli" --help)

# Global options: "  --name ..." lines before "commands:".
sed -n '1,/^commands:/p' <<<"$help" | sed -n 's/^  \(--[a-z-]*\).*/global \1/p'
# Commands: two spaces and a name; their actions on the "actions:" line under them.
options_of() { # the options an --help text lists: "  --name arg  meaning"
  sed -n 's/^  \(--[a-z-]*\).*/\1/p'
}
sed -n '/^commands:/,/^exit codes:/p' <<<"$help" | while IFS= read -r line; do
  if [[ $line =~ ^\ \ ([a-z][a-z-]*)\ + ]]; then
    command=${BASH_REMATCH[1]}
    echo "command $command"
    actions=$(sed -n "/^  $command /,/^  [a-z]/p" <<<"$help" | sed -n 's/^ *actions: //p' | head -1 | tr -d ',')
    if [ -z "$actions" ]; then
      "$cli" "$command" --help | options_of | sed "s/^/option $command /"
    fi
    for a in $actions; do
      echo "action $command $a"
      "$cli" "$command" "$a" --help | options_of | sed "s/^/option $command $a /"
    done
  fi
done
sed -n '/^exit codes:/,$p' <<<"$help" | sed -n 's/^  \([0-9][0-9]*\)  .*/exit \1/p'
