"""Arabic: words take prefixes (the article ال, and و ب ل ف before it) and
suffixes that stack (سرطانات = سرطان + ات)."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

RULES = LanguageRules(
    code="ar",
    # Text is folded before stemming, so ة is already ه and ى is ي.
    prefixes=("وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف"),
    suffixes=("ات", "ان", "ون", "ين", "ها", "يه", "ه", "ي"),
    stack_suffixes=True,
    min_stem=3,
    sort_article="ال",
    number_words=frozenset("واحد اثنان ثلاثه اربعه الاولي الثانيه الثالثه الرابعه".split()),
    context_cues=(
        "سرطان",
        "السرطان",
        "ورم",
        "الورم",
        "أورام",
        "الأورام",
        "طبيب",
        "الطبيب",
        "طبيبة",
        "ممرضة",
        "مستشفى",
        "المستشفى",
        "عيادة",
        "مريض",
        "المريض",
        "مريضة",
        "علاج",
        "العلاج",
        "مرض",
        "المرض",
    ),
    blocking=(
        "متقدم موضعيا",
        "متقدم موضعياً",
        "المتقدم موضعيا",
        "المتقدم موضعياً",
        "متقدمة موضعيا",
        "المتقدمة موضعيا",
        "الأسمدة الكيماوية",
        "السماد الكيماوي",
        "فرط الحرارة الخبيث",
    ),
    patterns=(TNM, Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER)),
)

EXAMPLES = {
    "stem": [("السرطان", "سرطان"), ("بالسرطان", "سرطان"), ("سرطانات", "سرطان")],
    "sort": ["البطن", "تليف", "الورم"],
    "initial": [("السرطان", "س")],
}
