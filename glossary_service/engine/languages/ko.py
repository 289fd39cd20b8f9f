"""Korean: particles attach to nouns (화학요법을, 화학요법은); a stem keeps at
least two syllables."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

RULES = LanguageRules(
    code="ko",
    suffixes=tuple(
        """으로부터 에서부터 에게서 으로써 으로서 이라고 에서는 에게는 으로는 까지 부터
        에서 에게 한테 으로 처럼 보다 이나 이랑 라고
        은 는 이 가 을 를 의 에 와 과 로 도 만 랑""".split()
    ),
    min_stem=2,
    particles_outside_span=True,
    # One syllable is a whole word: a one-syllable edit is another word.
    fuzzy_lengths=(5, 9),
    context_cues=(
        "암",
        "종양",
        "암세포",
        "항암",
        "의사",
        "간호사",
        "병원",
        "외래",
        "환자",
        "치료",
        "진료",
        "질환",
        "진단",
    ),
    blocking=("복수 국적", "복수 전공", "복수형", "복수 정답", "복수의"),
    patterns=(TNM, Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER)),
)

EXAMPLES = {"stem": [("화학요법을", "화학요법"), ("화학요법은", "화학요법"), ("암", "암")]}
