"""Chinese (Simplified and Traditional): no spaces, so every ideograph is a
token; a misspelt ideograph is another word, so nothing is forgiven.

One module serves both scripts: each list holds the Simplified and the
Traditional spelling of a phrase where they differ."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import _TNM_AFTER, _TNM_BEFORE, TNM

# -- TNM -----------------------------------------------------------------------
# Sub-categories and the clinical (c) and pathological (p) prefixes, as notes
# write them: "pT3b N1a M0", "cT2 N0". The shared TNM rule covers T0-T4, N0-N3
# and M0-M1c only.
_T = "T0 Tis T1 T1a T1b T1c T2 T2a T2b T3 T3a T3b T4 T4a T4b T4c T4d".split()
_N = "N0 N1 N1a N1b N1c N2 N2a N2b N2c N3 N3a N3b N3c".split()
_M = "M0 M1 M1a M1b M1c".split()
_TNM_ALL = tuple(p + c for p in ("", "c", "p") for c in (*_T, *_N, *_M))
_TNM_MORE = tuple(n for n in _TNM_ALL if n not in TNM.names)
# A code explained item by item, in a leaflet or a reply to a patient:
# "pT3b：原发肿瘤……；N1a：……；M0：……". Each item is linked when the next
# letter of the code follows, or the previous one precedes, in the same
# sentence (T before N before M, so "T1：低信号；T2：高信号" stays plain).
_ITEM = r"\s*[:：][^。！？!?\n]{0,80}?[；;]\s*"
_CAT = r"[cpyra]?{}(?:[0-4xX]|is)[a-d]?"
_T_ITEM, _N_ITEM, _M_ITEM = (_CAT.format(c) for c in "TNM")

# -- shapes of other ambiguous names -----------------------------------------------
# A cancer named right after "晚期" / "转移性" (advanced / metastatic), or
# right before "晚期": "晚期肺癌", "肺癌晚期", "转移性乳腺癌". Not "晚期反应"
# (late effects), "清朝晚期", "转移性腺癌" in a lymph node.
_NOT_IN_NAME = "的和与與及或是在了有无無未不后後前期"
_FILLER = rf"(?:(?![{_NOT_IN_NAME}])[\u4e00-\u9fff]){{0,7}}?"
_CANCER = r"(?:癌|肿瘤|腫瘤|淋巴瘤|骨髓瘤|黑色素瘤|肉瘤)"
# "早期发现肺癌" is finding cancer early, not early-stage cancer.
_NOT_A_STAGE = (
    r"发现|發現|筛查|篩檢|篩查|诊断|診斷|识别|識別|干预|干預|症状|症狀|信号|信號|迹象|跡象"
)
# Stages in bare Chinese numerals: everyday words too ("一期工程"), so linked
# only next to a named cancer. Taiwan's "第三期" is a name in context.
_NUMERAL_STAGES = tuple(n + "期" for n in ("一", "二", "三", "四"))
_ORGAN = (
    r"(?:非小细胞肺|非小細胞肺|小细胞肺|小細胞肺|肺|乳腺|乳|胃|结直肠|結直腸|结肠|結腸|"
    r"直肠|直腸|大肠|大腸|肠|腸|前列腺|胰腺|胰|卵巢|宫颈|子宫颈|子宮頸|子宫内膜|"
    r"子宮內膜|肾|腎|膀胱|食管|食道|鼻咽|甲状腺|甲狀腺|头颈|頭頸|胆管|膽管|胆囊|膽囊)"
)
# "转移到" (moved to, spread to) is metastasis only before a part of the body:
# "已经转移到骨头", not "转移到室内", "转移至普通病房".
_SITE = (
    r"(?:骨|肝|肺|脑|腦|淋巴|肾上腺|腎上腺|腹膜|胸膜|腹腔|胸腔|全身|身体|身體|"
    r"其他器官|其它器官|其他部位|其它部位|对侧|對側|"
    r"脊|骨盆|肋|卵巢|皮肤|皮膚|胃|肠|腸|肾|腎|膀胱|脾|胰|乳房|颈部|頸部|"
    r"锁骨|鎖骨|纵隔|縱隔|腋下|心包|软组织|軟組織|肌肉)"
)
# In Hong Kong 電療 is radiotherapy; in Taiwan it is also a physiotherapy
# treatment ("復健科做電療及熱敷"): linked only in a sentence about cancer
# treatment, never in one about rehabilitation.
_REHAB = r"(?:復健|复健|物理治療|物理治疗|熱敷|热敷|牽引|牵引|針灸|针灸)"
_ONCOLOGY = r"(?:化療|化學治療|放射|放療|腫瘤|癌|標靶|免疫治療|手術|術後|復發|轉移|淋巴)"

# -- stages --------------------------------------------------------------------
# Stage numbers as Chinese notes write them: digits, Roman numerals (ASCII;
# "Ⅲ" folds to "III"), Chinese numerals, with sub-letters and "第".
_STAGE_NUMBERS = ("0", "1", "2", "3", "4", "5", "I", "II", "III", "IV", "V")
_STAGE_WORDS = ("一", "二", "三", "四", "五")
_STAGES = (
    *(n + letter + "期" for n in _STAGE_NUMBERS for letter in ("", "a", "b", "c")),
    *(w + "期" for w in _STAGE_WORDS),
    *("第" + n + "期" for n in (*_STAGE_NUMBERS, *_STAGE_WORDS)),
)
# Other conditions are staged too ("慢性肾脏病3期", "CKD 3a期", "慢性腎臟病第三期",
# "2期压疮", "二期梅毒"), and phases and cycles are numbered like stages
# ("III期临床试验", "切口Ⅰ期愈合", "二期手术", "地铁4期工程", "化疗4期" = four
# cycles): a stage there is never cancer's.
OTHER_STAGED_BEFORE = (
    "慢性肾脏病",
    "慢性腎臟病",
    "慢性肾病",
    "慢性腎病",
    "肾脏病",
    "腎臟病",
    "肾病",
    "腎病",
    "慢性肾衰竭",
    "慢性腎衰竭",
    "糖尿病肾病",
    "糖尿病腎病",
    "糖尿病腎病變",
    "CKD",
    "CKD ",
    "压疮",
    "壓瘡",
    "褥疮",
    "褥瘡",
    "压力性损伤",
    "壓力性損傷",
    "壓傷",
    "心衰",
    "心力衰竭",
    "心衰竭",
    "心臟衰竭",
    "子宫内膜异位症",
    "子宮內膜異位症",
    "淋巴水肿",
    "淋巴水腫",
    "高血压",
    "高血壓",
    "梅毒",
    "睡眠",
    "肝纤维化",
    "肝纖維化",
    "尘肺",
    "塵肺",
    "矽肺",
    "痔疮",
    "痔瘡",
    "帕金森病",
    "巴金森病",
    "巴金森氏症",
    "帕金森氏症",
    "工程",
    "通讯",
    "通訊",
    "杂志",
    "雜誌",
    "期刊",
    "化疗",
    "化療",
)
OTHER_STAGED_AFTER = (
    "压疮",
    "壓瘡",
    "褥疮",
    "褥瘡",
    "压力性损伤",
    "壓力性損傷",
    "梅毒",
    "高血压",
    "高血壓",
    "淋巴水肿",
    "淋巴水腫",
    "尘肺",
    "塵肺",
    "矽肺",
    "肾病",
    "腎病",
    "睡眠",
    "临床",
    "臨床",
    "试验",
    "試驗",
    "研究",
    "愈合",
    "癒合",
    "缝合",
    "縫合",
    "手术",
    "手術",
    "重建",
    "工程",
    "项目",
    "項目",
    "建设",
    "建設",
    "捷运",
    "捷運",
    "地铁",
    "地鐵",
    # Cycles of chemotherapy: "做了4期化疗", "化疗4期".
    "化疗",
    "化療",
    "疗程",
    "療程",
)

RULES = LanguageRules(
    code="zh",
    fuzzy_lengths=None,
    # Strong signs of a medical passage. Not 诊断 ("故障诊断", "经营诊断",
    # "诊断性测试"), 基因 ("刻进基因") or 治疗 (a sports injury, "治疗拖延症").
    context_cues=(
        "癌",
        "癌症",
        "肿瘤",
        "腫瘤",
        "肿瘤科",
        "腫瘤科",
        "医生",
        "醫生",
        "医师",
        "醫師",
        "护士",
        "護士",
        "護理師",
        "医院",
        "醫院",
        "门诊",
        "門診",
        "复诊",
        "複診",
        "覆診",
        "回診",
        "就诊",
        "就診",
        "住院",
        "病房",
        "病历",
        "病歷",
        "病理",
        "患者",
        "病人",
        "病患",
        "衛教",
        "抗癌",
        # Genes tested in cancer care.
        "EGFR",
        "KRAS",
        "ALK",
        "BRAF",
        "HER2",
        "BRCA",
        "BRCA1",
        "BRCA2",
    ),
    blocking=(
        # "Intermediate to advanced": neither stage 4 nor locally advanced.
        "中晚期",
        # Departments, not a tumour.
        "肿瘤科",
        "腫瘤科",
        "肿瘤内科",
        "腫瘤內科",
        "肿瘤外科",
        "腫瘤外科",
        "血液肿瘤科",
        "血液腫瘤科",
        "临床肿瘤科",
        "臨床腫瘤科",
        "放射肿瘤科",
        "放射腫瘤科",
        "肿瘤医院",
        "腫瘤醫院",
        "肿瘤中心",
        "腫瘤中心",
        # Other diseases are staged too; a phase 3 trial is not stage 3.
        *(root + stage for root in OTHER_STAGED_BEFORE for stage in _STAGES),
        *(stage + what for stage in _STAGES for what in OTHER_STAGED_AFTER),
        "N1期",
        "N2期",
        "N3期",
        "REM期",
        # End-stage organ failure is not a terminal cancer.
        "终末期肾病",
        "終末期腎病",
        "终末期肾脏病",
        "終末期腎臟病",
        "终末期肝病",
        "終末期肝病",
        "终末期心衰",
        "末期腎病",
        "末期腎臟病",
        "末期腎衰竭",
        "末期肝病",
        "末期心衰竭",
        # 末期 of an era.
        "年代末期",
        "时代末期",
        "時代末期",
        "世纪末期",
        "世紀末期",
        "朝末期",
        # 转移: moved, diverted ("转移到" is linked only before a body site).
        "转移注意力",
        "轉移注意力",
        "转移视线",
        "轉移視線",
        "转移话题",
        "轉移話題",
        "转移资金",
        "轉移資金",
        # Patients and people moved somewhere that is no part of the body.
        *(
            verb + to + place
            for verb in ("转移", "轉移")
            for to in ("到", "至")
            for place in (
                "普通病房",
                "病房",
                "ICU",
                "重症监护室",
                "加护病房",
                "加護病房",
                "监护室",
                "室内",
                "室內",
                "安全区域",
                "安全區域",
                "安全地带",
                "安全地帶",
                "安置点",
                "安置點",
                "上级医院",
                "上級醫院",
                "外院",
                "他院",
            )
        ),
        "转移群众",
        "轉移群眾",
        "转移上岸",
        "轉移上岸",
        "紧急转移",
        "緊急轉移",
        "安全转移",
        "安全轉移",
        "转移安置",
        "轉移安置",
        "恶性高热",
        "惡性高熱",
        # Instalments, phased building.
        "分期付款",
        "分期还款",
        "分期還款",
        "分期贷款",
        "分期貸款",
        "分期缴费",
        "分期繳費",
        "分期建设",
        "分期建設",
        # Radical surgery is surgery, not a promise of cure; "healing" fiction.
        "根治性",
        "根治术",
        "根治術",
        "治愈系",
        "治癒系",
        # Pain relieved, not a tumour response.
        "痛完全缓解",
        "痛完全緩解",
        "痛部分缓解",
        "痛部分緩解",
        "症状完全缓解",
        "症狀完全緩解",
        "症状部分缓解",
        "症狀部分緩解",
        "完全反应不过来",
        "完全反應不過來",
        # Idioms and other trades.
        "英雄气短",
        "英雄氣短",
        "声嘶力竭",
        "聲嘶力竭",
        "随地吐痰",
        "隨地吐痰",
        "回天乏力",
        "增长乏力",
        "增長乏力",
        "融资乏力",
        "融資乏力",
        "疲劳驾驶",
        "疲勞駕駛",
        "审美疲劳",
        "審美疲勞",
        "视疲劳",
        "視疲勞",
        "视觉疲劳",
        "視覺疲勞",
        "金属疲劳",
        "金屬疲勞",
        "刻进DNA",
        "刻進DNA",
        "刻在DNA",
        "故障诊断",
        "故障診斷",
        "外科手术式",
        "外科手術式",
        "PET瓶",
        "PET塑料",
        "PET塑膠",
        "PET材质",
        "PET材質",
        "切片吐司",
        "切片蛋糕",
        "切片面包",
        "切片麵包",
        "切片机",
        "切片機",
        "晶圆切片",
        "晶圓切片",
        # Micro-innovation; pathological fractures and physiology.
        "微创新",
        "微創新",
        "微创业",
        "微創業",
        "病理性",
        "病理生理",
        # A targeted biopsy; RECIST target lesions.
        "靶向穿刺",
        "標靶病灶",
    ),
    patterns=(
        TNM,
        Pattern(names=_TNM_MORE, before=_TNM_BEFORE, after=_TNM_AFTER),
        Pattern(
            names=tuple(n for n in _TNM_ALL if "T" in n),
            after=rf"^{_ITEM}{_N_ITEM}\s*[:：]",
        ),
        Pattern(
            names=tuple(n for n in _TNM_ALL if "N" in n),
            before=rf"(?<![\w]){_T_ITEM}{_ITEM}$",
            after=rf"^{_ITEM}{_M_ITEM}\s*[:：]",
        ),
        Pattern(
            names=tuple(n for n in _TNM_ALL if "M" in n),
            before=rf"(?<![\w]){_N_ITEM}{_ITEM}$",
        ),
        # "ECOG PS 1", "PS：1分"; not "PS：周四上午10:00" (a postscript).
        Pattern(
            names=("PS",),
            before=r"(?:ECOG|WHO|Zubrod)\s*$",
            after=r"^\s*(?:[:=：]|评分|評分|为|為)?\s*[0-4](?!\s*[\d.,:：点點时時号號月日])",
        ),
        # "疗效评价：PR", "评估为CR", "达到CR", "疗效评估：PD".
        Pattern(
            names=("CR", "PR", "PD"),
            before=(
                r"(?:疗效|療效|评价|評價|评估|評估|评效|評效|最佳疗效|最佳療效|"
                r"最佳反应|最佳反應|评估为|評估為|评价为|評價為|达到|達到|获得|獲得)"
                r"\s*[:：=]?\s*$"
            ),
        ),
        # "肺癌晚期", "晚期胃癌", "早期乳腺癌", "三期肺癌": a stage
        # word next to a named cancer; not "清朝晚期", "早期发现肺癌" (found
        # early), "一期工程", "二期梅毒".
        Pattern(
            names=("晚期", "早期", *_NUMERAL_STAGES),
            before=rf"{_CANCER}(?:已经|已經|已|到了|是|就是|都|属于|屬於|进入|進入|\s){{0,3}}$",
            after=rf"^(?!{_NOT_A_STAGE}){_FILLER}{_CANCER}",
        ),
        Pattern(
            names=("转移性", "轉移性"),
            after=rf"^(?:{_ORGAN}(?:癌|癌症|肿瘤|腫瘤)|(?:恶性|惡性)?黑色素瘤)",
        ),
        Pattern(
            names=tuple(
                done + verb + to
                for done in ("", "已", "已经", "已經")
                for verb in ("转移", "轉移")
                for to in ("到", "至")
            ),
            after=rf"^\s*了?\s*{_SITE}",
        ),
        # Antibody drug names end in 单抗 (帕博利珠单抗, pembrolizumab): the
        # class is linked after a target ("EGFR单抗", "CD20单抗") or on its
        # own, never as the tail of a drug's name.
        Pattern(
            names=("单抗", "單抗"),
            before=r"(?:^|[^\u4e00-\u9fff]|[用的类類和或与與及把是打])\s*$",
        ),
        Pattern(
            names=("電療",),
            before=rf"^(?!.*{_REHAB}).*{_ONCOLOGY}",
            after=rf"^(?!.*{_REHAB}).*{_ONCOLOGY}",
        ),
    ),
)

# Run by the tests in the first Chinese locale (zh-Hans).
EXAMPLES = {
    "annotate": [
        ("医生说是肺癌3期，还能手术。", ["肺癌", "3期", "手术"]),
        # Cycles of chemotherapy are not a stage (the blocking phrase takes 化疗 too).
        ("患者慢性肾脏病3期，CKD 3a期，已做4期化疗。", []),
        ("这是一项III期临床试验，医生说。", []),
        ("局部晚期直肠癌不是4期。", ["局部晚期", "直肠癌", "4期"]),
        ("早期发现肺癌很重要。", ["肺癌"]),
        ("乳腺癌三期，医生建议化疗。", ["乳腺癌", "三期", "化疗"]),
        ("二期梅毒，切口Ⅰ期愈合。", []),
        ("患者已转移至普通病房，医生查房。", []),
        ("肺癌已经转移到骨头了。", ["肺癌", "已经转移到"]),
    ],
}
