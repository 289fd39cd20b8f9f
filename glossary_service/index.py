"""The matching engine: lookup, search-as-you-type and annotate, for one locale.

Pure Python, no Flask. An ``Index`` is built once from the names of the terms
(localized names and aliases, English ones as a fallback for lookup, and
generated plural forms) and is immutable afterwards, so it can be shared by
every request and thread.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .text import fold, fold_case, is_cjk, join_keys, tokens

# How much each kind of name counts when it matches.
_WEIGHT = {"term": 1.0, "alias": 0.95, "inflection": 0.9, "english": 0.85}
# Plural endings added to the last word of a name, per language, so that
# "biopsies" or "metástasis óseas" are found without listing every form.
# (ending pattern, letters to strip, letters to add), first rule that fits
# wins; None: the word is plural or a verb form already.
_PLURALS = {
    "en": (
        (r"[^aeiou]y$", 1, "ies"),
        (r"is$", 2, "es"),
        (r"(s|ed|ing)$", 0, None),
        (r"(x|z|ch|sh)$", 0, "es"),
        (r"[a-z]$", 0, "s"),
    ),
    "es": ((r"[aeiouáéó]$", 0, "s"), (r"z$", 1, "ces"), (r"[^s]$", 0, "es")),
    "pt": ((r"[aeiouãõ]$", 0, "s"), (r"m$", 1, "ns"), (r"[rz]$", 0, "es")),
    "fr": ((r"(eau|eu)$", 0, "x"), (r"al$", 2, "aux"), (r"[^sxz]$", 0, "s")),
}


def _is_abbreviation(surface: str) -> bool:
    """Short and in capitals, in any alphabet: NED, PD-L1, НМРЛ."""
    return len(surface) <= 5 and " " not in surface and surface.isupper()


@dataclass(frozen=True)
class Name:
    """One way a term can be written: its name, an alias, a form."""

    key: str  # folded phrase key: what matching compares
    exact: str  # case-folded with accents kept: ranks an exact-accent match first
    term_id: str
    by: str  # term | alias | inflection | english
    # Short capital abbreviations ("PR", "CR") match free text only in capitals,
    # so everyday words are not annotated as terms.
    case_sensitive: bool
    surface: str
    in_text: bool = True  # may be marked in running text

    @property
    def weight(self) -> float:
        return _WEIGHT[self.by]


@dataclass(frozen=True)
class Match:
    term_id: str
    by: str  # term | alias | inflection | english | misspelling
    score: float


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    term_id: str


@dataclass(frozen=True)
class NamedTerm:
    """What the index needs to know of a term in its locale."""

    id: str
    term: str
    aliases: tuple[str, ...]
    english_names: tuple[str, ...] = ()
    lookup_only: tuple[str, ...] = ()  # found by lookup and search, never in free text


def _fuzzy_budget(length: int) -> int:
    """Edits forgiven: none for short words, where one edit is another word."""
    return 0 if length < 4 else 1 if length < 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, giving up above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletes(word: str) -> set[str]:
    """The word and every way to drop one letter of it (symmetric-delete fuzzy)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


class Index:
    def __init__(
        self,
        locale: str,
        terms: Iterable[NamedTerm],
        stem: Callable[[str], str] | None = None,
        marks_matter: bool = False,
    ):
        """``stem``: the language's stemmer (inflection.stemmer_for), if its
        words change shape in running text. ``marks_matter``: in free text
        written with its marks, a name must match them too (Vietnamese tones
        tell words apart: tiên lượng, prognosis, is not tiền lương, salary);
        text typed without any marks still matches."""
        self.locale = locale
        self._marks_matter = marks_matter
        names = list(self._names(locale, terms))
        by_key: dict[str, list[Name]] = {}
        for name in names:
            by_key.setdefault(name.key, []).append(name)
        for group in by_key.values():
            group.sort(key=lambda n: -n.weight)
        self._by_key = by_key

        # Search scans one string holding every key, so a query is a handful of
        # C-speed ``str.find`` calls rather than a Python loop over names.
        self._keys = sorted(by_key)
        self._haystack = "\n".join(self._keys) + "\n"
        # Per key, each term it names once, with its best weight.
        self._key_terms = []
        for key in self._keys:
            seen_terms: dict[str, tuple[str, float, str]] = {}
            for name in by_key[key]:
                seen_terms.setdefault(name.term_id, (name.term_id, name.weight, name.by))
            self._key_terms.append(tuple(seen_terms.values()))
        self._offsets = []
        pos = 0
        for key in self._keys:
            self._offsets.append(pos)
            pos += len(key) + 1

        # Trigrams -> keys holding them, for queries of three letters or more.
        grams: dict[str, list[int]] = {}
        for i, key in enumerate(self._keys):
            for gram in {key[j : j + 3] for j in range(len(key) - 2)}:
                grams.setdefault(gram, []).append(i)
        self._grams = grams

        # Fuzzy matching: symmetric deletes of whole keys (lookup) and of word
        # prefixes (search as you type).
        self._key_deletes: dict[str, set[str]] = {}
        self._prefix_deletes: dict[str, set[str]] = {}
        for key in self._keys:
            if _fuzzy_budget(len(key)):
                for d in _deletes(key):
                    self._key_deletes.setdefault(d, set()).add(key)
            for word in set(key.split()):
                for n in range(4, len(word) + 1):
                    for d in _deletes(word[:n]):
                        self._prefix_deletes.setdefault(d, set()).add(key)

        # Annotate: names that may appear in running text, by first token,
        # longest first.
        phrases: dict[str, list[tuple[tuple[str, ...], Name]]] = {}
        for name in names:
            if not name.in_text:
                continue
            toks = tuple(t.key for t in tokens(name.surface))
            phrases.setdefault(toks[0], []).append((toks, name))
        for group in phrases.values():
            group.sort(key=lambda p: (-len(p[0]), -p[1].weight))
        self._phrases = phrases

        # Inflected forms: the same phrases again, as stems, tried where the
        # exact forms did not match.
        self._stem = stem
        self._stem_phrases: dict[str, list[tuple[tuple[str, ...], Name]]] = {}
        self._stem_keys: dict[str, Name] = {}
        if stem is not None:
            for name in names:
                stems = tuple(stem(t.key) for t in tokens(name.surface))
                self._stem_keys.setdefault(" ".join(stems), name)
                if name.in_text:
                    self._stem_phrases.setdefault(stems[0], []).append((stems, name))
            for group in self._stem_phrases.values():
                group.sort(key=lambda p: (-len(p[0]), -p[1].weight))

    @staticmethod
    def _names(locale: str, terms: Iterable[NamedTerm]) -> Iterable[Name]:
        language = locale.split("-")[0]
        seen: set[tuple[str, str]] = set()
        generated = []
        for t in terms:
            for by, surfaces in (
                ("term", (t.term,)),
                ("alias", t.aliases),
                ("english", t.english_names),
            ):
                for surface in surfaces:
                    key = join_keys([tok.key for tok in tokens(surface)])
                    if not key or (key, t.id) in seen:
                        continue
                    seen.add((key, t.id))
                    yield Name(
                        key=key,
                        exact=fold_case(surface),
                        term_id=t.id,
                        by=by,
                        case_sensitive=_is_abbreviation(surface),
                        surface=surface,
                        # English names would mark English words inside, say,
                        # Spanish prose.
                        in_text=by != "english" and surface not in t.lookup_only,
                    )
                    if by != "english" and surface not in t.lookup_only:
                        generated.append((surface, t.id))
        # Generated plurals only fill gaps: a name some term really has wins.
        taken = {key for key, _ in seen}
        for surface, term_id in generated:
            if _is_abbreviation(surface):
                continue
            for pattern, strip, add in _PLURALS.get(language, ()):
                if re.search(pattern, surface):
                    if add is None:
                        break
                    form = surface[: len(surface) - strip] + add
                    key = join_keys([tok.key for tok in tokens(form)])
                    if key and key not in taken:
                        taken.add(key)
                        yield Name(key, fold_case(form), term_id, "inflection", False, form)
                    break

    # -- lookup -----------------------------------------------------------

    def lookup(self, query: str) -> Match | None:
        """The term a reader means: by name or alias, any case or accents, or a
        small misspelling. None when nothing is close enough."""
        key = join_keys([t.key for t in tokens(query)])
        if not key:
            return None
        group = self._by_key.get(key)
        if group:
            exact = fold_case(query.strip())
            best = max(group, key=lambda n: (n.exact == exact, n.weight))
            accent_factor = 1.0 if best.exact == exact else 0.97
            return Match(best.term_id, best.by, round(best.weight * accent_factor, 3))
        if self._stem is not None:
            stem = self._stem
            name = self._stem_keys.get(" ".join(stem(t.key) for t in tokens(query)))
            if name is not None:
                return Match(name.term_id, "inflection", round(name.weight * 0.9, 3))
        return self._fuzzy_lookup(key)

    def _fuzzy_lookup(self, key: str) -> Match | None:
        budget = _fuzzy_budget(len(key))
        if not budget:
            return None
        candidates: set[str] = set()
        for d in _deletes(key):
            candidates |= self._key_deletes.get(d, set())
        best: tuple[float, str, Name] | None = None
        for cand in candidates:
            dist = edit_distance(key, cand, budget)
            if dist > budget:
                continue
            name = self._by_key[cand][0]
            score = round(name.weight * (1 - dist / max(len(cand), len(key))) * 0.9, 3)
            if best is None or (score, cand) > (best[0], best[1]):
                best = (score, cand, name)
        if best is None:
            return None
        return Match(best[2].term_id, "misspelling", best[0])

    # -- search -----------------------------------------------------------

    def search(self, query: str, limit: int = 10) -> list[Match]:
        """Ranked suggestions for a search box: names that start with the
        query, then names with a later word that does, then names containing
        it, then close misspellings. One result per term, best score."""
        key = join_keys([t.key for t in tokens(query)])
        if not key or limit <= 0:
            return []
        # Hot path: plain dicts, tuples and locals. term id -> score, and -> by.
        scores: dict[str, float] = {}
        kinds: dict[str, str] = {}
        keys, key_terms = self._keys, self._key_terms
        klen = len(key)
        for i, at in self._occurrences(key):
            cand = keys[i]
            if at == 0:
                tier = 0.7  # prefix
            else:
                before = cand[at - 1]
                # A later word starts with it (in Chinese, any character may).
                tier = 0.4 if before == " " or (before > "\u2e7f" and is_cjk(before)) else 0.2
            gain = 0.2 * klen / len(cand) + 0.1
            for term_id, weight, by in key_terms[i]:
                score = tier + gain * weight
                if score > scores.get(term_id, 0.0):
                    scores[term_id] = score
                    kinds[term_id] = by
        best = {term_id: (score, kinds[term_id]) for term_id, score in scores.items()}

        budget = _fuzzy_budget(len(key.split()[-1]))
        if len(best) < limit and budget:
            last = key.split()[-1]
            head = key[: len(key) - len(last)]
            candidates: set[str] = set()
            for d in _deletes(last):
                candidates |= self._prefix_deletes.get(d, set())
            for cand in candidates:
                if head and head.strip() not in cand:
                    continue
                # A dropped or extra letter shifts the prefix by one.
                n = len(last)
                dist = min(
                    edit_distance(last, w[:k], 1) for w in cand.split() for k in (n - 1, n, n + 1)
                )
                if dist <= 1:
                    for name in self._by_key[cand]:
                        if name.term_id not in best:
                            closeness = 1 - dist / len(last)
                            score = (0.2 * closeness + 0.1) * name.weight
                            best[name.term_id] = (score, "misspelling")
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        return [Match(term_id, by, round(score, 4)) for term_id, (score, by) in ranked[:limit]]

    def _occurrences(self, key: str) -> Iterable[tuple[int, int]]:
        """(key index, first position of ``key`` in it) for every key holding it."""
        if len(key) >= 3:
            # The rarest of the query's trigrams narrows the keys to check.
            grams = self._grams
            postings = min((grams.get(key[j : j + 3], ()) for j in range(len(key) - 2)), key=len)
            keys = self._keys
            for i in postings:
                at = keys[i].find(key)
                if at != -1:
                    yield i, at
            return
        # One or two letters: one pass over all keys at C speed.
        hay, offsets, n_keys = self._haystack, self._offsets, len(self._keys)
        pos = hay.find(key)
        while pos != -1:
            i = bisect.bisect_right(offsets, pos) - 1
            yield i, pos - offsets[i]
            # The first place a key holds the query ranks it best: go to the next key.
            pos = hay.find(key, offsets[i + 1]) if i + 1 < n_keys else -1

    # -- annotate ---------------------------------------------------------

    def annotate(self, text: str) -> list[Span]:
        """Every term in free text: leftmost, longest, never overlapping, whole
        words (single characters in Chinese), offsets in code points."""
        toks = tokens(text)
        keys = [t.key for t in toks]
        stems: list[str] | None = None
        spans = []
        i, n = 0, len(toks)
        while i < n:
            end = self._match_at(text, toks, keys, i, self._phrases, self._marks_matter)
            if end is None and self._stem is not None:
                if stems is None:
                    stems = [self._stem(k) for k in keys]
                end = self._match_at(text, toks, stems, i, self._stem_phrases)
            if end is None:
                i += 1
                continue
            end, term_id = end
            spans.append(Span(toks[i].start, toks[end - 1].end, term_id))
            i = end
        return spans

    @staticmethod
    def _match_at(text, toks, keys, i, phrases, marks_matter=False) -> tuple[int, str] | None:
        """The longest phrase starting at token i: (end token, term id)."""
        group = phrases.get(keys[i])
        if not group:
            return None
        n = len(keys)
        for phrase, name in group:
            end = i + len(phrase)
            if end > n or tuple(keys[i:end]) != phrase:
                continue
            found = text[toks[i].start : toks[end - 1].end]
            if name.case_sensitive and not _same_letters(found, name.surface):
                continue
            if marks_matter and not _marks_agree(found, name.surface):
                continue
            return end, name.term_id
        return None

    # -- for callers ------------------------------------------------------

    @property
    def name_count(self) -> int:
        return sum(len(g) for g in self._by_key.values())


def _marks_agree(found: str, surface: str) -> bool:
    """Text without marks agrees with any name; text with marks, only with
    the same marks."""
    found_words = [fold_case(t) for t in _WORD.findall(found)]
    if all(fold(w) == w for w in found_words):
        return True
    return found_words == [fold_case(t) for t in _WORD.findall(surface)]


_WORD = re.compile(r"[^\W_]+")


def _same_letters(found: str, surface: str) -> bool:
    return "".join(c for c in found if c.isalnum()) == "".join(c for c in surface if c.isalnum())
