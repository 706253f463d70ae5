"""One small error hierarchy. Every error about a user's input names the file (and line)."""

from __future__ import annotations


class GeneratorError(Exception):
    """Base of every error the command line reports as one line, exit status 2."""

    def __init__(self, message: str, path: str = "", line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self):
        # Pickled with its file and line (Exception's own pickling keeps only args):
        # texts are parsed in worker processes, whose errors come back pickled.
        return (self.__class__, (self.message, self.path, self.line))

    def __str__(self) -> str:
        where = self.path
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(GeneratorError):
    """A content file that cannot be read or makes no sense (encoding, no units, bad YAML)."""


class ContentLayoutError(GeneratorError):
    """The content directory does not follow DESIGN.md section 2 (bad slug, duplicate slug)."""


class BuildError(GeneratorError):
    """The site could not be built (MkDocs failed, a tool is missing)."""


class SiteFolderError(GeneratorError):
    """The site folder (or its build folder) is not one a build may write: not made by this
    project, a protected folder, a symbolic link."""
