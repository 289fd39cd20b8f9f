"""Vietnamese: tones tell words apart (tiên lượng, prognosis; tiền lương,
salary), and two spellings of tone placement are both in use (hoá and hóa).

Many glossary names are everyday words too (khó thở "hard-pressed", tái phát
chấn thương "re-injury", tăng đột biến "spike", đàm phán "negotiate", đáp ứng
hoàn toàn tiêu chuẩn "fully meets the standard"): the catalog links those only
in context, and the phrases below keep the fixed expressions that hold them
unlinked."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS, STAGE_NUMERALS, TNM

# The five tone marks, as combining characters.
_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _tone_placements() -> tuple[tuple[str, str], ...]:
    """Old style puts the tone on the first vowel of oa, oe, uy (hóa, khỏe,
    thúy); new style on the second (hoá, khoẻ, thuý). Both map to the new."""
    import unicodedata

    pairs = []
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            old = unicodedata.normalize("NFC", first + tone + second)
            new = unicodedata.normalize("NFC", first + second + tone)
            pairs.append((old, new))
            pairs.append((old.upper(), new.upper()))
    return tuple(pairs)


# "ung thư vú di căn" is metastatic breast cancer (stage 4), but "ung thư vú
# di căn hạch (nách)" is spread to nearby lymph nodes only (stage II-III).
_METASTATIC_SITES = (
    "",
    "vú ",
    "phổi ",
    "gan ",
    "dạ dày ",
    "đại tràng ",
    "trực tràng ",
    "đại trực tràng ",
    "tụy ",
    "tuyến tụy ",
    "tuyến tiền liệt ",
    "buồng trứng ",
    "cổ tử cung ",
    "nội mạc tử cung ",
    "tuyến giáp ",
    "thận ",
    "bàng quang ",
    "thực quản ",
    "vòm họng ",
)
_TO_NODES = ("hạch", "đến hạch", "sang hạch", "vào hạch", "tới hạch", "ra hạch")
_NODAL_SPREAD = tuple(
    f"ung thư {site}di căn {to}" for site in _METASTATIC_SITES for to in _TO_NODES
)

# Other diseases are staged too: "bệnh thận mạn giai đoạn 4" is not stage 4 cancer.
_OTHER_STAGED = (
    "bệnh thận mạn",
    "bệnh thận mạn tính",
    "bệnh thận",
    "suy thận",
    "suy thận mạn",
    "suy thận mạn tính",
    "loét tì đè",
    "loét tỳ đè",
    "loét do tì đè",
    "loét do tỳ đè",
    "HIV",
    "tăng huyết áp",
    "cao huyết áp",
    "suy tim",
    "phù bạch huyết",
    "xơ gan",
    "bệnh gan",
    "loét do áp lực",
    "tổn thương do tì đè",
    "lạc nội mạc tử cung",
    "Parkinson",
    "bệnh Parkinson",
)
# Every stage name (0-4, Roman numerals, sub-letters): stages 0-3 are names too.
_STAGE_NUMBERS = (
    *tuple(f"{n}{sub}" for n in STAGE_NUMERALS for sub in ("", "A", "B", "C")),
    "không",
    "một",
    "hai",
    "ba",
    "bốn",
)
_NON_CANCER_STAGE_4 = tuple(
    phrase
    for disease in _OTHER_STAGED
    for n in _STAGE_NUMBERS
    for phrase in (f"{disease} giai đoạn {n}", f"{disease} GĐ {n}")
)
# Phases of trials and projects, stages of labour: "thử nghiệm giai đoạn 3"
# is a phase 3 trial, "giai đoạn 2 của dự án" a project phase.
_OTHER_PHASES = tuple(
    phrase
    for n in _STAGE_NUMBERS
    for phrase in (
        f"thử nghiệm giai đoạn {n}",
        f"thử nghiệm lâm sàng giai đoạn {n}",
        f"nghiên cứu giai đoạn {n}",
        f"giai đoạn {n} của thử nghiệm",
        f"dự án giai đoạn {n}",
        f"giai đoạn {n} của dự án",
        f"giai đoạn {n} dự án",
        f"chuyển dạ giai đoạn {n}",
        f"giai đoạn {n} của chuyển dạ",
        f"giai đoạn {n} chuyển dạ",
        f"giấc ngủ giai đoạn {n}",
        f"giai đoạn {n} của giấc ngủ",
    )
)

# Common middle names, none of which is a word that follows đàm "phlegm"
# (đàm xanh, đàm trắng, đàm hồng bọt, đàm đục).
_MIDDLE_NAMES = (
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Quang",
    "Thu",
    "Thanh",
    "Ngọc",
    "Vĩnh",
    "Hữu",
    "Công",
    "Xuân",
    "Mạnh",
    "Quốc",
    "Thế",
    "Duy",
    "Trung",
    "Hải",
)

RULES = LanguageRules(
    code="vi",
    own_letters={"ă": "a~", "â": "a~~", "đ": "d~", "ê": "e~", "ô": "o~", "ơ": "o~~", "ư": "u~"},
    marks_matter=True,
    mark_variants=_tone_placements(),
    # Syllables are short; one edit in a short syllable is another word.
    fuzzy_lengths=(7, 12),
    number_words=frozenset("một hai ba bốn năm mot bon nam".split()),
    context_cues=(
        "ung thư",
        "khối u",
        "bác sĩ",
        "bác sỹ",
        "điều dưỡng",
        "y tá",
        "bệnh viện",
        "phòng khám",
        "bệnh nhân",
        "người bệnh",
        "điều trị",
        "chẩn đoán",
        "ung bướu",
        "nhập viện",
        "xuất viện",
        "tái khám",
        "bệnh án",
        "lâm sàng",
        "đơn thuốc",
    ),
    blocking=(
        # "The illness is getting better", not progression.
        "tiến triển tốt",
        "tiến triển tốt đẹp",
        "tiến triển thuận lợi",
        "tiến triển khả quan",
        "tiến triển tích cực",
        "tiến triển ổn định",
        "bệnh tiến triển tốt",
        "bệnh tiến triển tốt đẹp",
        "bệnh tiến triển thuận lợi",
        "bệnh tiến triển khả quan",
        "bệnh tiến triển tích cực",
        "bệnh tiến triển ổn định",
        "bệnh đã tiến triển tốt",
        "tiến bộ",
        # "No sign of progressive disease" is stable disease, not NED.
        "không còn dấu hiệu bệnh tiến triển",
        "không còn bằng chứng bệnh tiến triển",
        "không có bằng chứng bệnh tiến triển",
        # "The disease progressed locally": neither progression alone nor
        # locally advanced cancer (a term of its own now, never stage 4).
        "bệnh tiến triển tại chỗ",
        *_NON_CANCER_STAGE_4,
        *_OTHER_PHASES,
        *_NODAL_SPREAD,
        # Cancer cells spreading (the process), not stage 4 cancer.
        "tế bào ung thư di căn",
        # An epidemic coming back, not cancer recurrence.
        "dịch bệnh tái phát",
        "dịch bệnh quay lại",
        # Sequencing a virus, not genetic testing of a person or a tumor.
        "giải trình tự gen virus",
        "giải trình tự gen biến chủng",
        # "a further stage" of anything.
        "giai đoạn xa hơn",
        # hạch: other words and other ganglia than lymph nodes.
        "hạch toán",
        "hạch sách",
        "hạch hỏi",
        "hạch lạc",
        "hạch nhân",
        "hạch đào",
        "hạch nền",
        "hạch thần kinh",
        "hạch giao cảm",
        "hạch hạnh nhân",
        "hạch sao",
        "hạch cổ tay",
        "hạch cổ chân",
        "u hạch",
        # đàm: talks, not phlegm.
        "đàm phán",
        "hội đàm",
        "tọa đàm",
        "đàm thoại",
        "đàm tiếu",
        "đàm đạo",
        "đàm luận",
        "mạn đàm",
        "điện đàm",
        # The surname Đàm before a middle name (Đàm Văn, Đàm Thị...).
        *(f"Đàm {middle}" for middle in _MIDDLE_NAMES),
        # đột biến "sudden(ly)", not a gene change.
        "tăng đột biến",
        "giảm đột biến",
        "tăng trưởng đột biến",
        "biến động đột biến",
        "bước đột biến",
        "yếu tố đột biến",
        # đáp ứng "meets" a need or a standard, not a response to treatment.
        *(
            f"đáp ứng {how} {what}"
            for how in ("hoàn toàn", "một phần")
            for what in ("nhu cầu", "yêu cầu", "tiêu chuẩn", "tiêu chí", "đòi hỏi", "các", "được")
        ),
        # Re-injury in sport.
        "tái phát chấn thương",
        "chấn thương tái phát",
        # Irradiated food and blood products.
        "chiếu xạ thực phẩm",
        "thực phẩm chiếu xạ",
        "máu chiếu xạ",
        # "leave the hospital", "away from the patient": not a cure.
        "khỏi bệnh viện",
        "khỏi bệnh nhân",
        "khỏi bệnh xá",
        "ra khỏi hẳn",
        # Overcast and cold, not a cold tumor.
        "âm u lạnh",
        # Protein-energy malnutrition, not fatigue.
        "suy dinh dưỡng thiếu năng lượng",
        "thiếu năng lượng trường diễn",
        # Malignant conditions that are not cancer.
        "sốt rét ác tính",
        "tăng huyết áp ác tính",
        "cao huyết áp ác tính",
        "tăng thân nhiệt ác tính",
        "thiếu máu ác tính",
        "an thần kinh ác tính",
        # Synergy "from" something, not magnetic resonance imaging.
        "sự cộng hưởng từ",
        "hiệu ứng cộng hưởng từ",
        "tác dụng cộng hưởng từ",
        "tác động cộng hưởng từ",
        # Opioid substitution, not cancer maintenance therapy.
        "điều trị duy trì methadone",
        "điều trị duy trì bằng methadone",
        "điều trị duy trì bằng thuốc methadone",
    ),
    patterns=(
        TNM,
        PS,
        # "đáp ứng: PR", "bệnh nhân đạt CR", "RECIST 1.1: PR"; not "khoảng PR"
        # (ECG), "làm PR" (public relations) or "ngân hàng đạt CR 12%".
        Pattern(
            names=("CR", "PR", "PD"),
            before=(
                r"(?i:đáp\s+ứng(?:\s+(?:với\s+)?điều\s+trị)?|(?:bệnh|bệnh\s+nhân|người\s+bệnh|BN)\s+(?:đã\s+)?đạt(?:\s+được)?"
                r"|RECIST(?:\s*v?1\.1)?)\s*\)?\s*[:=(-]?\s*$"
            ),
        ),
    ),
)

EXAMPLES = {
    "annotate": [
        (
            "Ung thư tiến triển tại chỗ, điều trị hóa xạ trị đồng thời.",
            ["Ung thư tiến triển tại chỗ", "xạ trị"],
        ),
        (
            "Bệnh nhân ung thư phổi, bệnh thận mạn giai đoạn 3 và tăng huyết áp giai đoạn 2.",
            ["ung thư phổi"],
        ),
        ("Thuốc đã qua thử nghiệm giai đoạn 3 cho bệnh nhân ung thư.", []),
        ("Sau 2 đợt điều trị, bệnh tiến triển tốt.", []),
    ],
    "sort": ["u", "ung thư", "ưu tiên"],
    "fold_marks": [("hoá trị", "hóa trị"), ("khoẻ", "khỏe"), ("thuý", "thúy")],
}
