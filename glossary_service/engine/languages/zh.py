"""Chinese (Simplified and Traditional): no spaces, so every ideograph is a
token; a misspelt ideograph is another word, so nothing is forgiven."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_AFTER, PS_BEFORE, TNM

RULES = LanguageRules(
    code="zh",
    fuzzy_lengths=None,
    context_cues=(
        "癌",
        "癌症",
        "肿瘤",
        "腫瘤",
        "医生",
        "醫生",
        "医师",
        "醫師",
        "护士",
        "護理師",
        "医院",
        "醫院",
        "门诊",
        "門診",
        "患者",
        "病人",
        "治疗",
        "治療",
        "诊断",
        "診斷",
        "肿瘤科",
        "腫瘤科",
    ),
    blocking=(
        "局部晚期",
        "转移到",
        "转移至",
        "轉移到",
        "轉移至",
        "转移注意力",
        "轉移注意力",
        "转移话题",
        "轉移話題",
        "转移资金",
        "轉移資金",
        "恶性高热",
        "惡性高熱",
    ),
    patterns=(TNM, Pattern(names=("PS",), before=PS_BEFORE, after=PS_AFTER)),
)
