"""WeasyPrint loads only files of the built site and inline data: no network, and a missing file stops it."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher


class FetchError(FatalURLFetchingError):
    """A file the printout needs cannot be loaded (WeasyPrint would otherwise only log it)."""


class LocalOnlyFetcher(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file", "data"))

    def fetch(self, url, headers=None):
        try:
            return super().fetch(url, headers)
        except (OSError, ValueError) as error:  # WeasyPrint only logs these; a missing file must stop the build
            shown = unquote(urlsplit(url).path) if url.startswith("file:") else url[:80]
            reason = getattr(error, "strerror", None) or str(error)
            raise FetchError(f"cannot load {shown} ({reason})") from None
