"""Errors raised by the signals stage.

SignalsError
 ├── PortfolioInvalid      a portfolio file is rejected whole; `.problems` lists each by line
 └── TaxonomyInvalid       the taxonomy data file is malformed
"""


class SignalsError(Exception):
    """Base of every signals error."""


class PortfolioInvalid(SignalsError):
    """A portfolio file was rejected; nothing was stored."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            f"portfolio rejected: {len(problems)} problem(s): " + "; ".join(problems[:5])
        )


class TaxonomyInvalid(SignalsError):
    """The taxonomy file does not describe types, kinds and cues as expected."""
