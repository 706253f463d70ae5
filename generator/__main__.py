"""``python -m generator``: the command line of ``generator.cli``.

Ctrl-C can come while Python is still importing the generator (``serve`` may have just
started a rebuild): nothing is made yet, so it ends as an interrupted build does, in one
line and exit status 130, not with a traceback. A finished command ends without freeing
what it made (``generator.cli.exit_now``).
"""

import sys

try:
    from generator.cli import exit_now, main
except KeyboardInterrupt:
    print("interrupted (Ctrl-C): stopped before it began, nothing made", file=sys.stderr)
    sys.exit(130)  # generator.cli.EXIT_INTERRUPTED, which was being imported

exit_now(main())
