"""Korean: particles attach to nouns (화학요법을, 화학요법은) and stack
(복막에도, 병기에는); Sino-Korean nouns become verbs with 하다/되다/받다
(전이된, 진단받으셨고) and take the copula (4기입니다). All of these are
stripped, repeatedly, so a name meets its forms; a stem keeps at least two
syllables, so a one-syllable noun (암) is never cut."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS, STAGE_NUMERALS, TNM

# Case and other particles, with their forms after a vowel and a consonant.
_PARTICLES = """
    이 가 을 를 은 는 의 에 와 과 로 으로 도 만 랑 이랑 나 이나 들
    에서 에게 한테 께 께서 보다 처럼 까지 부터 마다 조차 뿐 뿐만 밖에
    이란 란 이라 이라고 라고 이라는 라는 이라도 라도 이든 이든지 든지
    이며 이고 이자 에다 에다가 으로써 로써 으로서 로서 에게서 한테서
    으로부터 로부터 에서부터
"""
# 하다, 되다 and 받다 after a noun, and the copula: the commonest endings.
_VERB_ENDINGS = """
    하다 한다 합니다 했다 했습니다 하였다 하였습니다 하고 했고 하며 하면 하면서
    하지 하는 한 할 함 해서 하여 했는데 하는데 했으며 했으나 했던 하던
    하셨 하셨고 하셨다 하셨습니다 하신 하시고 해요 했어요
    되다 된다 됩니다 됐다 됐습니다 되었다 되었습니다 되고 됐고 되었고 되며 되면
    되면서 되지 되는 된 될 됨 돼 돼서 되어 되어서 됐는데 되는데 됐으며 되었으며
    됐으나 됐던 되었던 되던 되셨 되셨고 되셨다 되셨습니다 되신 돼요 됐어요
    됐는지 되었는지 된지 되기
    받다 받는다 받습니다 받았다 받았습니다 받고 받았고 받으며 받으면 받지 받는
    받은 받을 받음 받아 받아서 받았는데 받았으며 받았던 받던 받으셨 받으셨고
    받으셨다 받으셨습니다 받으신 받으시고 받아요 받았어요 받기
    이다 입니다 이었다 이었습니다 였다 였습니다 이면 이지만 인데 인지 인 임
    이에요 예요 이었고 였고 이라서 라서 인가요 인가 인지요 일까요 일까 이죠 이지요
"""
# Nouns written joined to a name: the 완화의료 of 완화의료팀 is palliative care.
_JOINED_NOUNS = "팀 센터 병동"

# Stage names of other conditions: "만성 콩팥병 3기", "욕창 2기", "2기 고혈압",
# "분만 제2기". Each is consumed, so no cancer stage (0기-4기) links inside.
_OTHER_CONDITIONS = (
    "만성 콩팥병",
    "만성콩팥병",
    "만성 신장병",
    "만성신장병",
    "만성 신장 질환",
    "만성 신부전",
    "콩팥병",
    "신장병",
    "CKD",
    "욕창",
    "압박 손상",
    "압력 손상",
    "심부전",
    "고혈압",
    "림프부종",
    "림프 부종",
    "자궁내막증",
    "치주염",
    "간질환",
    "간경변",
    "분만",
    "진통",
    "수면",
)
_STAGE_NUMBERS = tuple(f"{n}{sub}" for n in STAGE_NUMERALS for sub in ("", "a", "b"))
OTHER_STAGED = tuple(
    phrase
    for c in _OTHER_CONDITIONS
    for n in _STAGE_NUMBERS
    for phrase in (f"{c} {n}기", f"{c} 제{n}기", f"{n}기 {c}")
)
# 기 (期) also counts cohorts, phases of new towns and terms of office:
# "4기 신도시", "동아리 3기 회원", "1~3기 선배".
EVERYDAY_STAGED = tuple(
    f"{n}기 {what}"
    for n in ("1", "2", "3", "4")
    for what in (
        "신도시",
        "회원",
        "선배",
        "후배",
        "졸업생",
        "학생",
        "수료생",
        "모집",
        "지도부",
        "내각",
        "위원회",
        "동기",
    )
)

# Fixed expressions that hold a glossary name but mean something else. A
# blocker's stem must not be a name's stem: 복수의 alone would also block
# 복수가 and 복수를 (ascites).
_BLOCKING = (
    # 복수: "several" and "revenge".
    "복수형",
    "복수 국적",
    "복수 전공",
    "복수 정답",
    "복수 응답",
    "복수 선택",
    "복수 지원",
    "복수 노조",
    "복수의 결절",
    "복수의 병변",
    "복수의 종괴",
    "복수의 병소",
    "복수의 낭종",
    "복수의 용종",
    "복수를 다짐",
    "복수를 결심",
    "복수를 위해",
    "복수를 계획",
    "복수 계획",
    "복수의 칼날",
    "복수에 성공",
    # Stage 4 of other diseases, and a fourth generation or intake.
    "만성 콩팥병 4기",
    "만성 신장병 4기",
    "만성 신부전 4기",
    "콩팥병 4기",
    "신장병 4기",
    "CKD 4기",
    "욕창 4기",
    "4기 욕창",
    "자궁내막증 4기",
    "치주염 4기",
    # End-stage organ failure is not terminal illness; 말기 of eras and
    # terms of office.
    "말기 신부전",
    "말기 신장병",
    "말기 콩팥병",
    "말기 신장 질환",
    "말기 간질환",
    "말기 간부전",
    "말기 심부전",
    "말기 폐질환",
    "조선 말기",
    "고려 말기",
    "왕조 말기",
    "정권 말기",
    "임기 말기",
    "전쟁 말기",
    # Stages of other conditions, and cohorts, towns and terms of office.
    *OTHER_STAGED,
    *EVERYDAY_STAGED,
    # 전이 is also transfer (learning, feelings, AI) and a phase change.
    "배움 전이",
    "학습 전이",
    "감정 전이",
    "전이 학습",
    "전이 금속",
    "전이 온도",
    "상 전이",
    # 병기 is also a weapon (兵器) and writing side by side (倂記).
    "비밀 병기",
    "최종 병기",
    "인간 병기",
    "살상 병기",
    "신형 병기",
    "병기 창고",
    "한자 병기",
    "영문 병기",
    "한글 병기",
    # 피로 of materials and screens; 재발 of incidents.
    "금속 피로",
    "피로 균열",
    "피로 파괴",
    "시청 피로",
    "시청 피로감",
    "재발 방지 대책",
    "재발 방지책",
    "사고 재발",
    "부상 재발",
    # Survival of firms, not patients.
    "기업 5년 생존율",
    "창업 기업 5년 생존율",
    "창업기업 5년 생존율",
    "기업 생존율",
    "창업 생존율",
    # 방사선 조사 (調査): a radiation survey, not irradiation.
    "방사선 조사 결과",
    "환경 방사선 조사",
    # 골수 is also "die-hard".
    "골수 팬",
    "골수 지지층",
    "골수 지지자",
)

RULES = LanguageRules(
    code="ko",
    suffixes=tuple(dict.fromkeys((_PARTICLES + _VERB_ENDINGS + _JOINED_NOUNS).split())),
    # 돌연변이와 -> 돌연변이 -> 돌연변, as the name 돌연변이 -> 돌연변.
    stack_suffixes=True,
    min_stem=2,
    particles_outside_span=True,
    # One syllable is a whole word: a one-syllable edit is another word.
    fuzzy_lengths=(5, 9),
    context_cues=(
        # Not 진단 (진단평가, 진단했다) nor 의사 (의사를 밝혔다: an intention).
        "암",
        "암이",
        "암을",
        "암은",
        "암의",
        "암에",
        "암과",
        "항암",
        "항암제",
        "암세포",
        "암환자",
        "암센터",
        "폐암",
        "위암",
        "간암",
        "유방암",
        "췌장암",
        "갑상선암",
        "전립선암",
        "자궁경부암",
        "난소암",
        "방광암",
        "신장암",
        "식도암",
        "담도암",
        "혈액암",
        "종양내과",
        "혈액종양내과",
        "방사선종양학과",
        "주치의",
        "의료진",
        "간호사",
        "병원",
        "외래",
        "입원",
        "퇴원",
        "응급실",
        "환자",
        "진료",
        "치료",
        "질환",
        "질병",
        "통증",
        "검진",
        "건강검진",
        "진찰",
        "의사 선생님",
        "투여",
        "병변",
        "결절",
        "선암",
        "암종",
        "내원",
        "내과",
        "외과",
        "영상의학과",
        "병리과",
        "진통제",
        "처방전",
        "의무기록",
    ),
    blocking=_BLOCKING,
    patterns=(
        TNM,
        Pattern(
            names=tuple(
                """Tis T1a T1b T1c T2a T2b T3a T3b T4a T4b T4c T4d
                N1a N1b N1c N2a N2b N2c N3a N3b N3c""".split()
            ),
            before=TNM.before,
            after=TNM.after,
        ),
        PS,
        # "반응 평가: PR", "최선 반응 CR", "PR 판정"; not the ECG "PR 간격",
        # progesterone receptor "PR 양성", creatinine "Cr" or "PR 담당자".
        Pattern(
            names=("CR", "PR", "PD"),
            before=r"(?:반응|관해|판정|평가|response)\s*(?:은|는|이|가)?\s*[:=(]?\s*$",
            after=r"^\s*(?:판정|소견)",
        ),
        # PET is also the plastic (PET병, PET 용기): only as a scan.
        Pattern(
            names=("PET",),
            before=r"(?:FDG|F-18|18F)[-\s]*$",
            after=r"^\s*(?:촬영|결과|영상|소견|스캔|판독|사진|상에서|상\s)",
        ),
        # 관해 (remission) is also "about" (문제에 관해, 이에 관해): only the
        # noun, with a particle or one of these words after it.
        Pattern(
            names=("관해",),
            after=r"^(?:[이가을를은는의에도와과만]|으로|에서|까지|이나|이며|이고|입니다|이다"
            r"|된|됐|되었|되어|되고|되면|됨|돼|\s*(?:상태|유지|기간|판정|도달|유도|도입)"
            r"|\s*(?:후|중)(?:에|에는|의|인|이다|입니다)?(?![가-힣]))",
        ),
    ),
)

EXAMPLES = {
    "stem": [
        ("화학요법을", "화학요법"),
        ("화학요법은", "화학요법"),
        ("암", "암"),
        ("복막에도", "복막"),
        ("전이됐습니다", "전이"),
        ("진단받으셨고", "진단"),
        ("4기입니다", "4기"),
    ],
    "annotate": [
        ("폐에 전이가 있어 항암 치료를 받습니다.", ["전이", "항암 치료"]),
        ("이 문제에 관해 이야기했습니다.", []),
        ("항암 치료의 부작용에 관해 중요한 점을 설명했습니다.", ["항암 치료", "부작용"]),
        ("완전 관해 후 관해 상태를 유지합니다.", ["완전 관해", "관해 상태"]),
        ("복수 응답이 가능합니다.", []),
        ("조선 말기의 병기를 전시합니다.", []),
        ("국소 진행성 암 환자도 완치를 목표로 치료합니다.", ["국소 진행성 암", "완치"]),
        ("만성 콩팥병 3기와 욕창 2기가 있어 병원에 다닙니다.", []),
        ("폐암 2기로 진단받아 수술했습니다.", ["폐암", "2기", "진단", "수술"]),
        ("간에 전이되어 항암치료를 받고 있습니다.", ["전이", "항암치료"]),
        ("올해로 4기를 맞은 동아리 4기 회원 모집 안내입니다.", []),
    ],
}
