"""The project's error classes: one base, specific ones also subclass a builtin."""


class ClaimsError(Exception):
    """Base class of every error this project raises on purpose."""


class RuleFileError(ValueError, ClaimsError):
    """A rule data file is malformed; the message names the file and the entry."""


class InputError(ValueError, ClaimsError):
    """An input file or record cannot be read; the message names the file and line."""


class ExtractionTimeout(TimeoutError, ClaimsError):
    """The scanner's regex guard fired on one text (it is reported, never left hanging)."""
