"""The words of the PDF booklet and handouts and of the waiting-room kiosk, as settings (extra.words).

Name -> (English, what it is); scripts/model/words.py adds them to the words every edition sets.
"""

from __future__ import annotations

PRINT_WORDS: dict[str, tuple[str, str]] = {
}
